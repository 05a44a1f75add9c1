#include "indexer/content_extractor.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "common/text.h"
#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

// ---- Cues from class, id and role --------------------------------------------------------

// Words of class and id attributes ("share-bar", "shareBar", "share_bar" -> share, bar).
std::vector<std::string> cue_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    char previous = 0;
    auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (const char c : text) {
        const bool lower = c >= 'a' && c <= 'z';
        const bool upper = c >= 'A' && c <= 'Z';
        const bool digit = c >= '0' && c <= '9';
        if (!lower && !upper && !digit) {
            flush();
        } else {
            if (upper && previous >= 'a' && previous <= 'z') flush();
            word += upper ? static_cast<char>(c + 32) : c;
        }
        previous = c;
    }
    flush();
    return words;
}

// Furniture whatever else the element says about itself.
constexpr std::array<std::string_view, 42> kStrongFurniturePrefixes{
    "share",      "sharing",  "social",     "related",    "recommend", "newsletter", "subscri",
    "cookie",     "consent",  "promo",      "advert",     "sponsor",   "sidebar",    "breadcrumb",
    "outbrain",   "taboola",  "popup",      "modal",      "widget",    "byline",     "caption",
    "footer",     "navbar",   "navigation", "menu",       "comment",   "signup",     "disqus",
    "trending",   "popular",  "mostread",   "toolbar",    "paywall",   "banner",     "masthead",
    "pagination", "skiplink", "follow",     "disclaimer", "dateline",  "timestamp",  "gdpr"};
// Exact words that mark furniture.
constexpr std::array<std::string_view, 27> kFurnitureWords{
    "nav",   "ad",     "ads",     "adv",     "adunit", "adslot", "dfp",   "tags",    "tag",
    "meta",  "author", "authors", "hidden",  "hide",   "print",  "email", "more",    "teaser",
    "promo", "aside",  "credit",  "credits", "date",   "rail",   "sr",    "overlay", "login"};
// Words of the article's own containers.
constexpr std::array<std::string_view, 13> kContentWords{
    "article", "body",  "content",  "entry", "main",      "post",       "story",
    "text",    "prose", "richtext", "blog",  "paragraph", "articlebody"};

bool starts_with_any(std::string_view word, const auto& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view prefix) { return word.starts_with(prefix); });
}
bool is_any(std::string_view word, const auto& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

enum class Cue { none, content, furniture, strong_furniture };

Cue classify_cue(const GumboNode* node) {
    const auto role = attribute(node, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo" ||
        role == "complementary" || role == "dialog" || role == "alertdialog" || role == "menu" ||
        role == "menubar" || role == "search" || role == "toolbar") {
        return Cue::strong_furniture;
    }
    const auto itemprop = attribute(node, "itemprop");
    if (itemprop == "articleBody" || itemprop == "text") return Cue::content;
    bool content = role == "main" || role == "article";
    bool furniture = false;
    for (const char* name : {"class", "id"}) {
        for (const auto& word : cue_words(attribute(node, name))) {
            if (word == "commentary" || word == "shared") continue;
            if (starts_with_any(word, kStrongFurniturePrefixes)) return Cue::strong_furniture;
            if (is_any(word, kFurnitureWords)) furniture = true;
            if (is_any(word, kContentWords)) content = true;
        }
    }
    if (furniture && !content) return Cue::furniture;
    return content ? Cue::content : Cue::none;
}

// ---- The page as elements and text blocks ----------------------------------------------

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

struct Element {
    const GumboNode* node = nullptr;
    int parent = -1;
    int end = 0;  // one past the last element of its subtree (elements are in document order)
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    Cue cue = Cue::none;
    int furniture = -1;  // the nearest ancestor-or-self that is furniture, or -1
    double text = 0;     // bytes of text in the subtree
    double links = 0;    // of which inside links
    double score = 0;
    bool scored = false;
};

struct Block {
    std::string text;
    int owner = -1;  // the innermost block element around the text
    double links = 0;
    bool headline = false;  // inside the headline element
};

bool is_heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
           tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

class Page {
  public:
    Page(const GumboNode* root, const GumboNode* headline) : headline_node_(headline) {
        walk(root);
        for (auto& block : blocks_) {
            auto& owner = elements_[static_cast<std::size_t>(block.owner)];
            owner.text += static_cast<double>(block.text.size());
            owner.links += block.links;
        }
        for (std::size_t i = elements_.size(); i-- > 1;) {
            const auto& element = elements_[i];
            if (element.parent < 0) continue;
            auto& parent = elements_[static_cast<std::size_t>(element.parent)];
            parent.text += element.text;
            parent.links += element.links;
        }
    }

    std::vector<Element> elements_;
    std::vector<Block> blocks_;
    int headline_ = -1;     // element index of the headline
    bool lenient_ = false;  // links count as text (a page whose paragraphs are full of them)

  private:
    struct Frame {
        const GumboNode* node;
        int element;
        unsigned next = 0;
        bool block = false;
        bool link = false;
    };

    void walk(const GumboNode* root) {
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
                blocks_.push_back(Block{std::move(text), current_owner, links, headline_depth > 0});
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
            const int index = static_cast<int>(elements_.size());
            const int inherited =
                element.parent >= 0 ? elements_[static_cast<std::size_t>(element.parent)].furniture
                                    : -1;
            const bool furniture = is_furniture_tag(element.tag) || element.cue == Cue::furniture ||
                                   element.cue == Cue::strong_furniture;
            element.furniture = furniture ? index : inherited;
            if (node == headline_node_) headline_ = index;
            elements_.push_back(element);
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
            elements_[static_cast<std::size_t>(done.element)].end =
                static_cast<int>(elements_.size());
            if (done.block) {
                flush();
                block_stack.pop_back();
            }
            if (done.link) --link_depth;
            if (done.node == headline_node_) --headline_depth;
        }
        flush();
    }

    const GumboNode* headline_node_;
};

// ---- Choosing the region -----------------------------------------------------------------

double link_density(const Element& element) {
    return element.text > 0 ? element.links / element.text : 0;
}

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

// The paragraphs' votes, as Readability counts them.
constexpr std::size_t kMinParagraphBytes = 25;

struct Region {
    int root = -1;           // the element holding the article
    std::vector<int> parts;  // its children that make the article, or just the root itself
};

// The best container's siblings that read like more of the same article (its text split among
// several containers), as Readability gathers them.
Region gather_siblings(const Page& page, int best) {
    const auto& elements = page.elements_;
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
    auto& elements = page.elements_;
    auto touch = [&](int index) -> Element& {
        auto& element = elements[static_cast<std::size_t>(index)];
        if (!element.scored) {
            element.scored = true;
            element.score = tag_weight(element.tag) + cue_weight(element.cue);
        }
        return element;
    };
    for (const auto& block : page.blocks_) {
        if (block.text.size() < kMinParagraphBytes || block.headline) continue;
        const auto& owner = elements[static_cast<std::size_t>(block.owner)];
        if (is_heading(owner.tag)) continue;
        if (!page.lenient_ && block.links > 0.5 * static_cast<double>(block.text.size())) continue;
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
        if (!page.lenient_) element.score *= 1 - link_density(element);
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

// ---- Keeping the article's blocks ----------------------------------------------------------

// Mostly links: a teaser, a menu entry, a tag. A long paragraph with many inline links (names
// linked to their pages) is still text.
bool is_link_block(const Block& block) {
    constexpr std::size_t kLongParagraphWords = 40;
    const double size = static_cast<double>(block.text.size());
    if (block.links > 0.8 * size) return true;
    return block.links > 0.5 * size && count_words(block.text) < kLongParagraphWords;
}

bool inside(const std::vector<Element>& elements, int index, int ancestor) {
    return index >= ancestor && index < elements[static_cast<std::size_t>(ancestor)].end;
}

struct Kept {
    std::size_t block;
    bool good;  // reads like article text: long, a sentence, few links
};

std::vector<std::string> keep_blocks(const Page& page, const Region& chosen) {
    const auto& elements = page.elements_;
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
    std::vector<Kept> kept;
    bool after_headline = page.headline_ < 0 || !inside(elements, page.headline_, region);
    for (std::size_t i = 0; i < page.blocks_.size(); ++i) {
        const auto& block = page.blocks_[i];
        if (!in_parts(block.owner)) continue;
        if (block.headline) {
            after_headline = true;
            continue;
        }
        if (!after_headline) continue;
        if (is_dropped_furniture(block.owner)) continue;
        if (!page.lenient_ &&
            (in_link_list(block.owner) || (is_link_block(block) && !in_quote(block.owner)))) {
            continue;
        }
        const double size = static_cast<double>(block.text.size());
        const bool good =
            count_words(block.text) >= 10 && block.links < 0.3 * size && ends_sentence(block.text);
        kept.push_back(Kept{i, good});
    }
    // Before the first real paragraph come bylines, dates and kickers; after the last, sign-offs
    // and prompts. Short lines that are not sentences there are dropped.
    const auto first_good =
        std::find_if(kept.begin(), kept.end(), [](const Kept& k) { return k.good; });
    std::vector<std::string> blocks;
    bool started = false;
    for (auto it = kept.begin(); it != kept.end(); ++it) {
        const auto& block = page.blocks_[it->block];
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

// When no region stands out (a short page): the blocks of the page's <article>, else its <main>,
// else all of it, without furniture and link lists.
std::vector<std::string> readable_blocks(const Page& page) {
    const auto& elements = page.elements_;
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
    for (const auto& block : page.blocks_) {
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

}  // namespace

int boilerplate_cue(const GumboNode* element) {
    switch (classify_cue(element)) {
        case Cue::content:
            return 1;
        case Cue::furniture:
            return -1;
        case Cue::strong_furniture:
            return -2;
        default:
            return 0;
    }
}

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
        page.lenient_ = lenient;
        for (auto& element : page.elements_) {
            element.scored = false;
            element.score = 0;
        }
        const int region = choose_region(page);
        if (region < 0) continue;
        auto blocks = keep_blocks(page, gather_siblings(page, region));
        std::size_t bytes = 0;
        for (const auto& block : blocks) bytes += block.size();
        if (bytes >= kEnoughBytes) return blocks;
    }
    page.lenient_ = false;
    return readable_blocks(page);
}

}  // namespace talksearch::indexer
