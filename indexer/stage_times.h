#pragma once
// Where an indexing run spends its time, stage by stage, summed over the threads that index:
// cleaning the text, finding its places, people and organisations, generating its terms, finding
// its story (its signature and the articles like it), and writing documents into the database
// (Xapian's inversion, compression and commits).

#include <chrono>

namespace talksearch::indexer {

using Seconds = std::chrono::duration<double>;

struct StageTimes {
    Seconds cleaning{};
    Seconds entities{};
    Seconds terms{};
    Seconds stories{};
    Seconds writing{};

    StageTimes& operator+=(const StageTimes& other) {
        cleaning += other.cleaning;
        entities += other.entities;
        terms += other.terms;
        stories += other.stories;
        writing += other.writing;
        return *this;
    }
};

// The time from construction to each lap() call, for timing consecutive stages with one clock.
class StageClock {
  public:
    StageClock() : last_(std::chrono::steady_clock::now()) {}
    Seconds lap() {
        const auto now = std::chrono::steady_clock::now();
        const Seconds elapsed = now - last_;
        last_ = now;
        return elapsed;
    }

  private:
    std::chrono::steady_clock::time_point last_;
};

}  // namespace talksearch::indexer
