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
