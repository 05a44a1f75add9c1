#include "common/ukrainian_lemmas.h"

#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using talksearch::ukrainian_lemma;

TEST_CASE("a Ukrainian word's dictionary form, the shortest of several", "[ukrainian]") {
    CHECK(ukrainian_lemma("переговорів") == std::optional<std::string>("переговори"));
    CHECK(ukrainian_lemma("сторони") == std::optional<std::string>("сторона"));
    // Hunspell also gives the verb "війнути"; the noun is shorter.
    CHECK(ukrainian_lemma("війни") == std::optional<std::string>("війна"));
}

TEST_CASE("a word the Ukrainian dictionary does not know has no dictionary form", "[ukrainian]") {
    CHECK_FALSE(ukrainian_lemma("переговоров"));  // Russian
    CHECK_FALSE(ukrainian_lemma("talks"));
    CHECK_FALSE(ukrainian_lemma(""));
    CHECK_FALSE(ukrainian_lemma("\xD0"));  // not UTF-8
}

TEST_CASE("Ukrainian dictionary forms are asked for from several threads at once", "[ukrainian]") {
    std::vector<std::optional<std::string>> found(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < found.size(); ++t) {
        threads.emplace_back([&found, t] {
            for (int i = 0; i < 200; ++i) found[t] = ukrainian_lemma("переговорами");
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& lemma : found) CHECK(lemma == std::optional<std::string>("переговори"));
}

TEST_CASE("a dictionary's digest changes with either of its files", "[ukrainian]") {
    talksearch::testing::TempDir dir;
    const auto base = dir.path() / "xx_XX";
    const auto write = [&](const char* extension, const std::string& content) {
        dir.write(std::string("xx_XX") + extension, content);
    };
    write(".aff", "SET UTF-8\n");
    write(".dic", "1\nмир\n");
    const auto first = talksearch::dictionary_digest(base);
    CHECK(talksearch::dictionary_digest(base) == first);
    write(".dic", "1\nмір\n");
    const auto second = talksearch::dictionary_digest(base);
    CHECK(second != first);
    write(".aff", "SET UTF-8\nTRY а\n");
    CHECK(talksearch::dictionary_digest(base) != second);
    std::filesystem::remove(base.string() + ".aff");
    CHECK_THROWS_WITH(talksearch::dictionary_digest(base), Catch::Contains("install hunspell-uk"));
}
