#include "indexer/region_choice.h"

#include <algorithm>
#include <string_view>

#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

double tag_weight(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
            return 5;
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
            return 3;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM:
            return -3;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TH:
            return -5;
        default:
            return 0;
    }
}

double cue_weight(Cue cue) {
    switch (cue) {
        case Cue::content:
            return 25;
        case Cue::furniture:
        case Cue::strong_furniture:
            return -25;
        default:
            return 0;
    }
}

std::size_t count_commas(std::string_view text) {
    std::size_t commas = 0;
    for (const char c : text) commas += c == ',';
    return commas;
}

// The paragraphs' votes, as Readability counts them.
constexpr std::size_t kMinParagraphBytes = 25;

}  // namespace

// The best container's siblings that read like more of the same article (its text split among
// several containers), as Readability gathers them.
Region gather_siblings(const Page& page, int best) {
    const auto& elements = page.elements;
    const auto& top = elements[static_cast<std::size_t>(best)];
    Region region{best, {best}};
    const int parent = top.parent;
    if (parent < 0) return region;
    const double threshold = std::max(10.0, top.score * 0.2);
    const auto top_class = attribute(top.node, "class");
    std::vector<int> parts;
    const auto& parent_element = elements[static_cast<std::size_t>(parent)];
    for (int i = parent + 1; i < parent_element.end;
         i = elements[static_cast<std::size_t>(i)].end) {
        const auto& sibling = elements[static_cast<std::size_t>(i)];
        bool append = i == best;
        if (!append && sibling.furniture != i) {
            const double bonus = !top_class.empty() && attribute(sibling.node, "class") == top_class
                                     ? top.score * 0.2
                                     : 0;
            if (sibling.scored && sibling.score + bonus >= threshold) {
                append = true;
            } else if (sibling.tag == GUMBO_TAG_P) {
                const double density = link_density(sibling);
                append = (sibling.text > 80 && density < 0.25);
            }
        }
        if (append) parts.push_back(i);
    }
    if (parts.size() > 1) region = Region{parent, std::move(parts)};
    return region;
}

int choose_region(Page& page) {
    auto& elements = page.elements;
    for (auto& element : elements) {
        element.scored = false;
        element.score = 0;
    }
    auto touch = [&](int index) -> Element& {
        auto& element = elements[static_cast<std::size_t>(index)];
        if (!element.scored) {
            element.scored = true;
            element.score = tag_weight(element.tag) + cue_weight(element.cue);
        }
        return element;
    };
    for (const auto& block : page.blocks) {
        if (block.text.size() < kMinParagraphBytes || block.headline) continue;
        const auto& owner = elements[static_cast<std::size_t>(block.owner)];
        if (is_heading(owner.tag)) continue;
        if (!page.lenient && block.links > 0.5 * static_cast<double>(block.text.size())) continue;
        const double vote = 1 + static_cast<double>(count_commas(block.text)) +
                            std::min(3.0, static_cast<double>(block.text.size()) / 100.0);
        int ancestor = owner.parent;
        for (int level = 0; ancestor >= 0 && level < 5; ++level) {
            const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            touch(ancestor).score += vote / divider;
            ancestor = elements[static_cast<std::size_t>(ancestor)].parent;
        }
    }
    int best = -1;
    double best_score = 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        auto& element = elements[i];
        if (!element.scored) continue;
        if (!page.lenient) element.score *= 1 - link_density(element);
        if (element.score > best_score) {
            best_score = element.score;
            best = static_cast<int>(i);
        }
    }
    if (best < 0) return -1;
    // A parent that holds more of the article than the best container (the paragraphs split
    // among sibling containers) takes its place.
    const double threshold = best_score / 3;
    double last = best_score;
    for (int parent = elements[static_cast<std::size_t>(best)].parent;
         parent >= 0 && elements[static_cast<std::size_t>(parent)].tag != GUMBO_TAG_BODY;
         parent = elements[static_cast<std::size_t>(parent)].parent) {
        const auto& element = elements[static_cast<std::size_t>(parent)];
        if (!element.scored) continue;
        if (element.score < threshold) break;
        if (element.score > last) {
            best = parent;
            break;
        }
        last = element.score;
    }
    return best;
}

}  // namespace talksearch::indexer
