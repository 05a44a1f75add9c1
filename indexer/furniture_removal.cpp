#include "indexer/furniture_removal.h"

#include <algorithm>

#include "common/text.h"

namespace talksearch::indexer {

bool is_link_block(const Block& block) {
    constexpr std::size_t kLongParagraphWords = 40;
    const double size = static_cast<double>(block.text.size());
    if (block.links > 0.8 * size) return true;
    return block.links > 0.5 * size && count_words(block.text) < kLongParagraphWords;
}

std::vector<std::size_t> region_blocks(const Page& page, const Region& chosen) {
    const auto& elements = page.elements;
    const int region = chosen.root;
    auto in_parts = [&](int owner) {
        return std::any_of(chosen.parts.begin(), chosen.parts.end(),
                           [&](int part) { return inside(elements, owner, part); });
    };
    const auto& region_element = elements[static_cast<std::size_t>(region)];
    const double region_text = std::max(1.0, region_element.text);

    // Furniture is dropped unless it holds most of the region (a wrapper misnamed).
    auto is_dropped_furniture = [&](int owner) {
        for (int at = elements[static_cast<std::size_t>(owner)].furniture; at > region;) {
            const auto& element = elements[static_cast<std::size_t>(at)];
            if (element.text < 0.5 * region_text) return true;
            const int parent = element.parent;
            at = parent >= 0 ? elements[static_cast<std::size_t>(parent)].furniture : -1;
        }
        return false;
    };
    // Lists and tables made of links: teasers, tag lists, menus.
    auto in_link_list = [&](int owner) {
        for (int at = owner; at > region; at = elements[static_cast<std::size_t>(at)].parent) {
            const auto& element = elements[static_cast<std::size_t>(at)];
            if ((element.tag == GUMBO_TAG_UL || element.tag == GUMBO_TAG_OL ||
                 element.tag == GUMBO_TAG_DL || element.tag == GUMBO_TAG_TABLE) &&
                link_density(element) > 0.5) {
                return true;
            }
        }
        return false;
    };

    // A quotation (an embedded post) links its author and source and is still text.
    auto in_quote = [&](int owner) {
        for (int at = owner; at > region; at = elements[static_cast<std::size_t>(at)].parent) {
            if (elements[static_cast<std::size_t>(at)].tag == GUMBO_TAG_BLOCKQUOTE) return true;
        }
        return false;
    };
    std::vector<std::size_t> kept;
    bool after_headline = page.headline < 0 || !inside(elements, page.headline, region);
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const auto& block = page.blocks[i];
        if (!in_parts(block.owner)) continue;
        if (block.headline) {
            after_headline = true;
            continue;
        }
        if (!after_headline) continue;
        if (is_dropped_furniture(block.owner)) continue;
        if (!page.lenient &&
            (in_link_list(block.owner) || (is_link_block(block) && !in_quote(block.owner)))) {
            continue;
        }
        kept.push_back(i);
    }
    return kept;
}

std::vector<std::string> readable_blocks(const Page& page) {
    const auto& elements = page.elements;
    int container = 0;
    for (const GumboTag tag : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN}) {
        const auto found = std::find_if(elements.begin(), elements.end(), [&](const Element& e) {
            return e.tag == tag && e.text > 0;
        });
        if (found != elements.end()) {
            container = static_cast<int>(found - elements.begin());
            break;
        }
    }
    std::vector<std::string> blocks;
    for (const auto& block : page.blocks) {
        if (block.headline || !inside(elements, block.owner, container)) continue;
        const int furniture = elements[static_cast<std::size_t>(block.owner)].furniture;
        if (furniture >= 0 && furniture != container && inside(elements, furniture, container)) {
            continue;
        }
        if (is_link_block(block)) continue;
        blocks.push_back(block.text);
    }
    return blocks;
}

}  // namespace talksearch::indexer
