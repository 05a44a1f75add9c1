#include "common/cached_stemmer.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "common/ukrainian_lemmas.h"
#include "tests/support/temp_index.h"

using talksearch::make_cached_stemmer;
using talksearch::testing::shipped_catalog;

TEST_CASE("the cached stemmer answers as the plain one, the first time and after", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer(shipped_catalog());
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
    const auto cached = make_cached_stemmer(shipped_catalog());
    // Russian forms the Ukrainian dictionary does not know.
    for (const std::string word : {"переговоров", "переговоры", "пленных", "ё"}) {
        CAPTURE(word);
        CHECK(cached(word) == russian(word));
    }
    CHECK(cached("переговоров") == cached("переговоры"));
    for (const std::string word : {"negotiations", "talks", "odesa", "kyiv's", "2026", "é"}) {
        CAPTURE(word);
        CHECK(cached(word) == english(word));
    }
    CHECK(cached.get_description().find("russian") != std::string::npos);
}

TEST_CASE("a Ukrainian word is stemmed as its dictionary form is, so its forms find each other",
          "[stemmer]") {
    const auto cached = make_cached_stemmer(shipped_catalog());
    const auto [word, same_as] = GENERATE(table<std::string, std::string>({
        // The genitive plural's ending is Ukrainian only: Russian stemming alone kept it.
        {"переговорів", "переговори"},
        {"переговорах", "переговори"},
        {"переговорами", "переговори"},
        // The Russian nominative stems as the Ukrainian forms do.
        {"переговоры", "переговори"},
        {"війни", "війна"},
        {"війною", "війна"},
        {"полонених", "полоненими"},
        {"делегації", "делегація"},
    }));
    CAPTURE(word, same_as);
    CHECK(cached(word) == cached(same_as));
}

TEST_CASE("a catalogue name in Cyrillic is stemmed as it is, not as a common word", "[stemmer]") {
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer(shipped_catalog());
    // The Ukrainian dictionary reads both as forms of "кий", a cue.
    CHECK(cached("київ") == "київ");
    CHECK(cached("києві") == "київ");
    CHECK(talksearch::ukrainian_lemma("київ") == std::optional<std::string>("кий"));
    // A person's name is no place's: its cases are Snowball's.
    CHECK(cached("мединский") == russian("мединский"));
}

TEST_CASE("a place's name in Cyrillic is one term in every case and no common word's",
          "[stemmer]") {
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer(shipped_catalog());
    // Snowball stems the nominative apart from the other cases, and as it stems "кий" (a cue).
    REQUIRE(russian("киев") != russian("киева"));
    REQUIRE(russian("киев") == russian("кий"));
    for (const std::string word : {"киев", "киева", "киеве", "киеву", "киевом"}) {
        CAPTURE(word);
        CHECK(cached(word) == "киев");
    }
    CHECK(cached("кий") == russian("кий"));
    for (const std::string word : {"харьков", "харькова", "харькове"}) {
        CAPTURE(word);
        CHECK(cached(word) == "харьков");
    }
    for (const std::string word : {"одеса", "одеси", "одесі", "одесою"}) {
        CAPTURE(word);
        CHECK(cached(word) == "одеса");
    }
    // A word made from a name is no case of it.
    CHECK(cached("киевский") == russian("киевский"));
}

TEST_CASE("a word of a person's name in Cyrillic is one term in every case", "[stemmer]") {
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer(shipped_catalog());
    // Snowball stems these Ukrainian cases apart from the name: "є" and "ї" are no Russian.
    REQUIRE(russian("андрієм") != russian("андрій"));
    REQUIRE(russian("умєровим") != russian("умєров"));
    const std::vector<std::pair<std::string, std::string>> cases{
        {"андрієм", "андрій"},    {"рустемом", "рустем"},    {"умєровим", "умєров"},
        {"будановим", "буданов"}, {"сергієм", "сергій"},     {"арахамії", "арахамія"},
        {"кирилом", "кирило"},    {"мединским", "мединский"}};
    for (const auto& [word, name] : cases) {
        CAPTURE(word, name);
        CHECK(cached(word) == cached(name));
    }
    // A case form that is a place's name stays the place's: "Марка" the town, not Mark's
    // genitive.
    const auto with_town = talksearch::Catalog::from_toml(R"toml(
[[entity]]
name = "Marko Polishchuk"
type = "person"
aliases = ["Марко Поліщук"]

[[entity]]
name = "Marka"
type = "city"
aliases = ["Марка"]
)toml",
                                                          "town.toml");
    const auto town_stem = make_cached_stemmer(with_town);
    CHECK(town_stem("маркові") == town_stem("марко"));
    CHECK(town_stem("марка") != town_stem("марко"));
    // Snowball's own stems of a Russian surname's cases differ too.
    REQUIRE(russian("лавровим") != russian("лавров"));
    CHECK(cached("лавровим") == cached("лавров"));
}

TEST_CASE("a Ukrainian given name is one term in every case", "[stemmer]") {
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer(shipped_catalog());
    const auto [form, name] = GENERATE(table<std::string, std::string>({
        {"тарасові", "тарас"},    // Snowball: "тарасові" and "тарас"
        {"богданові", "богдан"},  // "богданові" and "богда"
        {"зіновієм", "зіновій"},  // "зіновієм" and "зінові"
        {"миколі", "микола"},     // "миколі" and "микол"
    }));
    CAPTURE(form);
    CHECK(russian(form) != russian(name));
    CHECK(cached(form) == cached(name));
}

TEST_CASE("a form of two given names or of an ordinary word stays as Snowball stems it",
          "[stemmer]") {
    const Xapian::Stem russian("russian");
    const auto cached = make_cached_stemmer(shipped_catalog());
    // Олександра, and Олександр's genitive.
    CHECK(cached("олександра") == russian("олександра"));
    // "надією" (by hope) is the dictionary's, as "надія" is.
    CHECK(cached("надією") == cached("надія"));
    // Without a letter Russian lacks a form may be a Russian word: "любимом" (beloved's) is
    // also the instrumental of Любим.
    CHECK(cached("любимом") == russian("любимом"));
}

TEST_CASE("the cached stemmer stays right past its capacity", "[stemmer]") {
    const Xapian::Stem plain("english");
    const auto cached = make_cached_stemmer(shipped_catalog());
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
    auto* recorder = new talksearch::CachedStemmer(shipped_catalog(), true);
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
    auto* recorder = new talksearch::CachedStemmer(shipped_catalog(), true);
    const Xapian::Stem stem(recorder);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 70000; ++i) stem("word" + std::to_string(i));
        stem("word0");
        const auto words = recorder->take_words();
        CHECK(words.size() == 70000);
        CHECK(words.front() == "word0");
    }
}

TEST_CASE("a Ukrainian case of a place only the gazetteer knows is one term with its name",
          "[stemmer]") {
    const Xapian::Stem russian("russian");
    auto catalog = shipped_catalog();
    catalog.add_places({talksearch::Place{"Ankara", "TR", 3517182, false, {"Анкара"}, true}});
    const auto cached = make_cached_stemmer(catalog);
    // Snowball leaves the Ukrainian form whole, and stems the Russian one as the name.
    REQUIRE(russian("анкарі") != russian("анкара"));
    CHECK(cached("анкарі") == cached("анкара"));
    CHECK(cached("анкаре") == cached("анкара"));
    // A word the dictionary knows stays its own ("війні", of the war).
    CHECK(cached("війні") == cached("війна"));
}
