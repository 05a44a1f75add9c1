#include "searchd/search/wildcard.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "tests/support/temp_index.h"

using namespace talksearch::search;
using talksearch::testing::TempDir;

TEST_CASE("mark_wildcards turns word* outside quotes into wildcard fields", "[wildcard]") {
    const auto [text, marked] = GENERATE(table<std::string, std::string>({
        {"negotiat*", "xwildcard:negotiat"},
        {"peace negotiat* talks", "peace xwildcard:negotiat talks"},
        {"title:talk*", "xtitlewildcard:talk"},
        {"-secur* (Odes* OR Kyiv)", "-xwildcard:secur (xwildcard:Odes OR Kyiv)"},
        {"+Одес*", "+xwildcard:Одес"},
        {"\"peace talk*\"", "\"peace talk*\""},           // inside a phrase
        {"\"peace\" talk*", "\"peace\" xwildcard:talk"},  // after one
        {"city:Odes*", "city:Odes*"},                     // another field
        {"talk*s", "talk*s"},                             // not at a word's end
        {"* talks", "* talks"},
        {"no wildcard", "no wildcard"},
    }));
    CAPTURE(text);
    CHECK(mark_wildcards(text) == marked);
}

TEST_CASE("count_wildcards counts the wildcard fields of marked text", "[wildcard]") {
    CHECK(count_wildcards(mark_wildcards("peace talks")) == 0);
    CHECK(count_wildcards(mark_wildcards("negotiat* title:talk* (Odes* OR Kyiv)")) == 3);
    CHECK(count_wildcards(mark_wildcards("\"peace talk*\" city:Odes*")) == 0);
    CHECK(count_wildcards("xwildcard:a xtitlewildcard:b fooxwildcard:c") == 2);
}

namespace {

std::set<std::string> expansion(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

}  // namespace

TEST_CASE("a wildcard expands through the words as written and the stems", "[wildcard]") {
    TempDir dir;
    const auto path = (dir.path() / "db").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        Xapian::Document doc;
        for (const auto* term : {"Znegoti", "Znegot", "Z2025", "Z2026", "ZStalk", "Ztalk"}) {
            doc.add_term(term);
        }
        db.add_document(doc);
        for (const auto* word : {"negotiations", "negotiate", "negotiating", "talks"}) {
            db.add_spelling(word);
        }
        db.commit();
    }
    const Xapian::Database db(path);
    const Xapian::Stem stem("english");
    const SpellingData spelling(db);
    WildcardProcessor text(spelling, db, stem, "Z");
    WildcardProcessor title(spelling, db, stem, "ZS");

    // negotiation's stem is shorter than the pattern: found through the word.
    CHECK(expansion(text("negotiat")) == std::set<std::string>{"Znegoti"});
    CHECK(expansion(text("Negot")) == std::set<std::string>{"Znegoti", "Znegot"});
    CHECK(expansion(text("202")) == std::set<std::string>{"Z2025", "Z2026"});
    CHECK(expansion(title("tal")) == std::set<std::string>{"ZStalk"});
    // Nothing starts with the pattern, or there is none: a query that matches nothing.
    for (const auto* pattern : {"zebra", ""}) {
        CAPTURE(pattern);
        Xapian::Enquire enquire(db);
        enquire.set_query(text(pattern));
        CHECK(enquire.get_mset(0, 10).empty());
    }
}
