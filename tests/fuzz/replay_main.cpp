// Replays inputs through a fuzz target without libFuzzer: every file named on the command line,
// and every file under every folder named, in name order, once each. A crash, a sanitizer
// report, an exception escaping the target or an input that takes too long (10 s, or
// TALKSEARCH_REPLAY_SECONDS) fails the run, naming the file. Outside sanitizer builds the
// address space is also capped, so that runaway memory fails instead of swapping.

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Defined by the targets that prepare something once (a sample index); optional.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {
namespace fs = std::filesystem;

constexpr unsigned kDefaultSecondsPerInput = 10;
constexpr rlim_t kAddressSpaceBytes = rlim_t{4} << 30;

const char* current_input = "(none)";

void fail_on_timeout(int) {
    // Only async-signal-safe calls here.
    const char* before = "FAILED: ";
    const char* after = ": over the time limit for one input\n";
    [[maybe_unused]] auto ignored = write(STDERR_FILENO, before, std::strlen(before));
    ignored = write(STDERR_FILENO, current_input, std::strlen(current_input));
    ignored = write(STDERR_FILENO, after, std::strlen(after));
    _exit(1);
}

unsigned seconds_per_input() {
    const char* setting = std::getenv("TALKSEARCH_REPLAY_SECONDS");
    const int seconds = setting ? std::atoi(setting) : 0;
    return seconds > 0 ? static_cast<unsigned>(seconds) : kDefaultSecondsPerInput;
}

void cap_address_space() {
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of shadow memory
    const rlimit limit{kAddressSpaceBytes, kAddressSpaceBytes};
    setrlimit(RLIMIT_AS, &limit);
#endif
}

std::vector<fs::path> inputs_of(const fs::path& argument) {
    std::vector<fs::path> files;
    if (fs::is_directory(argument)) {
        for (const auto& entry : fs::recursive_directory_iterator(argument)) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(argument)) {
        files.push_back(argument);
    } else {
        throw std::runtime_error("no such file or folder: " + argument.string());
    }
    return files;
}

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE_OR_FOLDER...\n";
        return 2;
    }
    std::vector<fs::path> files;
    try {
        for (int i = 1; i < argc; ++i) {
            for (auto& file : inputs_of(argv[i])) files.push_back(std::move(file));
        }
        cap_address_space();
        if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    } catch (const std::exception& error) {
        std::cerr << "replay: " << error.what() << '\n';
        return 2;
    }
    const auto limit = seconds_per_input();
    std::signal(SIGALRM, fail_on_timeout);
    for (const auto& file : files) {
        const auto name = file.string();
        std::cerr << "replaying " << name << '\n';
        try {
            const auto bytes = read_all(file);
            current_input = name.c_str();
            alarm(limit);
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            alarm(0);
        } catch (const std::exception& error) {
            std::cerr << "FAILED: " << name << ": exception escaped: " << error.what() << '\n';
            return 1;
        }
    }
    std::cerr << files.size() << " inputs replayed without a failure\n";
    return 0;
}
