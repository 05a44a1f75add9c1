#include "indexer/content_extractor.h"

#include "indexer/edge_trimming.h"
#include "indexer/furniture_removal.h"
#include "indexer/gumbo_dom.h"
#include "indexer/page_blocks.h"
#include "indexer/region_choice.h"

namespace talksearch::indexer {

std::vector<std::string> extract_content(const GumboNode* root, const GumboNode* headline) {
    const GumboNode* start = root;
    if (root->type == GUMBO_NODE_DOCUMENT) {
        start = nullptr;
        const GumboVector& children = root->v.document.children;
        for (unsigned i = 0; i < children.length && !start; ++i) {
            if (child_at(children, i)->type == GUMBO_NODE_ELEMENT) start = child_at(children, i);
        }
        if (!start) return {};
    }
    Page page(start, headline);
    // Links are furniture's mark; when that leaves too little, the page's paragraphs are full
    // of them (names with pop-up cards), and a second look counts them as text.
    constexpr std::size_t kEnoughBytes = 200;
    for (const bool lenient : {false, true}) {
        page.lenient = lenient;
        const int region = choose_region(page);
        if (region < 0) continue;
        auto blocks = trim_leading_edge(page, region_blocks(page, gather_siblings(page, region)));
        std::size_t bytes = 0;
        for (const auto& block : blocks) bytes += block.size();
        if (bytes >= kEnoughBytes) return blocks;
    }
    page.lenient = false;
    return readable_blocks(page);
}

}  // namespace talksearch::indexer
