#pragma once
// The benchmarks' timing of a step: the fastest of a few runs, which keeps most of the machine's
// variation out of a figure.

#include <algorithm>
#include <chrono>
#include <functional>

namespace talksearch::bench {

// The fastest of `rounds` runs of `run`, in milliseconds.
inline double fastest_run_ms(unsigned rounds, const std::function<void()>& run) {
    double best = 0;
    for (unsigned round = 0; round < rounds; ++round) {
        const auto start = std::chrono::steady_clock::now();
        run();
        const std::chrono::duration<double, std::milli> took =
            std::chrono::steady_clock::now() - start;
        best = round == 0 ? took.count() : std::min(best, took.count());
    }
    return best;
}

}  // namespace talksearch::bench
