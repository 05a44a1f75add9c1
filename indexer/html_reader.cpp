// HTML reader: gumbo builds the tree; we keep the headline, the publication date and the text of
// the article's own blocks.

#include <memory>
#include <string>

#include <gumbo.h>

#include "common/text.h"
#include "indexer/readers.h"

namespace talksearch::indexer {
namespace {

using OutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

std::string_view attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view{};
}

bool is_element(const GumboNode* node, GumboTag tag) {
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

// Site furniture and non-text content: never part of the article body.
bool is_excluded(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_HEAD:
            return true;
        default:
            break;
    }
    const auto role = attribute(node, "role");
    return role == "navigation" || role == "banner" || role == "contentinfo" ||
           role == "complementary";
}

bool is_block(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            return true;
        default:
            return false;
    }
}

// Appends the visible text under `node` to `out`, inline elements joined as written.
void collect_text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_excluded(node)) return;
    if (is_element(node, GUMBO_TAG_BR)) {
        out += ' ';
        return;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        collect_text(static_cast<const GumboNode*>(children.data[i]), out);
    }
}

// Splits the content into blocks: text between block-level boundaries becomes one block.
void collect_blocks(const GumboNode* node, std::vector<std::string>& blocks, std::string& current) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        current += node->v.text.text;
        return;
    }
    if (node->type == GUMBO_NODE_WHITESPACE) {
        current += ' ';
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_excluded(node)) return;
    if (is_element(node, GUMBO_TAG_BR)) {
        current += ' ';
        return;
    }
    const bool block = is_block(node);
    auto flush = [&] {
        auto text = normalize_spaces(current);
        if (!text.empty()) blocks.push_back(std::move(text));
        current.clear();
    };
    if (block) flush();
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        collect_blocks(static_cast<const GumboNode*>(children.data[i]), blocks, current);
    }
    if (block) flush();
}

struct Found {
    const GumboNode* article = nullptr;
    const GumboNode* main = nullptr;
    const GumboNode* body = nullptr;
    const GumboNode* first_h1 = nullptr;
    std::string title_tag;
    std::string og_title;
    std::string published;
    std::string time_datetime;
    std::string site_name;
    std::string og_url;
    std::string canonical;
};

void scan(const GumboNode* node, Found& found) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_META) {
        const auto property = attribute(node, "property").empty() ? attribute(node, "name")
                                                                  : attribute(node, "property");
        const std::string content(attribute(node, "content"));
        if (property == "og:title" && found.og_title.empty()) found.og_title = content;
        if ((property == "article:published_time" || property == "datePublished" ||
             property == "date") &&
            found.published.empty()) {
            found.published = content;
        }
        if (property == "og:site_name" && found.site_name.empty()) found.site_name = content;
        if (property == "og:url" && found.og_url.empty()) found.og_url = content;
    } else if (tag == GUMBO_TAG_LINK && attribute(node, "rel") == "canonical") {
        found.canonical = attribute(node, "href");
    } else if (tag == GUMBO_TAG_TITLE && found.title_tag.empty()) {
        collect_text(node, found.title_tag);
    } else if (tag == GUMBO_TAG_TIME && found.time_datetime.empty()) {
        found.time_datetime = attribute(node, "datetime");
    } else if (tag == GUMBO_TAG_H1 && !found.first_h1 && !is_excluded(node)) {
        found.first_h1 = node;
    } else if (tag == GUMBO_TAG_ARTICLE && !found.article) {
        found.article = node;
    } else if (tag == GUMBO_TAG_MAIN && !found.main) {
        found.main = node;
    } else if (tag == GUMBO_TAG_BODY && !found.body) {
        found.body = node;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        scan(static_cast<const GumboNode*>(children.data[i]), found);
    }
}

std::optional<std::string> non_empty(std::string text) {
    text = normalize_spaces(text);
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace

ParsedArticle read_html(std::string_view content, std::string_view id, std::string_view file) {
    OutputPtr output(
        gumbo_parse_with_options(&kGumboDefaultOptions, content.data(), content.size()),
        [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
    Found found;
    scan(output->root, found);

    ParsedArticle article;
    article.id = id;
    article.file = file;
    std::string h1_text;
    if (found.first_h1) collect_text(found.first_h1, h1_text);
    for (auto* candidate : {&found.og_title, &h1_text, &found.title_tag}) {
        if (auto title = non_empty(*candidate)) {
            article.title = *title;
            break;
        }
    }
    article.date = non_empty(found.published.empty() ? found.time_datetime : found.published);
    article.source = non_empty(found.site_name);
    article.url = non_empty(found.og_url.empty() ? found.canonical : found.og_url);

    const GumboNode* root = found.article ? found.article : found.main ? found.main : found.body;
    if (root) {
        std::string current;
        collect_blocks(root, article.blocks, current);
    }
    return article;
}

}  // namespace talksearch::indexer
