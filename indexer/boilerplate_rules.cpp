#include "indexer/boilerplate_rules.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string>
#include <unordered_set>

#include "common/text.h"

namespace talksearch::indexer {
namespace {

const std::array<std::regex, 15>& chrome_patterns() {
    constexpr auto flags = std::regex::icase | std::regex::optimize;
    static const std::array<std::regex, 15> patterns{
        std::regex(R"(^\d+\s*min(ute)?s?\s+read.*$)", flags),  // "3 min readSource"
        std::regex(R"(^[^.!?]{0,40}\bhome\s*\|.*$)", flags),   // "Site Home|News"
        std::regex(R"(^(share|share this( article| story)?|tweet|print|email|subscribe( now)?|)"
                   R"(sign up|advertisement|listen to this article|follow us.*)$)",
                   flags),
        std::regex(R"(^this content is ai-generated\b.*$)", flags),
        std::regex(R"(^\S*AI Analysis$)", flags),  // "PoliticsAI Analysis"
        std::regex(R"(^(photo|image|video)\s*(credit)?\s*:.*$)", flags),
        std::regex(R"(^(by|written by)\s+[\w .'-]{2,40}$)", flags),  // bylines
        std::regex(R"(^(updated|published)\s*:?\s*\d.*$)", flags),
        std::regex(R"(^(skip to (main )?content|menu|search|log ?in|sign in)$)", flags),
        // Ad slots standing alone: "Advert", "Sponsored".
        std::regex(R"re(^(advert|ad|sponsored)\W*$)re", flags),
        // A teaser: a label, a colon or bar, another article's headline ("Also Read | ...",
        // "Read also: ...").
        std::regex(R"re(^(also read|read also|see also|read more|read next)\s*[:|].*$)re", flags),
        // ... or the label and a headline with nothing between ("See also  Storm Roslyn
        // threatens ...", "Read moreRubio discusses ..." where markup stood between them): a
        // capital after the label, and no stop at the end, as a sentence has.
        std::regex(R"re(^(See also|SEE ALSO|Read also|READ ALSO|Also read|ALSO READ|Read next)re"
                   R"re(|READ NEXT|Read more|Read More|READ MORE)\s*[A-Z0-9].*[^.!?"\s]$)re",
                   std::regex::optimize),
        // A list's item: a clock time glued to another article's headline, perhaps after its
        // view count and a day ("16711:33Zelensky arrives in ...", "342Yesterday, 17:54Donald
        // Trump ..."). Markup stood between them; a live blog's entry has a space after its time.
        std::regex(R"re(^\d*((Yesterday|Today),\s*)?\d{1,2}:\d{2}["'A-Z].*$)re",
                   std::regex::optimize),
        // A blog's links to its neighbouring posts: "Previous post The United States published
        // ...", "Next article: ...".
        std::regex(R"re(^(previous|next) (post|article|story)\b.*$)re", flags),
        // Shortcodes a CMS left unexpanded: "[button link=...]Send us[/button]".
        std::regex(R"(^\[\w+[^\]]*\].*\[/\w+\]$)", flags),
    };
    return patterns;
}

// Trailer headings, compared case-insensitively with the whole line.
constexpr std::array<std::string_view, 20> kTrailerHeadings{
    "comments",        "comment",      "related articles",  "related",
    "more posts",      "more posts:",  "thoughts",          "tags",
    "tags:",           "read more",    "you may also like", "recommended",
    "leave a comment", "most read",    "recent posts",      "related posts",
    "related stories", "more stories", "more like this",    "you might also like"};

// Function words: a paragraph made of another language's and none of English's is foreign.
const std::unordered_set<std::string>& english_words() {
    static const std::unordered_set<std::string> words{
        "the",  "and",  "of",    "to",  "in",      "is",    "was",   "for", "on",
        "with", "that", "by",    "as",  "at",      "from",  "after", "has", "have",
        "are",  "were", "be",    "it",  "its",     "this",  "an",    "or",  "but",
        "not",  "will", "which", "who", "between", "their", "they"};
    return words;
}

const std::unordered_set<std::string>& foreign_words() {
    static const std::unordered_set<std::string> words{
        // Spanish and Portuguese
        "el", "la", "los", "las", "y", "de", "del", "se", "que", "tras", "por", "para", "con",
        "una", "unos", "algunas", "sus", "entre", "sobre", "o", "da", "das", "dos", "em", "um",
        // French
        "le", "les", "des", "et", "du", "une", "est", "dans", "pour", "avec", "sur", "aux",
        // German and Italian
        "der", "die", "das", "und", "ist", "mit", "von", "den", "il", "gli", "della", "che"};
    return words;
}

// Prompts that address the reader rather than tell the story: newsletter and app sign-ups,
// share and follow prompts, cookie banners, player notices. Only short lines are checked: a
// paragraph that mentions a newsletter is still text.
constexpr std::size_t kPromptMaxWords = 30;
constexpr std::array<std::string_view, 25> kPromptPhrases{"subscribe to",
                                                          "subscribe now",
                                                          "sign up for",
                                                          "sign up to",
                                                          "sign up today",
                                                          "click here",
                                                          "share this",
                                                          "share it with",
                                                          "follow us on",
                                                          "follow him on",
                                                          "follow her on",
                                                          "follow them on",
                                                          "download the app",
                                                          "get the app",
                                                          "in your inbox",
                                                          "requires javascript",
                                                          "enable javascript",
                                                          "tell us what you think",
                                                          "your browser does not support",
                                                          "already a subscriber",
                                                          "log in to continue",
                                                          "create a free account",
                                                          "read more:",
                                                          "listen to this article",
                                                          "audio player"};

bool is_reader_prompt(std::string_view line) {
    if (count_words(line) > kPromptMaxWords) return false;
    const auto folded = fold_case(line);
    if (folded.find("cookie") != std::string::npos &&
        (folded.find("we use") != std::string::npos || folded.find("accept") != std::string::npos ||
         folded.find("consent") != std::string::npos ||
         folded.find("privacy") != std::string::npos)) {
        return true;
    }
    return std::any_of(kPromptPhrases.begin(), kPromptPhrases.end(), [&](std::string_view phrase) {
        return folded.find(phrase) != std::string::npos;
    });
}

// A caption ending with its credit: "Protesters in Hong Kong (Image: GETTY)".
bool is_credited_caption(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '.')) line.remove_suffix(1);
    if (!line.ends_with(')')) return false;
    const auto open = line.rfind('(');
    if (open == std::string_view::npos) return false;
    const auto inside = fold_case(line.substr(open + 1));
    for (const std::string_view credit :
         {"image", "photo", "picture", "pic", "photograph", "credit"}) {
        if (inside.starts_with(credit)) {
            const auto rest = std::string_view(inside).substr(credit.size());
            const auto colon = rest.find_first_not_of("s ");
            return colon != std::string_view::npos && rest[colon] == ':';
        }
    }
    return false;
}

// A line of web addresses and numbers (image paths and sizes a page left in its text).
bool is_mostly_addresses(std::string_view line) {
    std::size_t tokens = 0;
    std::size_t addresses = 0;
    std::size_t urls = 0;
    while (!line.empty()) {
        const auto start = line.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        line.remove_prefix(start);
        const auto token = line.substr(0, line.find(' '));
        line.remove_prefix(token.size());
        ++tokens;
        const bool number = token.find_first_not_of("0123456789.,x") == std::string_view::npos;
        const bool url = token.starts_with("http://") || token.starts_with("https://") ||
                         token.starts_with("www.");
        urls += url;
        addresses += number || url;
    }
    // Numbers alone are a table's row; it takes addresses among them.
    return urls >= 2 && addresses * 5 >= tokens * 3 && tokens - addresses <= 3;
}

// Another article's headline shouted in capitals between paragraphs, as some sites place their
// promotions: "COULD TRUMP'S GAZA CEASEFIRE PLAN OFFER A BLUEPRINT FOR PEACE IN UKRAINE?". Text
// is not written so; a heading in capitals ("HOW TO USE A WATER BATH CANNER") is shorter.
bool is_shouted_line(std::string_view line) {
    constexpr std::size_t kMinWords = 10, kMinCapitals = 30;
    std::size_t capitals = 0;
    for (const char c : line) {
        if (c >= 'a' && c <= 'z') return false;
        capitals += c >= 'A' && c <= 'Z';
    }
    // A sentence in capitals ends with its stop; a headline does not.
    return capitals >= kMinCapitals && count_words(line) >= kMinWords && !line.ends_with('.');
}

// A site's tags in capitals: "ANDREW PEEK, DIPLOMACY, EUROPE, FSB, GRIGORY KARASIN, ...".
// No lower-case letter, no sentence's end, and short items between at least three commas.
bool is_tag_list(std::string_view line) {
    constexpr std::size_t kMinCommas = 3, kMaxItemWords = 6;
    // A lower-case letter of any script: a sentence in Cyrillic broken off before its stop is text.
    if (!is_all_uppercase(line)) return false;
    std::size_t commas = 0;
    std::size_t item_start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        const char c = i < line.size() ? line[i] : ',';
        // A full stop after an initial ("U. S") ends no sentence.
        const bool initial = c == '.' && (i < 2 || line[i - 2] == ' ' || line[i - 2] == ',');
        if ((c == '.' || c == '!' || c == '?') && !initial &&
            (i + 1 >= line.size() || line[i + 1] == ' ')) {
            return false;
        }
        if (c != ',') continue;
        if (count_words(line.substr(item_start, i - item_start)) > kMaxItemWords) return false;
        commas += i < line.size();
        item_start = i + 1;
    }
    return commas >= kMinCommas;
}

}  // namespace

bool is_teaser_label(std::string_view line) {
    // ("Read more" alone starts the trailer instead; "Related:" over a teaser's headline, where
    // "Related" alone heads a trailer.) A blog's link to its neighbouring post may stand over
    // that post's headline: "Next Article", then "Rockefeller Center Christmas tree arrives ...".
    static const std::regex label(
        R"re(^(don.?t miss|must read|see (more|also)|read (also|next)|also read)re"
        R"re(|related\s*:|(previous|next) (post|article|story))\W*$)re",
        std::regex::icase | std::regex::optimize);
    constexpr std::size_t kLongestLabel = 20;
    return line.size() <= kLongestLabel && std::regex_match(std::string(line), label);
}

bool is_broken_tag_list(std::string_view line) {
    constexpr std::size_t kMinItems = 2, kMaxItemWords = 6;
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.ends_with(',') || line.find_first_of(".!?:;") != std::string_view::npos) {
        return false;
    }
    std::size_t items = 0;
    for (const auto item : split_fields(line.substr(0, line.size() - 1), ',')) {
        const auto words = count_words(item);
        if (words == 0 || words > kMaxItemWords) return false;
        bool capitalised = true;
        visit_words(item, [&](std::size_t begin, std::size_t end) {
            capitalised = starts_with_uppercase(item.substr(begin, end - begin));
            return capitalised;
        });
        if (!capitalised) return false;
        ++items;
    }
    return items >= kMinItems;
}

bool is_chrome_line(std::string_view line) {
    // Chrome is short; a paragraph of text is not worth a dozen regular expressions.
    constexpr std::size_t kLongestChrome = 240;
    if (is_tag_list(line)) return true;
    if (line.size() > kLongestChrome) return false;
    if (is_reader_prompt(line) || is_mostly_addresses(line) || is_credited_caption(line) ||
        is_teaser_label(line) || is_shouted_line(line)) {
        return true;
    }
    const std::string text(line);
    return std::any_of(chrome_patterns().begin(), chrome_patterns().end(),
                       [&](const std::regex& pattern) { return std::regex_match(text, pattern); });
}

bool is_comment_count(std::string_view line) {
    constexpr std::size_t kLongestCount = 160;  // with the headline the comments are on
    if (line.size() > kLongestCount) return false;
    // Most lines are told apart by their second word alone, before any regular expression.
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return false;
    const auto second = fold_case(line.substr(space + 1, 7));
    if (!second.starts_with("comment") && !second.starts_with("respons") &&
        !second.starts_with("repl") && !second.starts_with("thought")) {
        return false;
    }
    static const std::regex pattern(
        R"re(^(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+)re"
        R"re((comments?|responses?|replies|reply|thoughts?))re"
        // ... on the quoted headline: a sentence ("Two replies to Moscow's note came") is text.
        R"re((\s+yet|\s+(on|to)\s+("|\xE2\x80\x9C|\xE2\x80\x98|').+)?\W*$)re",
        std::regex::icase | std::regex::optimize);
    return std::regex_match(std::string(line), pattern);
}

bool starts_trailer(std::string_view line) {
    const auto folded = fold_case(line);
    return std::find(kTrailerHeadings.begin(), kTrailerHeadings.end(), folded) !=
           kTrailerHeadings.end();
}

bool may_head_inline_box(std::string_view line) { return fold_case(line) == "read more"; }

bool is_other_language(std::string_view paragraph) {
    std::size_t words = 0;
    int foreign = 0;
    bool english = false;
    visit_words(paragraph, [&](std::size_t begin, std::size_t end) {
        const auto key = fold_case(paragraph.substr(begin, end - begin));
        ++words;
        english = english_words().contains(key);  // one English word suffices
        if (foreign_words().contains(key)) ++foreign;
        return !english;
    });
    return !english && words >= 5 && foreign >= 2;
}

bool is_emphasised_line(std::string_view line) {
    return line.size() > 4 && (line.starts_with("**") && line.ends_with("**")) &&
           line.substr(2, line.size() - 4).find("**") == std::string_view::npos;
}

}  // namespace talksearch::indexer
