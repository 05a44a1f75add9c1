#include "indexer/story_signature.h"

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::indexer;

namespace {

// The paragraphs of a bundled article: its lines after the title.
std::vector<std::string> bundled_paragraphs(const std::string& name) {
    std::ifstream in(talksearch::testing::bundled_corpus() / name);
    std::vector<std::string> paragraphs;
    std::string line;
    std::getline(in, line);  // the title
    while (std::getline(in, line)) {
        if (!line.empty()) paragraphs.push_back(line);
    }
    REQUIRE(paragraphs.size() >= 5);
    return paragraphs;
}

double alike(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return similarity(*story_signature(a), *story_signature(b));
}

bool copies(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return same_story(*story_signature(a), *story_signature(b));
}

}  // namespace

TEST_CASE("copies made the ways news copies are made are one story") {
    const auto original = bundled_paragraphs("000_bc86243e7a049964.txt");
    CHECK(alike(original, original) == 1.0);
    CHECK(copies(original, original));

    auto credited = original;
    credited.front() = "KYIV (Reuters) - " + credited.front();
    credited.push_back("Reporting by the Kyiv bureau; editing by the desk.");
    CHECK(alike(original, credited) >= 0.7);
    CHECK(copies(original, credited));

    auto shortened = original;
    shortened.erase(shortened.begin() + 2);
    CHECK(copies(original, shortened));

    auto reworded = original;
    for (std::size_t i = 0; i < reworded.size(); i += 3) {
        const auto space = reworded[i].find(' ', reworded[i].size() / 2);
        if (space != std::string::npos) reworded[i].insert(space, " reportedly");
    }
    CHECK(copies(original, reworded));

    // A third of the text dropped and a paragraph of another article added: still most of it.
    auto reworked =
        std::vector<std::string>(original.begin(), original.begin() + original.size() * 2 / 3);
    reworked.push_back(bundled_paragraphs("001_dc57182f9a93a534.txt").front());
    CHECK(containment(*story_signature(original), *story_signature(reworked)) >= 0.8);
    CHECK(copies(original, reworked));
}

TEST_CASE("a fragment of an article is not a copy of it") {
    const auto original = bundled_paragraphs("000_bc86243e7a049964.txt");
    const std::vector<std::string> lede(original.begin(), original.begin() + 2);
    CHECK(containment(*story_signature(original), *story_signature(lede)) >= 0.9);
    CHECK_FALSE(copies(original, lede));
}

TEST_CASE("separately written articles are not alike") {
    const auto first = bundled_paragraphs("000_bc86243e7a049964.txt");
    for (const auto* other : {"001_dc57182f9a93a534.txt", "002_90cb00061bcb65f3.txt",
                              "003_f84507c056fc63c0.txt", "004_1b57a905ea256f2b.txt"}) {
        INFO(other);
        CHECK(alike(first, bundled_paragraphs(other)) < 0.2);
        CHECK_FALSE(copies(first, bundled_paragraphs(other)));
    }
}

TEST_CASE("a body without words has no signature, and one shorter than a shingle has one") {
    CHECK_FALSE(story_signature({}));
    CHECK_FALSE(story_signature({"", " -- "}));
    const auto short_body = story_signature({"Talks resume."});
    REQUIRE(short_body);
    CHECK(similarity(*short_body, *story_signature({"talks RESUME"})) == 1.0);
    CHECK(short_body->shingles == 1);
    CHECK(similarity(*short_body, *story_signature({"Talks ended."})) < 0.2);
}

TEST_CASE("a signature survives its value slot, and other values are not signatures") {
    const auto signature = *story_signature({"Delegations met in Geneva again on Tuesday."});
    CHECK(decode_signature(encode_signature(signature)) == signature);
    CHECK_FALSE(decode_signature(""));
    CHECK_FALSE(decode_signature(encode_signature(signature) + "x"));
}

TEST_CASE("a copy shares band keys with its original, another text none") {
    const std::string report =
        "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
        "talks and agreed to exchange prisoners of war. The talks lasted a little over an hour, "
        "officials in Kyiv said, and the two sides promised to meet again within weeks.";
    const auto original = *story_signature({report});
    const auto copy = *story_signature({"(Reuters) " + report});
    const auto other = *story_signature(
        {"The security conference in Munich heard the chancellor call for more air defence "
         "systems, while ministers argued over the budget for the coming years at length."});
    std::size_t shared_with_copy = 0;
    std::size_t shared_with_other = 0;
    for (std::size_t band = 0; band < kBands; ++band) {
        shared_with_copy += band_key(original, band) == band_key(copy, band);
        shared_with_other += band_key(original, band) == band_key(other, band);
    }
    CHECK(shared_with_copy > kBands / 2);
    CHECK(shared_with_other == 0);
}

TEST_CASE("the signature of a body's words is that of its paragraphs") {
    const auto paragraphs = bundled_paragraphs("002_90cb00061bcb65f3.txt");
    std::string body;
    for (const auto& paragraph : paragraphs) body += (body.empty() ? "" : "\n\n") + paragraph;
    const auto from_words = story_signature_of(talksearch::split_words(body));
    const auto from_paragraphs = story_signature(paragraphs);
    REQUIRE(from_words);
    REQUIRE(from_paragraphs);
    CHECK(from_words->minima == from_paragraphs->minima);
    CHECK(from_words->shingles == from_paragraphs->shingles);
}
