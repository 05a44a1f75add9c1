#include "indexer/page_metadata.h"

#include <string_view>
#include <utility>
#include <vector>

#include "common/text.h"
#include "indexer/ascii_case.h"
#include "indexer/gumbo_dom.h"
#include "indexer/linked_data.h"
#include "indexer/page_scan.h"
#include "indexer/publication_date.h"
#include "indexer/title_cleaning.h"

namespace talksearch::indexer {
namespace {

// Inside the page's header or a link to the home page (where a site puts its logo).
bool in_site_header(const GumboNode* node) {
    for (const GumboNode* at = node->parent; at && at->type == GUMBO_NODE_ELEMENT;
         at = at->parent) {
        const GumboTag tag = at->v.element.tag;
        if (tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_NAV) return true;
        if (tag == GUMBO_TAG_A &&
            (attribute(at, "href") == "/" || attribute(at, "rel") == "home")) {
            return true;
        }
        for (const char* name : {"id", "class"}) {
            const auto value = lower_ascii(attribute(at, name));
            for (const std::string_view word : {"header", "logo", "masthead", "branding"}) {
                if (value.find(word) != std::string::npos) return true;
            }
        }
    }
    return false;
}

}  // namespace

PageMetadata read_page_metadata(const GumboNode* document, const Date& today) {
    const Scan scan = scan_page(document);
    LinkedData linked;
    for (const auto& json : scan.linked_data) read_linked_data(json, linked);

    PageMetadata metadata;
    // Site, URL, author, language.
    for (const auto& candidate : {meta(scan, "og:site_name"), normalize_spaces(linked.publisher),
                                  meta(scan, "application-name")}) {
        if (!candidate.empty()) {
            metadata.site_name = candidate;
            break;
        }
    }
    for (const auto& candidate : {normalize_spaces(scan.canonical), meta(scan, "og:url")}) {
        if (candidate.starts_with("http://") || candidate.starts_with("https://")) {
            metadata.url = candidate;
            break;
        }
    }
    for (const auto& candidate : {normalize_spaces(linked.author), meta(scan, "author"),
                                  meta(scan, "article:author"), meta(scan, "byl")}) {
        if (!candidate.empty() && !candidate.starts_with("http")) {
            metadata.author = candidate;
            break;
        }
    }
    if (auto language = normalize_spaces(scan.language); !language.empty()) {
        metadata.language = language;
    }

    // Title.
    std::vector<std::string> site_names;
    for (const auto& name : {meta(scan, "og:site_name"), normalize_spaces(linked.publisher),
                             meta(scan, "application-name")}) {
        if (!name.empty()) site_names.push_back(name);
    }
    const std::string url = metadata.url.value_or("");
    std::vector<std::pair<const GumboNode*, std::string>> h1_texts;
    for (const auto& [node, position] : scan.h1s) {
        if (auto text = normalize_spaces(text_content(node)); !text.empty()) {
            h1_texts.emplace_back(node, std::move(text));
        }
    }
    // An <h1> in the site's header or its home link, that neither leads the page's <title> nor is
    // most of it, is the site's logo.
    std::string h1_title;
    for (const auto& [node, text] : h1_texts) {
        // (A headline leads the <title> or is most of it; a site's name trails it.)
        const auto folded_tag = fold_case(scan.title_tag);
        const auto folded_h1 = fold_case(text);
        if (!in_site_header(node) || scan.title_tag.empty() || folded_tag.starts_with(folded_h1) ||
            (folded_tag.find(folded_h1) != std::string::npos &&
             count_words(text) * 2 > count_words(scan.title_tag))) {
            h1_title = text;
            break;
        }
    }
    const std::vector<std::string> raw_titles{meta(scan, "og:title"), meta(scan, "twitter:title"),
                                              normalize_spaces(linked.headline), h1_title,
                                              scan.title_tag};
    for (const auto& raw : raw_titles) {
        if (raw.empty()) continue;
        auto title = remove_site_name(raw, site_names, url);
        if (title == raw && is_site_name_alone(raw, site_names)) {
            continue;  // the site's name alone
        }
        metadata.title = std::move(title);
        break;
    }
    // The headline element: an <h1> saying the title (or part of a title candidate).
    const auto folded_title = fold_case(metadata.title);
    for (const auto& [node, text] : h1_texts) {
        const auto folded = fold_case(text);
        bool matches = folded == folded_title;
        for (const auto& raw : raw_titles) {
            if (!matches && count_words(text) >= 3 && !raw.empty() &&
                fold_case(raw).find(folded) != std::string::npos) {
                matches = true;
            }
        }
        if (matches) {
            metadata.headline = node;
            // The page's own headline is more exact than a shortened title.
            if (folded != folded_title && folded_title.find(folded) != std::string::npos) {
                metadata.title = text;
            }
            break;
        }
    }

    metadata.published = publication_date(scan, linked, metadata.headline, metadata.url, today);
    return metadata;
}

}  // namespace talksearch::indexer
