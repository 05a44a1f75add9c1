#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <catch2/catch.hpp>

#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/readers.h"

using namespace talksearch::indexer;

namespace {

bool any_contains(const std::vector<std::string>& blocks, std::string_view text) {
    return std::any_of(blocks.begin(), blocks.end(),
                       [&](const std::string& b) { return b.find(text) != std::string::npos; });
}

constexpr std::string_view kPage = R"(<!doctype html>
<html><head>
<title>Page title | Site</title>
<meta property="og:title" content="OG headline">
<meta property="article:published_time" content="2025-05-16T08:00:00+02:00">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/a">
<style>p { color: red }</style>
<script>var secret = "script text";</script>
</head><body>
<header><nav><a href="/">Home</a> Navigation text</nav></header>
<h1>H1 headline</h1>
<p>Outside the article, never indexed.</p>
<article>
  <p>First <b>paragraph</b> of the<br>article.</p>
  <script>var inside = "inline script";</script>
  <aside>Aside text</aside>
  <p>Second&nbsp;paragraph.</p>
  <figure><figcaption>Caption text</figcaption></figure>
  <time datetime="2024-01-01">Jan 1</time>
</article>
<footer>Footer text</footer>
</body></html>)";

}  // namespace

TEST_CASE("html: title precedence is og:title, then h1, then title", "[readers][html_reader]") {
    CHECK(read_html(kPage, "a", "a.html").title == "OG headline");
    CHECK(read_html("<html><head><title>T</title></head><body><h1> H1 <i>x</i></h1></body></html>",
                    "a", "a.html")
              .title == "H1 x");
    CHECK(read_html("<html><head><title> Only title </title></head><body><p>x</p></body></html>",
                    "a", "a.html")
              .title == "Only title");
    CHECK(read_html("<p>no title</p>", "a", "a.html").title.empty());
}

TEST_CASE("html: date from article:published_time, else <time datetime>, as ISO",
          "[readers][html_reader]") {
    CHECK(read_html(kPage, "a", "a.html").date == "2025-05-16");
    CHECK(
        read_html("<body><article><time datetime=\"2024-03-02\">x</time><p>t</p></article></body>",
                  "a", "a.html")
            .date == "2024-03-02");
    CHECK_FALSE(read_html("<p>undated</p>", "a", "a.html").date);
}

TEST_CASE("html: metadata", "[readers][html_reader]") {
    const auto article = read_html(kPage, "a", "a.html");
    CHECK(article.id == "a");
    CHECK(article.file == "a.html");
    CHECK(article.source == "Example News");
    CHECK(article.url == "https://example.org/a");
}

TEST_CASE("html: the body is the article's paragraphs, without furniture",
          "[readers][html_reader]") {
    const auto blocks = read_html(kPage, "a", "a.html").blocks;
    CHECK(blocks == std::vector<std::string>{"First paragraph of the article.", "Second paragraph.",
                                             "Jan 1"});
    for (const auto* excluded : {"script text", "inline script", "color", "Navigation", "Aside",
                                 "Footer", "Caption", "Outside the article"}) {
        CAPTURE(excluded);
        CHECK_FALSE(any_contains(blocks, excluded));
    }
}

TEST_CASE("html: without <article>, main and then body are used", "[readers][html_reader]") {
    const auto with_main = read_html(
        "<body><p>Outside main.</p><main><p>Inside main.</p></main><footer>F</footer></body>", "a",
        "a.html");
    CHECK(with_main.blocks == std::vector<std::string>{"Inside main."});
    const auto body_only = read_html(
        "<body><nav>Menu</nav><div>One.</div><div "
        "role=\"navigation\">Links</div><p>Two.</p></body>",
        "a", "a.html");
    CHECK(body_only.blocks == std::vector<std::string>{"One.", "Two."});
}

namespace {

// A benchmark page, gzipped as the benchmark ships it (gzip is on every Debian system).
std::string read_gzipped(const std::filesystem::path& path) {
    const std::string command = "gzip -dc '" + path.string() + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string content;
    char buffer[65536];
    for (std::size_t read; (read = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) {
        content.append(buffer, read);
    }
    return content;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// The benchmark's measure: F1 of the 4-word shingles both texts share, with multiplicity.
double shingle_f1(std::string_view truth, std::string_view extracted) {
    auto shingles = [](std::string_view text) {
        const auto words = talksearch::split_words(text);
        std::map<std::string, int> counts;
        for (std::size_t i = 0; i + 4 <= words.size(); ++i) {
            ++counts[words[i].folded + ' ' + words[i + 1].folded + ' ' + words[i + 2].folded + ' ' +
                     words[i + 3].folded];
        }
        return counts;
    };
    const auto expected = shingles(truth);
    const auto got = shingles(extracted);
    int shared = 0;
    int expected_total = 0;
    int got_total = 0;
    for (const auto& [shingle, count] : expected) {
        expected_total += count;
        if (const auto it = got.find(shingle); it != got.end()) {
            shared += std::min(count, it->second);
        }
    }
    for (const auto& [shingle, count] : got) got_total += count;
    if (shared == 0) return 0;
    const double precision = static_cast<double>(shared) / got_total;
    const double recall = static_cast<double>(shared) / expected_total;
    return 2 * precision * recall / (precision + recall);
}

}  // namespace

TEST_CASE("html: real pages give their article, headline and publication date",
          "[readers][html_reader][extraction]") {
    const auto [id, title, date] = GENERATE(table<std::string, std::string, std::string>({
        // The body split among sibling containers; no date but the URL's and metadata's.
        {"04a6711c", "Republicans Are Following Trump to Nowhere", "2019-11-19"},
        // The metadata's offset is wrong; the page shows the same minutes on the day before.
        {"06ee193d", "The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message",
         "2019-11-19"},
        // A UTC time without a zone; the byline shows it in Eastern time.
        {"08f79376",
         "Browns player on Mason Rudolph's role in fight with Myles Garrett: He asked for it",
         "2019-11-18"},
        // Only an update's local time is shown: it gives the page's offset from UTC.
        {"a6968f42", "Deval Patrick takes nascent 2020 campaign to South Carolina", "2019-11-19"},
    }));
    CAPTURE(id);
    const std::filesystem::path folder =
        std::filesystem::path(TALKSEARCH_TEST_DATA_DIR) / "extraction";
    const auto parsed = read_html(read_gzipped(folder / (id + ".html.gz")), id, id + ".html");
    const auto cleaned = clean(parsed);
    CHECK(cleaned.title == title);
    CHECK(parsed.date == date);
    std::string body;
    for (const auto& paragraph : cleaned.paragraphs) body += paragraph + "\n";
    CHECK(shingle_f1(read_file(folder / (id + ".txt")), body) >= 0.95);
}
