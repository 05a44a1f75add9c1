#include "indexer/url_host.h"

#include <string>

#include <catch2/catch.hpp>

using namespace talksearch::indexer;

TEST_CASE("a URL's host names its site", "[url_host]") {
    const auto [url, expected] = GENERATE(table<std::string, std::string>({
        {"https://www.reuters.com/world/europe/talks", "reuters.com"},
        {"https://en.24tv.ua/news", "en.24tv.ua"},
        {"HTTP://WWW.Example.ORG", "example.org"},
        {"https://user:secret@news.example.com:8443/a?b#c", "news.example.com"},
        {"https://example.com.:443", "example.com"},
        {"https://example.com?page=2", "example.com"},
        {"http://[2001:db8::1]:8080/x", "[2001:db8::1]"},
        {"https://www.com/", "www.com"},
    }));
    CAPTURE(url);
    CHECK(url_host(url) == expected);
}

TEST_CASE("no host where the text is no URL with one", "[url_host]") {
    const auto url =
        GENERATE(as<std::string>{}, "", "reuters.com/world", "file:///tmp/a.html", "://example.com",
                 "see https://a b", "mailto:desk@example.com", "https:// example.com");
    CAPTURE(url);
    CHECK(url_host(url).empty());
}
