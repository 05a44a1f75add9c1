#pragma once
// Where on a page the article is, as Readability finds it: each paragraph votes for the
// containers above it (by its length and commas, less for each level up), a container's score
// starts from its tag and class/id cue and shrinks with its link density, and the best one wins;
// a parent holding more of the article takes its place, and siblings that read like more of the
// same article join it. Scoring is kept apart from what is then kept of the region
// (furniture_removal.h), since either can be wrong on its own on a real page.

#include <vector>

#include "indexer/page_blocks.h"

namespace talksearch::indexer {

struct Region {
    int root = -1;           // the element holding the article
    std::vector<int> parts;  // its children that make the article, or just the root itself
};

// Scores the page's elements (their `score`, from scratch, in `page.lenient` mode) and returns
// the element index of the best container, or -1 when no paragraph voted.
int choose_region(Page& page);

// The region around the chosen container `best`: the container alone, or its parent with the
// siblings that read like more of the same article (its text split among several containers).
Region gather_siblings(const Page& page, int best);

}  // namespace talksearch::indexer
