#include "searchd/search/docid_list.h"

#include <algorithm>

#include <fmt/format.h>

namespace talksearch::search {

DocidList::DocidList(std::vector<Xapian::docid> docids)
    : docids_(std::make_shared<const std::vector<Xapian::docid>>(std::move(docids))) {}

void DocidList::init(const Xapian::Database&) {
    at_ = 0;
    started_ = false;
    set_maxweight(0);
}

void DocidList::next(double) {
    if (started_) ++at_;
    started_ = true;
}

void DocidList::skip_to(Xapian::docid docid, double) {
    started_ = true;
    if (at_ >= docids_->size() || (*docids_)[at_] >= docid) return;
    at_ = static_cast<std::size_t>(
        std::lower_bound(docids_->begin() + static_cast<std::ptrdiff_t>(at_), docids_->end(),
                         docid) -
        docids_->begin());
}

std::string DocidList::get_description() const {
    return fmt::format("DocidList({} documents)", docids_->size());
}

}  // namespace talksearch::search
