#include "indexer/edge_trimming.h"

#include <algorithm>

#include "common/text.h"

namespace talksearch::indexer {

bool ends_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\'' ||
                             text.back() == ')')) {
        text.remove_suffix(1);
    }
    if (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99")) {
        text.remove_suffix(3);  // closing quotation marks
    }
    return !text.empty() &&
           (text.back() == '.' || text.back() == '!' || text.back() == '?' || text.back() == ':');
}

bool is_real_paragraph(const Block& block) {
    const double size = static_cast<double>(block.text.size());
    return count_words(block.text) >= 10 && block.links < 0.3 * size && ends_sentence(block.text);
}

std::vector<std::string> trim_leading_edge(const Page& page, const std::vector<std::size_t>& kept) {
    const auto& elements = page.elements;
    // Before the first real paragraph come bylines, dates and kickers: short lines that are not
    // sentences there are dropped.
    const auto first_good = std::find_if(
        kept.begin(), kept.end(), [&](std::size_t i) { return is_real_paragraph(page.blocks[i]); });
    std::vector<std::string> blocks;
    bool started = false;
    for (auto it = kept.begin(); it != kept.end(); ++it) {
        const auto& block = page.blocks[*it];
        if (it == first_good) started = true;
        if (!started && first_good != kept.end()) {
            const auto& owner = elements[static_cast<std::size_t>(block.owner)];
            const bool heading = is_heading(owner.tag);
            if (!heading && count_words(block.text) < 12 && !ends_sentence(block.text)) continue;
        }
        blocks.push_back(block.text);
    }
    return blocks;
}

}  // namespace talksearch::indexer
