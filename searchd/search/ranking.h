#pragma once
// The order of results, in one place: how an Enquire is told to rank, and the same order for
// merging the pages of a search split between searchers. A new sort or ranking signal changes
// both here, together.

#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/search_request.h"

namespace talksearch::search {

// Ranks `enquire` by `sort`. `checks_every_match` when its pass checks every match of local
// databases: a key maker then spares Xapian work per match (remote shards' servers know no key
// makers but Xapian's own).
void set_ranking(Xapian::Enquire& enquire, SortOrder sort, bool checks_every_match);

// One match of a page, with what its order depends on.
struct RankedMatch {
    Xapian::MSetIterator match;
    const Xapian::MSet* mset;  // the page it came from: snippets need its query terms
};

// The matches of several pages, each ranked by set_ranking() with `sort` over its own share of
// the document ids, merged into the one order a single pass would have given.
std::vector<RankedMatch> merge_ranked(const std::vector<const Xapian::MSet*>& pages,
                                      SortOrder sort);

}  // namespace talksearch::search
