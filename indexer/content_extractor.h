#pragma once
// Finds a web page's article among its site furniture, on the tree gumbo builds, and returns its
// text blocks (paragraphs, subheadings, list items, quotes) in document order.
//
// The region is chosen as Readability does: paragraphs vote for the containers above them, by
// length and commas, weighted by the container's tag, its class/id/role cues (article, content
// vs. share, related, newsletter...) and how little of its text is links; siblings that read like
// the article join it. Inside the region, furniture is dropped by tag and cue (navigation, share
// bars, teasers, captions, bylines), by link density, and before the headline or the first real
// paragraph, as jusText does with short blocks. When no region stands out, every block of the
// page that reads like text is kept.
//
// The steps are units of their own: page_blocks.h (the page as elements and text blocks),
// boilerplate_cue.h (class/id/role cues), region_choice.h, furniture_removal.h and
// edge_trimming.h.

#include <string>
#include <vector>

#include <gumbo.h>

namespace talksearch::indexer {

// `root` is the document (or any element); `headline`, when known, is the element that shows
// the article's title: what precedes it is rarely article text.
std::vector<std::string> extract_content(const GumboNode* root, const GumboNode* headline);

}  // namespace talksearch::indexer
