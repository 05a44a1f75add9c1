#pragma once
// What of the chosen region is the article: its blocks without the furniture inside it (share
// bars, teasers, captions, bylines by tag or cue), without lists and tables of links, and
// nothing before the headline. Also the fallback for a page where no region stands out. Kept
// apart from the region choice (region_choice.h): a good region still holds furniture.

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/page_blocks.h"
#include "indexer/region_choice.h"

namespace talksearch::indexer {

// Mostly links: a teaser, a menu entry, a tag. A long paragraph with many inline links (names
// linked to their pages) is still text.
bool is_link_block(const Block& block);

// The indices into `page.blocks` of the region's blocks that are not furniture, in document
// order. Furniture is kept when it holds most of the region (a wrapper misnamed); links count as
// text in `page.lenient` mode.
std::vector<std::size_t> region_blocks(const Page& page, const Region& chosen);

// When no region stands out (a short page): the blocks of the page's <article>, else its <main>,
// else all of it, without furniture and link lists.
std::vector<std::string> readable_blocks(const Page& page);

}  // namespace talksearch::indexer
