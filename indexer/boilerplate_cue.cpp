#include "indexer/boilerplate_cue.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/gumbo_dom.h"

namespace talksearch::indexer {
namespace {

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

}  // namespace

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

}  // namespace talksearch::indexer
