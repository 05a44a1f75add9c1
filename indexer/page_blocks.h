#pragma once
// A web page as the content extractor sees it: its visible elements in document order, each with
// how much text and link text it holds and whether it is furniture by tag or cue, and its text
// blocks (the text between block-level tags), each owned by the innermost block element around
// it. Built in one iterative walk, so that choosing the region and keeping its blocks are
// arithmetic over arrays, not walks over the tree.

#include <string>
#include <vector>

#include <gumbo.h>

#include "indexer/boilerplate_cue.h"

namespace talksearch::indexer {

struct Element {
    const GumboNode* node = nullptr;
    int parent = -1;
    int end = 0;  // one past the last element of its subtree (elements are in document order)
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    Cue cue = Cue::none;
    int furniture = -1;  // the nearest ancestor-or-self that is furniture, or -1
    double text = 0;     // bytes of text in the subtree
    double links = 0;    // of which inside links
    double score = 0;    // the region choice's votes (region_choice.h)
    bool scored = false;
};

struct Block {
    std::string text;
    int owner = -1;  // the innermost block element around the text
    double links = 0;
    bool headline = false;  // inside the headline element
};

class Page {
  public:
    // `root` is an element (the document's <html>); `headline`, when known, the element that
    // shows the article's title. Hidden and invisible elements are left out.
    Page(const GumboNode* root, const GumboNode* headline);

    std::vector<Element> elements;
    std::vector<Block> blocks;
    int headline = -1;     // element index of the headline
    bool lenient = false;  // links count as text (a page whose paragraphs are full of them)

  private:
    void walk(const GumboNode* root);

    const GumboNode* headline_node_;
};

bool is_heading(GumboTag tag);

// The share of an element's text inside links.
inline double link_density(const Element& element) {
    return element.text > 0 ? element.links / element.text : 0;
}

// Whether element `index` is `ancestor` or inside it.
inline bool inside(const std::vector<Element>& elements, int index, int ancestor) {
    return index >= ancestor && index < elements[static_cast<std::size_t>(ancestor)].end;
}

}  // namespace talksearch::indexer
