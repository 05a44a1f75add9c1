#include "searchd/search/entity_names.h"

#include <catch2/catch.hpp>

#include "common/schema.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;

namespace {

std::string field_of(const std::string& name) {
    const auto& catalog = talksearch::testing::shipped_catalog();
    const auto* entity = catalog.find(name);
    REQUIRE(entity);
    return "xname:" + std::to_string(entity - catalog.entities().data());
}

}  // namespace

TEST_CASE("names of several words are marked on their own or quoted whole", "[entity_names]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    const auto rih = field_of("Kryvyi Rih");
    CHECK(mark_entity_names(catalog, "Krivoy Rog strike") ==
          "((Krivoy Rog) OR " + rih + ") strike");
    CHECK(mark_entity_names(catalog, "\"Krivoy Rog\" strike") ==
          "(\"Krivoy Rog\" OR " + rih + ") strike");
    CHECK(mark_entity_names(catalog, "(Krivoy Rog OR Odesa)") ==
          "(((Krivoy Rog) OR " + rih + ") OR Odesa)");
    // A sign before a quoted name signs the entity, all its spellings.
    CHECK(mark_entity_names(catalog, "strike -\"Krivoy Rog\"") == "strike -\"Krivoy Rog\" -" + rih);
    CHECK(mark_entity_names(catalog, "+\"Krivoy Rog\" strike") == "+" + rih + " strike");
    // In the title, its spellings there.
    CHECK(mark_entity_names(catalog, "title:\"Krivoy Rog\" strike") ==
          "(title:\"Krivoy Rog\" OR xtitlename:" + rih.substr(6) + ") strike");
    CHECK(mark_entity_names(catalog, "-title:\"Krivoy Rog\" strike") ==
          "-title:\"Krivoy Rog\" -xtitlename:" + rih.substr(6) + " strike");
    // The longest name wins.
    CHECK(mark_entity_names(catalog, "St. Petersburg talks") ==
          "((St. Petersburg) OR " + field_of("Saint Petersburg") + ") talks");
}

TEST_CASE(
    "names are left alone after a sign unquoted or a field, in longer quotes, beside operators",
    "[entity_names]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    for (const auto* text :
         {"-Krivoy Rog", "city:\"Kryvyi Rih\"", "subtitle:\"Krivoy Rog\"", "\"Krivoy Rog strike\"",
          "Krivoy NEAR Rog", "Krivoy Rog NEAR/3 strike", "strike ADJ Krivoy Rog", "Krivoy OR Rog",
          "Krivoy Rog*", "peace talks", "Слов'янськ"}) {
        CAPTURE(text);
        CHECK(mark_entity_names(catalog, text) == text);
    }
}

TEST_CASE("a name's query is told from a user's", "[entity_names]") {
    const auto& catalog = talksearch::testing::shipped_catalog();
    EntityNameProcessor anywhere(catalog, Xapian::Stem("english"), NameScope::anywhere);
    EntityNameProcessor title(catalog, Xapian::Stem("english"), NameScope::title);
    const auto rih = field_of("Kryvyi Rih").substr(6);
    CHECK(is_entity_name_query(anywhere(rih)));
    CHECK_FALSE(is_entity_name_query(title(rih)));
    // What a user's "+talks Geneva" and "talks city:Geneva" become.
    CHECK_FALSE(is_entity_name_query(Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, Xapian::Query("Ztalk"), Xapian::Query("Zgeneva"))));
    CHECK_FALSE(is_entity_name_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("Ztalk"),
                      Xapian::Query(schema::facet_term(schema::Facet::city, "geneva")))));
}
