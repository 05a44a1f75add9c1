#include "common/cached_stemmer.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using talksearch::make_cached_stemmer;

TEST_CASE("the cached stemmer answers as the plain one, the first time and after", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer();
    const std::vector<std::string> words{"negotiations", "talks", "talked", "ceasefire",
                                         "running",      "",      "odesa",  "negotiations"};
    for (int round = 0; round < 2; ++round) {
        for (const auto& word : words) CHECK(cached(word) == plain(word));
    }
    // Copies share one cache; the object outlives the copy it was made from.
    Xapian::Stem copy = cached;
    CHECK(copy("presidents") == plain("presidents"));
    CHECK(cached.get_description().find("english") != std::string::npos);
}

TEST_CASE("a word in Cyrillic is stemmed as Russian, any other as English", "[stemmer]") {
    const Xapian::Stem english("english");
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer();
    for (const std::string word : {"переговоров", "переговоры", "россии", "ё", "переговорах"}) {
        CAPTURE(word);
        CHECK(cached(word) == russian(word));
    }
    CHECK(cached("переговоров") == cached("переговоры"));
    // Ukrainian, which Snowball lacks, shares most of its noun endings with Russian.
    CHECK(cached("переговори") == cached("переговорах"));
    CHECK(cached("переговорами") == cached("переговорах"));
    CHECK(cached("україни") == cached("україна"));
    // The genitive plural's ending is Ukrainian only (as docs/api.md says).
    CHECK(cached("переговорів") != cached("переговори"));
    for (const std::string word : {"negotiations", "talks", "odesa", "kyiv's", "2026", "é"}) {
        CAPTURE(word);
        CHECK(cached(word) == english(word));
    }
    CHECK(cached.get_description().find("russian") != std::string::npos);
}

TEST_CASE("a word is Cyrillic by its first letter", "[stemmer]") {
    CHECK(talksearch::is_cyrillic_word("переговори"));
    CHECK(talksearch::is_cyrillic_word("ґанок"));  // U+0491, in the block's last lead byte
    CHECK(talksearch::is_cyrillic_word("ѐ"));      // U+0450
    CHECK_FALSE(talksearch::is_cyrillic_word("talks"));
    CHECK_FALSE(talksearch::is_cyrillic_word("ö"));     // U+00F6, led by 0xC3
    CHECK_FALSE(talksearch::is_cyrillic_word("ԁ"));     // U+0501, Cyrillic Supplement: led by 0xD4
    CHECK_FALSE(talksearch::is_cyrillic_word("\xD0"));  // a lead byte alone
    CHECK_FALSE(talksearch::is_cyrillic_word(""));
}

TEST_CASE("the cached stemmer stays right past its capacity", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer();
    for (int i = 0; i < 70000; ++i) {
        const auto word = "word" + std::to_string(i) + "ing";
        if (i % 9973 == 0)
            CHECK(cached(word) == plain(word));
        else
            cached(word);
    }
    CHECK(cached("negotiating") == plain("negotiating"));
}

TEST_CASE("a recording stemmer reports each round's distinct words once", "[stemmer]") {
    const Xapian::Stem plain("english");
    auto* recorder = new talksearch::CachedStemmer(true);
    const Xapian::Stem stem(recorder);  // owns the recorder
    for (const auto* word : {"talks", "odesa", "talks", "talked"}) CHECK(stem(word) == plain(word));
    CHECK(recorder->take_words() == std::vector<std::string>{"talks", "odesa", "talked"});
    CHECK(recorder->take_words().empty());
    // Words seen in an earlier round are reported again in a later one.
    stem("odesa");
    stem("ceasefire");
    CHECK(recorder->take_words() == std::vector<std::string>{"odesa", "ceasefire"});
}

TEST_CASE("a recording stemmer reports a round of more words than its cache holds", "[stemmer]") {
    auto* recorder = new talksearch::CachedStemmer(true);
    const Xapian::Stem stem(recorder);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 70000; ++i) stem("word" + std::to_string(i));
        stem("word0");
        const auto words = recorder->take_words();
        CHECK(words.size() == 70000);
        CHECK(words.front() == "word0");
    }
}
