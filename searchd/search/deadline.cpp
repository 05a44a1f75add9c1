#include "searchd/search/deadline.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

namespace talksearch::search {
namespace {

// Claims every document id up to the database's last, as DocidRange does, so that the query's
// own terms lead the match and this is only asked about their documents; it reads the clock
// every kCheckEvery questions, not at each.
class DeadlineFilter : public Xapian::PostingSource {
  public:
    explicit DeadlineFilter(std::shared_ptr<Deadline::State> state) : state_(std::move(state)) {}

    void init(const Xapian::Database& database) override {
        current_ = 0;
        questions_ = 0;
        end_ = database.get_lastdocid();
        set_maxweight(0);
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return end_; }
    Xapian::doccount get_termfreq_max() const override { return end_; }
    void next(double) override { advance(current_ + 1); }
    void skip_to(Xapian::docid did, double) override { advance(std::max(current_, did)); }
    bool at_end() const override { return current_ > end_; }
    Xapian::docid get_docid() const override { return current_; }
    PostingSource* clone() const override { return new DeadlineFilter(state_); }
    std::string get_description() const override { return "DeadlineFilter"; }

  private:
    static constexpr unsigned kCheckEvery = 256;

    void advance(Xapian::docid to) {
        current_ = to;
        if (++questions_ % kCheckEvery != 0 || current_ > end_) return;
        if (Deadline::Clock::now() >= state_->at) {
            state_->cut.store(true, std::memory_order_relaxed);
            current_ = end_ + 1;  // the match ends here
        }
    }

    std::shared_ptr<Deadline::State> state_;
    Xapian::docid current_ = 0;
    Xapian::docid end_ = 0;
    unsigned questions_ = 0;
};

}  // namespace

Deadline::Deadline(Clock::time_point at) : state_(std::make_shared<State>()) { state_->at = at; }

bool Deadline::expired() const {
    if (Clock::now() < state_->at) return false;
    state_->cut.store(true, std::memory_order_relaxed);
    return true;
}

std::string Deadline::time_left(Clock::time_point at) {
    const auto left = std::chrono::duration_cast<std::chrono::microseconds>(at - Clock::now());
    return std::to_string(std::max<std::int64_t>(left.count(), 0));
}

Deadline::Clock::time_point Deadline::ends_after(const std::string& time_left) {
    std::int64_t left = 0;
    const auto* end = time_left.data() + time_left.size();
    const auto [stop, error] = std::from_chars(time_left.data(), end, left);
    if (error != std::errc() || stop != end || left < 0) {
        throw Xapian::SerialisationError("malformed time left");
    }
    const std::chrono::microseconds day = std::chrono::hours(24);
    return Clock::now() + std::min(std::chrono::microseconds(left), day);
}

Xapian::Query Deadline::filter() const {
    return Xapian::Query((new DeadlineFilter(state_))->release());
}

}  // namespace talksearch::search
