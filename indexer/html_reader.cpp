// HTML reader: gumbo builds the tree; the page's metadata gives the headline, the date and the
// site, and the content extractor finds the article's blocks among the site's furniture.

#include <memory>
#include <string>

#include <gumbo.h>

#include "indexer/content_extractor.h"
#include "indexer/markup_filter.h"
#include "indexer/page_metadata.h"
#include "indexer/readers.h"

namespace talksearch::indexer {

ParsedArticle read_html(std::string_view content, std::string_view id, std::string_view file) {
    const auto markup = filter_markup(content).html;
    // gumbo copies the stack of open elements into each parse error it records; broken pages
    // make thousands, and nothing here reads them.
    static const GumboOptions options = [] {
        GumboOptions defaults = kGumboDefaultOptions;
        defaults.max_errors = 0;
        return defaults;
    }();
    using OutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;
    OutputPtr output(gumbo_parse_with_options(&options, markup.data(), markup.size()),
                     [](GumboOutput* parsed) { gumbo_destroy_output(&options, parsed); });
    if (!output) throw InputError("the HTML parser gave up on this page");

    auto metadata = read_page_metadata(output->document, today_utc());
    ParsedArticle article;
    article.id = id;
    article.file = file;
    article.title = std::move(metadata.title);
    if (metadata.published) article.date = metadata.published->iso();
    article.source = std::move(metadata.site_name);
    article.url = std::move(metadata.url);
    article.author = std::move(metadata.author);
    article.language = std::move(metadata.language);
    article.blocks = extract_content(output->document, metadata.headline);
    return article;
}

}  // namespace talksearch::indexer
