#include "indexer/cleaner.h"

#include <algorithm>
#include <unordered_set>

#include "common/text.h"
#include "indexer/boilerplate_rules.h"
#include "indexer/glued_words.h"

namespace talksearch::indexer {
namespace {

// Lines in the header of a page this short, before the first real paragraph, are labels
// (section names, kickers), not text.
constexpr std::size_t kLabelMaxWords = 3;
// A paragraph with at least this many words starts the article body.
constexpr std::size_t kBodyMinWords = 8;
// A headline is looked for in this many first lines.
constexpr std::size_t kHeadlineWindow = 6;
// Longer than this, a line under a teaser label is text, not another article's headline.
constexpr std::size_t kHeadlineMaxWords = 30;

bool ends_sentence(std::string_view text) {
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' ||
                             text.back() == ':' || text.ends_with("\xE2\x80\x9D"));
}

bool is_blank(std::string_view block) {
    return block.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Whether block `b` is a paragraph of its own rather than a line inside a hard-wrapped one: the
// block before it is blank or ends a sentence, and the one after does not go on in lower case.
bool stands_apart(const std::vector<std::string>& blocks, std::size_t b) {
    if (b > 0 && !is_blank(blocks[b - 1]) && !ends_sentence(normalize_spaces(blocks[b - 1]))) {
        return false;
    }
    if (b + 1 < blocks.size() && !is_blank(blocks[b + 1])) {
        const auto next = normalize_spaces(blocks[b + 1]);
        if (next.front() >= 'a' && next.front() <= 'z') return false;
    }
    return true;
}

// A paragraph of an article's text, longer than a teaser's line or a caption.
bool is_article_paragraph(std::string_view text) {
    constexpr std::size_t kMinWords = 25;
    return ends_sentence(text) && count_words(text) >= kMinWords;
}

// Whether two paragraphs of text follow block `from` before any other trailer heading: the
// article goes on after what stood there.
bool text_goes_on(const std::vector<std::string>& blocks, std::size_t from) {
    constexpr std::size_t kParagraphs = 2;
    std::size_t paragraphs = 0;
    for (auto b = from; b < blocks.size() && paragraphs < kParagraphs; ++b) {
        const auto text = normalize_spaces(blocks[b]);
        if (starts_trailer(text)) return false;
        paragraphs += is_article_paragraph(text);
    }
    return paragraphs >= kParagraphs;
}

// A time of day alone on its line, as teaser lists stamp their items: "03:06", "20:32".
bool is_clock_time(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) {
        return false;
    }
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
}

std::string_view without_trailing_blanks(std::string_view block) {
    while (!block.empty() && (block.back() == ' ' || block.back() == '\t')) block.remove_suffix(1);
    return block;
}

// A link a page rendered as "Headline -" (or "Headline |"): a line ending in a separator.
bool ends_with_separator(std::string_view block) {
    block = without_trailing_blanks(block);
    return block.ends_with(" -") || block.ends_with(" |") || block.ends_with(" \xE2\x80\x93");
}

// Another article's excerpt, cut short: a line ending in an ellipsis ("Kremlin spokesman Dmitry
// Peskov has...").
bool ends_with_ellipsis(std::string_view block) {
    block = without_trailing_blanks(block);
    return block.ends_with("...") || block.ends_with("\xE2\x80\xA6");
}

// Three or more such lines in a row are a list of links to other articles; so are three or more
// excerpts in a row (one such line may be a quote trailing off).
std::vector<bool> link_lists(const std::vector<std::string>& blocks) {
    constexpr std::size_t kMinLinks = 3;
    auto is_list_item = [](std::string_view block) {
        return ends_with_separator(block) || ends_with_ellipsis(block);
    };
    // Blank lines between the items (a Markdown file's paragraphs) do not end the list.
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!is_blank(blocks[i])) lines.push_back(i);
    }
    std::vector<bool> listed(blocks.size());
    for (std::size_t i = 0; i < lines.size();) {
        auto end = i;
        while (end < lines.size() && is_list_item(blocks[lines[end]])) ++end;
        for (auto k = i; end - i >= kMinLinks && k < end; ++k) listed[lines[k]] = true;
        i = end == i ? i + 1 : end;
    }
    return listed;
}

std::string strip_final_period(std::string text) {
    if (text.size() > 1 && text.back() == '.' && text[text.size() - 2] != '.') text.pop_back();
    return text;
}

struct Line {
    std::string raw;   // spaces normalised, emphasis kept (to recognise bold headlines)
    std::string text;  // cleaned
};

// Removes Markdown emphasis from a line whose spaces are already normalised.
std::string strip_emphasis(std::string text) {
    bool stripped = false;
    for (const std::string_view marker : {"**", "__"}) {
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
            text.erase(at, marker.size());
            stripped = true;
        }
    }
    return stripped ? normalize_spaces(text) : text;
}

}  // namespace

std::string clean_line(std::string_view line) { return strip_emphasis(normalize_spaces(line)); }

CleanArticle clean(const ParsedArticle& article) {
    // 1. Normalise, drop blank and chrome lines, cut the trailer.
    //    The lines under a teaser label are other articles' headlines, up to the first line that
    //    ends a sentence as text does (a headline does not); an item under a time stamp is
    //    another article's whatever it ends with ("Read next / 03:06 / A drone strike hit ...").
    //    Lists of links rendered as "Headline -" lines are chrome too.
    std::vector<Line> lines;
    bool under_teaser_label = false;
    bool after_clock_time = false;
    // Paragraphs of the article's text kept so far: two tell a comment section's count of its
    // comments after the text from one beside the byline (a standfirst may come before that).
    std::size_t text_paragraphs = 0;
    constexpr std::size_t kTextBeforeComments = 2, kTextParagraphMinWords = 12;
    const auto listed = link_lists(article.blocks);
    // A "Read more" box set inside the article (a teaser's picture and headline) is skipped to the
    // text that goes on after it; at the end of the page, the same heading starts the trailer.
    bool in_inline_box = false;
    for (std::size_t b = 0; b < article.blocks.size(); ++b) {
        if (listed[b]) continue;
        auto raw = normalize_spaces(article.blocks[b]);
        auto text = separate_glued_words(strip_emphasis(raw));
        Line line{std::move(raw), std::move(text)};
        if (line.text.empty()) continue;
        if (in_inline_box) {
            if (!is_article_paragraph(line.text)) continue;
            in_inline_box = false;
        }
        if (under_teaser_label && (after_clock_time || is_clock_time(line.text))) {
            after_clock_time = !after_clock_time && is_clock_time(line.text);
            continue;
        }
        under_teaser_label = under_teaser_label && !ends_sentence(line.text) &&
                             count_words(line.text) <= kHeadlineMaxWords;
        if (under_teaser_label) continue;
        under_teaser_label = is_teaser_label(line.text);
        if (is_chrome_line(line.text)) continue;
        if (is_broken_tag_list(line.text) && stands_apart(article.blocks, b)) continue;
        if (starts_trailer(line.text) && !lines.empty()) {
            if (!may_head_inline_box(line.text) || !text_goes_on(article.blocks, b + 1)) break;
            in_inline_box = true;
            continue;
        }
        if (is_comment_count(line.text)) {
            if (text_paragraphs >= kTextBeforeComments) break;
            continue;
        }
        if (ends_sentence(line.text) && count_words(line.text) >= kTextParagraphMinWords) {
            ++text_paragraphs;
        }
        lines.push_back(std::move(line));
    }

    // 2. The headline: the format's own title, else an emphasised line near the top, else the
    //    first line.
    CleanArticle clean;
    std::size_t title_index = lines.size();
    if (!article.title.empty()) {
        clean.title = clean_line(article.title);
    } else {
        for (std::size_t i = 0; i < lines.size() && i < kHeadlineWindow; ++i) {
            if (is_emphasised_line(lines[i].raw)) {
                title_index = i;
                break;
            }
        }
        if (title_index == lines.size() && !lines.empty()) title_index = 0;
        if (title_index < lines.size()) clean.title = lines[title_index].text;
    }
    // A line taken for the headline that reads as a paragraph (a sentence of body length, as a
    // text without a title begins) names the article and stays its text too.
    const bool headline_is_text = title_index < lines.size() &&
                                  lines[title_index].text.ends_with('.') &&
                                  count_words(lines[title_index].text) >= kBodyMinWords;
    if (headline_is_text) title_index = lines.size();
    const std::string title_text = clean.title;
    clean.title = strip_final_period(clean.title);

    // 3. The body: everything else, once, without labels in the page header or foreign lines.
    //    A stray line in another language is noise in an English article; an article written
    //    in another language keeps all its lines.
    std::vector<bool> foreign(lines.size());
    std::size_t foreign_lines = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        foreign[i] = is_other_language(lines[i].text);
        foreign_lines += foreign[i];
    }
    const bool drop_foreign = foreign_lines * 2 < lines.size();
    std::unordered_set<std::string> seen;
    if (!headline_is_text) seen = {title_text, clean.title};
    bool body_started = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == title_index) continue;
        const auto& text = lines[i].text;
        const auto words = count_words(text);
        if (!body_started && words <= kLabelMaxWords && !ends_sentence(text)) continue;
        if (words >= kBodyMinWords) body_started = true;
        if (drop_foreign && foreign[i]) continue;
        if (!seen.insert(text).second) continue;
        clean.paragraphs.push_back(text);
    }
    if (clean.title.empty() && !clean.paragraphs.empty()) {
        clean.title = clean.paragraphs.front();
    }
    return clean;
}

}  // namespace talksearch::indexer
