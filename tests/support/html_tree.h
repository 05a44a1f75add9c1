#pragma once
// Web pages parsed by gumbo, for the tests of the HTML reader's units, and the article text such
// pages are made of.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace talksearch::testing {

// The tree gumbo builds of `html`, freed on destruction.
class HtmlTree {
  public:
    explicit HtmlTree(std::string html)
        : html_(std::move(html)), output_(gumbo_parse(html_.c_str())) {}
    ~HtmlTree() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
    HtmlTree(const HtmlTree&) = delete;
    HtmlTree& operator=(const HtmlTree&) = delete;

    const GumboNode* document() const { return output_->document; }
    const GumboNode* root() const { return output_->root; }  // <html>

    // The element whose id attribute is `id`, or null.
    const GumboNode* by_id(std::string_view id) const {
        std::vector<const GumboNode*> stack{output_->root};
        while (!stack.empty()) {
            const GumboNode* node = stack.back();
            stack.pop_back();
            if (node->type != GUMBO_NODE_ELEMENT) continue;
            const auto* attribute = gumbo_get_attribute(&node->v.element.attributes, "id");
            if (attribute && std::string_view(attribute->value) == id) return node;
            for (unsigned i = 0; i < node->v.element.children.length; ++i) {
                stack.push_back(static_cast<const GumboNode*>(node->v.element.children.data[i]));
            }
        }
        return nullptr;
    }

  private:
    std::string html_;
    GumboOutput* output_;
};

// A paragraph long enough to read as article text.
inline std::string article_paragraph(int n) {
    return "<p>Paragraph " + std::to_string(n) +
           " of the article says, at some length and with commas, what the negotiators in "
           "Geneva agreed on, and what they left for the next round of talks.</p>";
}

// Paragraphs 1 to `count`.
inline std::string article_paragraphs(int count) {
    std::string html;
    for (int i = 1; i <= count; ++i) html += article_paragraph(i);
    return html;
}

inline bool any_contains(const std::vector<std::string>& blocks, std::string_view text) {
    return std::any_of(blocks.begin(), blocks.end(),
                       [&](const std::string& b) { return b.find(text) != std::string::npos; });
}

}  // namespace talksearch::testing
