#pragma once
// A search's time limit, kept by the search itself. Xapian's own (Enquire::set_time_limit) arms a
// timer whose notification thread writes a flag into the frame of the get_mset call that armed it,
// and may do so after that call has returned (Xapian 1.4's TimeOut only deletes the timer): with a
// limit of a few milliseconds under load, the late write corrupted a later call's stack and
// crashed searchd. A Deadline instead ends the match from inside: its filter, ANDed into every pass
// of a search, claims every document until the time is up and then ends, which ends the match;
// the Deadline remembers that it did, so the response can say its counts are not exact.
// The filter is for local databases; a shard server of the project's own is sent the time left
// instead (with the posting source every query of its counting carries, shard_columns.h) and
// ends its match when it is up, which only it sees: over remote shards, a search whose time was
// up when they answered counts as cut.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include <xapian.h>

namespace talksearch::search {

class Deadline {
  public:
    using Clock = std::chrono::steady_clock;

    explicit Deadline(Clock::time_point at);

    // A filter for one pass; every filter of a Deadline shares its time and its record.
    Xapian::Query filter() const;
    // Whether the time ran out while a pass still had documents to look at.
    bool passed() const { return state_->cut.load(std::memory_order_relaxed); }
    // For work done outside a pass: whether the time is up, which then counts as passed().
    bool expired() const;
    Clock::time_point at() const { return state_->at; }

    // The time left until `at`, as sent to a shard server (microseconds, as a decimal number);
    // and the time it then ends at by the server's clock, counted from now. A longer time than a
    // day, which the clock's type might not hold, is a day. Throws Xapian::SerialisationError
    // if malformed.
    static std::string time_left(Clock::time_point at);
    static Clock::time_point ends_after(const std::string& time_left);

    struct State {
        Clock::time_point at;
        std::atomic<bool> cut{false};
    };

  private:
    std::shared_ptr<State> state_;
};

}  // namespace talksearch::search
