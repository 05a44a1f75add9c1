#include "indexer/page_scan.h"

#include "common/text.h"
#include "indexer/ascii_case.h"
#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

// Bylines and datelines are short; longer texts are sentences whose dates are of other events.
constexpr std::size_t kShortText = 100;

void walk_page(const GumboNode* document, Scan& scan) {
    std::size_t position = 0;
    std::vector<const GumboNode*> stack{document};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT) {
            ++position;
            std::string_view text(node->v.text.text);
            if (text.size() <= kShortText) {
                auto normal = normalize_spaces(text);
                if (!normal.empty()) scan.short_texts.push_back({position, std::move(normal)});
            }
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
        if (node->type == GUMBO_NODE_ELEMENT) {
            const GumboTag tag = node->v.element.tag;
            const auto itemprop = attribute(node, "itemprop");
            if (tag == GUMBO_TAG_META) {
                const auto content = attribute(node, "content");
                for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
                    const auto name = attribute(node, key);
                    if (!name.empty() && !content.empty()) {
                        scan.metas.emplace(lower_ascii(name), std::string(content));
                    }
                }
            } else if (tag == GUMBO_TAG_SCRIPT) {
                if (lower_ascii(attribute(node, "type")) == "application/ld+json") {
                    scan.linked_data.push_back(text_content(node));
                }
                continue;
            } else if (tag == GUMBO_TAG_TITLE) {
                if (scan.title_tag.empty()) scan.title_tag = normalize_spaces(text_content(node));
                continue;
            } else if (tag == GUMBO_TAG_LINK) {
                if (scan.canonical.empty() && lower_ascii(attribute(node, "rel")) == "canonical") {
                    scan.canonical = attribute(node, "href");
                }
            } else if (tag == GUMBO_TAG_HTML) {
                scan.language = attribute(node, "lang");
            } else if (tag == GUMBO_TAG_H1) {
                scan.h1s.emplace_back(node, position);
            } else if (tag == GUMBO_TAG_TIME) {
                ++position;
                const auto datetime = attribute(node, "datetime");
                const std::string text(datetime.empty() ? normalize_spaces(text_content(node))
                                                        : std::string(datetime));
                if (gumbo_get_attribute(&node->v.element.attributes, "pubdate")) {
                    scan.pubdate_times.push_back(text);
                }
                if (!datetime.empty()) scan.time_datetimes.emplace_back(position, text);
            } else if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION ||
                       (tag != GUMBO_TAG_HEAD && is_invisible_element(node))) {
                continue;  // captions date their photos, not the article
            }
            if (itemprop == "dateModified") {
                for (const char* key : {"content", "datetime"}) {
                    if (const auto value = attribute(node, key); !value.empty()) {
                        scan.itemprop_modified.emplace_back(value);
                    }
                }
            }
            if (itemprop == "datePublished" && tag != GUMBO_TAG_META) {
                for (const char* key : {"content", "datetime"}) {
                    if (const auto value = attribute(node, key); !value.empty()) {
                        scan.itemprop_published.emplace_back(value);
                    }
                }
                scan.itemprop_published.push_back(normalize_spaces(text_content(node)));
            }
        }
        const GumboVector& children = children_of(node);
        for (unsigned i = children.length; i-- > 0;) stack.push_back(child_at(children, i));
    }
}

}  // namespace

Scan scan_page(const GumboNode* document) {
    Scan scan;
    walk_page(document, scan);
    return scan;
}

std::string meta(const Scan& scan, std::string_view name) {
    const auto it = scan.metas.find(std::string(name));
    return it == scan.metas.end() ? std::string{} : normalize_spaces(it->second);
}

}  // namespace talksearch::indexer
