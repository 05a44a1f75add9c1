#include "searchd/search/dictionary_preload.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using talksearch::search::holds_cyrillic_words;
using talksearch::search::preload_dictionary;
using talksearch::testing::TempDir;

TEST_CASE("an index holds words in Cyrillic when an article has some", "[dictionary_preload]") {
    TempDir dir;
    const auto english = dir.path() / "english";
    const auto cyrillic = dir.path() / "cyrillic";
    dir.write("in/english.txt", "Talks in Geneva\nThe delegations met again in Geneva.\n");
    dir.write("in-cyrillic/ukrainian.txt",
              "Переговори у Женеві\nДелегації зустрілися знову в Женеві.\n");
    talksearch::testing::index_into(english, {dir.path() / "in"});
    talksearch::testing::index_into(cyrillic, {dir.path() / "in-cyrillic"});
    CHECK_FALSE(holds_cyrillic_words(Xapian::Database(english.string())));
    CHECK(holds_cyrillic_words(Xapian::Database(cyrillic.string())));
    // The dictionary is read for the index with Cyrillic words only.
    CHECK_FALSE(preload_dictionary(english.string()));
    CHECK(preload_dictionary(cyrillic.string()));
}

TEST_CASE("preloading leaves an index that cannot be opened to the searches",
          "[dictionary_preload]") {
    TempDir dir;
    CHECK_FALSE(preload_dictionary((dir.path() / "missing").string()));
}
