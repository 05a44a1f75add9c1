#include "searchd/search/highlighter.h"

#include "common/schema.h"
#include "common/text.h"

namespace talksearch::search {
namespace {

constexpr const char* kMarkStart = "<mark>";
constexpr const char* kMarkEnd = "</mark>";
constexpr const char* kEllipsis = "\xE2\x80\xA6";

}  // namespace

std::string opening_html(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return html_escape(text);
    std::size_t cut = text.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return html_escape(text.substr(0, cut)) + kEllipsis;
}

std::string snippet_html(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stem) {
    const auto flags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    auto snippet = mset.snippet(text, kSnippetBytes, stem, flags, kMarkStart, kMarkEnd, kEllipsis);
    if (snippet.empty()) return opening_html(text, kSnippetBytes);
    return snippet;
}

std::string marked_html(const Xapian::MSet& mset, const std::string& text,
                        const Xapian::Stem& stem) {
    // Longer than the text, so the snippet is the whole text; the flag keeps it escaped even
    // when nothing matches.
    auto marked =
        mset.snippet(text, text.size() + 16, stem, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                     kMarkStart, kMarkEnd, kEllipsis);
    return marked.empty() ? html_escape(text) : marked;
}

std::vector<Highlight> find_highlights(const std::string& field, const std::string& text,
                                       const std::set<std::string>& terms,
                                       const Xapian::Stem& stem) {
    std::vector<Highlight> highlights;
    if (terms.empty()) return highlights;
    auto matches = [&](const std::string& word) {
        const auto stemmed = stem(word);
        return terms.contains(word) || terms.contains(std::string(schema::kStemPrefix) + stemmed) ||
               terms.contains(std::string(schema::kTitlePrefix) + word) ||
               terms.contains(std::string(schema::kTitleStemPrefix) + stemmed);
    };
    CodePointCursor cursor(text);
    for (const auto& word : split_words(text)) {
        if (!matches(word.folded)) continue;
        const auto start = cursor.at(word.begin);
        highlights.push_back(Highlight{field, start, cursor.at(word.end)});
    }
    return highlights;
}

}  // namespace talksearch::search
