#include "searchd/search/docid_range.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace talksearch::search {

DocidRange::DocidRange(Xapian::docid first, Xapian::docid last, Xapian::doccount databases)
    : first_(first), last_(last), databases_(std::max<Xapian::doccount>(databases, 1)) {
    if (databases_ == 1) {
        begin_ = first_;
    } else if (first_ >= 1 && (first_ - 1) % databases_ == 0) {
        begin_ = (first_ - 1) / databases_ + 1;
    } else {
        throw std::invalid_argument(
            "a range of a stub's ids starts after a multiple of its databases");
    }
}

void DocidRange::init(const Xapian::Database& database) {
    current_ = 0;
    // A last id that is no multiple takes the rest of its turn: past the stub's last document
    // unless the range ends before it (the caller's to ensure).
    const auto last = last_ / databases_ + (last_ % databases_ != 0 ? 1 : 0);
    end_ = std::min(last, database.get_lastdocid());
    set_maxweight(0);
    // Claiming as many documents as the database holds keeps the query's own terms leading the
    // match: this is then only asked whether their documents are in range.
    estimate_ = std::max<Xapian::doccount>(database.get_lastdocid(), last_ - first_ + 1);
}

void DocidRange::skip_to(Xapian::docid did, double) {
    current_ = std::max({current_, did, begin_});
}

std::string DocidRange::get_description() const {
    return databases_ == 1 ? fmt::format("DocidRange({}, {})", first_, last_)
                           : fmt::format("DocidRange({}, {} of {})", first_, last_, databases_);
}

}  // namespace talksearch::search
