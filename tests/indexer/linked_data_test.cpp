#include "indexer/linked_data.h"

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("JSON-LD: the article's fields, from any depth of @graph and arrays", "[linked_data]") {
    LinkedData data;
    read_linked_data(
        R"({"@context": "https://schema.org", "@graph": [
              {"@type": "WebPage", "datePublished": "2019-11-01"},
              {"@type": ["Thing", "NewsArticle"], "headline": "Talks resume",
               "datePublished": "2019-11-20", "dateModified": "2019-11-21",
               "publisher": {"@type": "Organization", "name": "Example Wire"},
               "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}]}]})",
        data);
    CHECK(data.headline == "Talks resume");
    CHECK(data.published == "2019-11-20");
    CHECK(data.other_published == "2019-11-01");  // the WebPage's
    CHECK(data.modified == "2019-11-21");
    CHECK(data.publisher == "Example Wire");
    CHECK(data.author == "Jane Doe");

    // Another script fills only what is still missing.
    read_linked_data(R"([{"@type": "article", "headline": "Other", "author": "X"}])", data);
    CHECK(data.headline == "Talks resume");
    CHECK(data.author == "Jane Doe");
}

TEST_CASE("JSON-LD: comments and trailing commas are read, broken JSON is ignored",
          "[linked_data]") {
    LinkedData lenient;
    read_linked_data(R"({/* a comment */ "@type": "BlogPosting", "headline": "A",})", lenient);
    CHECK(lenient.headline == "A");
    LinkedData broken;
    read_linked_data("{broken", broken);
    CHECK(broken.headline.empty());
    // Only an article's headline counts.
    LinkedData other;
    read_linked_data(R"({"@type": "WebSite", "headline": "The site"})", other);
    CHECK(other.headline.empty());
}
