#include "searchd/search/docid_list.h"

#include <algorithm>

#include <fmt/format.h>

namespace talksearch::search {

DocidList::DocidList(std::vector<Xapian::docid> docids, std::vector<std::string> part_uuids)
    : DocidList(std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)),
                std::make_shared<const std::vector<std::string>>(std::move(part_uuids))) {}

void DocidList::init(const Xapian::Database& database) {
    at_ = 0;
    started_ = false;
    set_maxweight(0);
    docids_ = all_;
    if (part_uuids_->size() < 2) return;
    const auto found = std::find(part_uuids_->begin(), part_uuids_->end(), database.get_uuid());
    const auto parts = static_cast<Xapian::docid>(part_uuids_->size());
    const auto part = static_cast<Xapian::docid>(found - part_uuids_->begin());
    // Document d of part p is (d - 1) * parts + p + 1 of the stub. A database not among the
    // parts (none should be) matches nothing.
    std::vector<Xapian::docid> own;
    if (found != part_uuids_->end()) {
        for (const auto docid : *all_) {
            if ((docid - 1) % parts == part) own.push_back((docid - 1) / parts + 1);
        }
    }
    docids_ = std::make_shared<const std::vector<Xapian::docid>>(std::move(own));
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

std::optional<std::vector<std::string>> part_uuids(const Xapian::Database& database) {
    if (database.size() < 2) return std::vector<std::string>();
    std::vector<std::string> uuids;
    const auto joined = database.get_uuid();
    for (std::size_t start = 0;;) {
        const auto end = joined.find(':', start);
        uuids.push_back(joined.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    auto sorted = uuids;
    std::sort(sorted.begin(), sorted.end());
    const bool distinct = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    const bool named = std::none_of(uuids.begin(), uuids.end(),
                                    [](const std::string& uuid) { return uuid.empty(); });
    if (uuids.size() != database.size() || !distinct || !named) return std::nullopt;
    return uuids;
}

std::string DocidList::get_description() const {
    return fmt::format("DocidList({} documents)", all_->size());
}

}  // namespace talksearch::search
