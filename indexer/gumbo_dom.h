#pragma once
// Small helpers over the tree gumbo builds. Every walk is iterative: the depth of the tree is the
// input's to choose.

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace talksearch::indexer {

inline std::string_view attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view{};
}

inline bool is_element(const GumboNode* node, GumboTag tag) {
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

inline const GumboVector& children_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

inline const GumboNode* child_at(const GumboVector& children, unsigned index) {
    return static_cast<const GumboNode*>(children.data[index]);
}

// Never visible as text: scripts, styles, embedded documents and forms' controls.
inline bool is_invisible_element(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
            return true;
        default:
            return false;
    }
}

// The text under `node`, as written (inline elements joined, <br> a space), without invisible
// elements.
inline std::string text_content(const GumboNode* node) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* current = stack.back();
        stack.pop_back();
        switch (current->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                out += current->v.text.text;
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                if (current != node && is_invisible_element(current)) break;
                if (is_element(current, GUMBO_TAG_BR)) {
                    out += ' ';
                    break;
                }
                const GumboVector& children = current->v.element.children;
                for (unsigned i = children.length; i-- > 0;) stack.push_back(child_at(children, i));
                break;
            }
            default:
                break;
        }
    }
    return out;
}

}  // namespace talksearch::indexer
