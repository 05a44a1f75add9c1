#pragma once
// The leading edge of an article's blocks: before the first real paragraph a page puts bylines,
// dates, reading times and kickers inside the article's own container, where neither cue nor tag
// marks them. Short lines that are not sentences there are dropped, as jusText drops short
// blocks that no good paragraph vouches for; subheadings stay.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/page_blocks.h"

namespace talksearch::indexer {

// Ends as a sentence does (., !, ? or :), after any closing quotes and brackets.
bool ends_sentence(std::string_view text);

// Reads like article text: ten words or more, a sentence, few links.
bool is_real_paragraph(const Block& block);

// The texts of `kept` (indices into `page.blocks`, in document order) without the short lines
// before the first real paragraph. With no real paragraph, all of them.
std::vector<std::string> trim_leading_edge(const Page& page, const std::vector<std::size_t>& kept);

}  // namespace talksearch::indexer
