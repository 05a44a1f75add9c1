#include "indexer/page_blocks.h"

#include <algorithm>
#include <cstring>

#include "common/text.h"
#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

bool is_hidden(const GumboNode* node) {
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
    if (attribute(node, "aria-hidden") == "true") return true;
    const auto style = attribute(node, "style");
    if (style.empty()) return false;
    std::string compact;
    for (const char c : style) {
        if (c != ' ') compact += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return compact.find("display:none") != std::string::npos ||
           compact.find("visibility:hidden") != std::string::npos;
}

bool is_block_tag(GumboTag tag) {
    switch (tag) {
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
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Elements that are furniture by their tag alone.
bool is_furniture_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_CAPTION:
            return true;
        default:
            return false;
    }
}

// An element being walked: the next child to visit, and what it opened.
struct Frame {
    const GumboNode* node;
    int element;
    unsigned next = 0;
    bool block = false;
    bool link = false;
};

}  // namespace

bool is_heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
           tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

Page::Page(const GumboNode* root, const GumboNode* headline_node) : headline_node_(headline_node) {
    walk(root);
    for (auto& block : blocks) {
        auto& owner = elements[static_cast<std::size_t>(block.owner)];
        owner.text += static_cast<double>(block.text.size());
        owner.links += block.links;
    }
    for (std::size_t i = elements.size(); i-- > 1;) {
        const auto& element = elements[i];
        if (element.parent < 0) continue;
        auto& parent = elements[static_cast<std::size_t>(element.parent)];
        parent.text += element.text;
        parent.links += element.links;
    }
}

void Page::walk(const GumboNode* root) {
    std::string current;
    double current_links = 0;
    int current_owner = -1;
    int link_depth = 0;
    int headline_depth = 0;
    std::vector<int> block_stack;
    auto flush = [&] {
        auto text = normalize_spaces(current);
        if (!text.empty() && current_owner >= 0) {
            const double links = std::min(current_links, static_cast<double>(text.size()));
            blocks.push_back(Block{std::move(text), current_owner, links, headline_depth > 0});
        }
        current.clear();
        current_links = 0;
        current_owner = -1;
    };
    std::vector<Frame> stack;
    auto enter = [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        if (is_invisible_element(node) || is_hidden(node)) return;
        Element element;
        element.node = node;
        element.tag = node->v.element.tag;
        element.parent = stack.empty() ? -1 : stack.back().element;
        element.cue = classify_cue(node);
        const int index = static_cast<int>(elements.size());
        const int inherited =
            element.parent >= 0 ? elements[static_cast<std::size_t>(element.parent)].furniture : -1;
        const bool furniture = is_furniture_tag(element.tag) || element.cue == Cue::furniture ||
                               element.cue == Cue::strong_furniture;
        element.furniture = furniture ? index : inherited;
        if (node == headline_node_) headline = index;
        elements.push_back(element);
        Frame frame{node, index};
        frame.block = is_block_tag(element.tag);
        frame.link = element.tag == GUMBO_TAG_A;
        if (frame.block) {
            flush();
            block_stack.push_back(index);
        }
        if (frame.link) ++link_depth;
        if (node == headline_node_) ++headline_depth;
        if (element.tag == GUMBO_TAG_BR || element.tag == GUMBO_TAG_TD ||
            element.tag == GUMBO_TAG_TH) {
            current += ' ';  // cells of a row are words apart
        }
        stack.push_back(frame);
    };
    enter(root);
    while (!stack.empty()) {
        auto& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next < children.length) {
            const GumboNode* child = child_at(children, frame.next++);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
                if (current_owner < 0)
                    current_owner = block_stack.empty() ? -1 : block_stack.back();
                current += child->v.text.text;
                if (link_depth > 0) current_links += std::strlen(child->v.text.text);
            } else if (child->type == GUMBO_NODE_WHITESPACE) {
                current += ' ';
            } else {
                enter(child);
            }
            continue;
        }
        const Frame done = frame;
        stack.pop_back();
        elements[static_cast<std::size_t>(done.element)].end = static_cast<int>(elements.size());
        if (done.block) {
            flush();
            block_stack.pop_back();
        }
        if (done.link) --link_depth;
        if (done.node == headline_node_) --headline_depth;
    }
    flush();
}

}  // namespace talksearch::indexer
