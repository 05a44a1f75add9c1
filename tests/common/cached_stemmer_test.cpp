#include "common/cached_stemmer.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using talksearch::make_cached_stemmer;

TEST_CASE("the cached stemmer answers as the plain one, the first time and after", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer("english");
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

TEST_CASE("the cached stemmer stays right past its capacity", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer("english");
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
    auto* recorder = new talksearch::CachedStemmer("english", true);
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
    auto* recorder = new talksearch::CachedStemmer("english", true);
    const Xapian::Stem stem(recorder);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 70000; ++i) stem("word" + std::to_string(i));
        stem("word0");
        const auto words = recorder->take_words();
        CHECK(words.size() == 70000);
        CHECK(words.front() == "word0");
    }
}
