#include "searchd/search/docid_range.h"

#include <algorithm>

#include <fmt/format.h>

namespace talksearch::search {

void DocidRange::init(const Xapian::Database& database) {
    current_ = 0;
    end_ = std::min(last_, database.get_lastdocid());
    set_maxweight(0);
    // Claiming as many documents as the database holds keeps the query's own terms leading the
    // match: this is then only asked whether their documents are in range.
    estimate_ = std::max<Xapian::doccount>(database.get_lastdocid(), last_ - first_ + 1);
}

void DocidRange::skip_to(Xapian::docid did, double) {
    current_ = std::max({current_, did, first_});
}

std::string DocidRange::get_description() const {
    return fmt::format("DocidRange({}, {})", first_, last_);
}

}  // namespace talksearch::search
