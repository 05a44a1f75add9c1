#include "searchd/search/story_copies.h"

#include "common/schema.h"

namespace talksearch::search {

std::string story_of(const Xapian::Document& document) {
    return document.get_value(schema::kSlotStory);
}

std::vector<std::string> other_copies(const Xapian::Database& database, const std::string& story,
                                      Xapian::docid docid) {
    std::vector<std::string> ids;
    if (story.empty()) return ids;
    const auto term = schema::story_term(story);
    const std::string id_prefix(schema::kIdPrefix);
    for (auto it = database.postlist_begin(term);
         it != database.postlist_end(term) && ids.size() < kMaxListedCopies; ++it) {
        if (*it == docid) continue;
        auto terms = database.termlist_begin(*it);
        terms.skip_to(id_prefix);
        if (terms != database.termlist_end(*it) && (*terms).starts_with(id_prefix)) {
            ids.push_back((*terms).substr(id_prefix.size()));
        }
    }
    return ids;
}

}  // namespace talksearch::search
