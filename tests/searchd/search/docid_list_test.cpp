// A list of document ids matches those documents, over one database and over a stub of several,
// whose ids Xapian numbers together.
#include "searchd/search/docid_list.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::search;
using talksearch::testing::TempDir;
using Ids = std::vector<Xapian::docid>;

namespace {

Xapian::Database database_of(const std::filesystem::path& path, Xapian::doccount documents) {
    Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
    for (Xapian::doccount i = 0; i < documents; ++i) {
        Xapian::Document document;
        document.add_term("all");
        database.add_document(document);
    }
    database.commit();
    return Xapian::Database(path.string());
}

Ids matched(const Xapian::Database& database, const DocidList& list) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"),
                                    Xapian::Query(list.clone()->release())));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Ids ids;
    const auto mset = enquire.get_mset(0, database.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
}

}  // namespace

TEST_CASE("a list of document ids matches those documents, in one database or several",
          "[docid_list]") {
    TempDir dir;
    const auto single = database_of(dir.path() / "single", 10);
    REQUIRE(part_uuids(single) == std::vector<std::string>());
    CHECK(matched(single, DocidList({2, 3, 9})) == Ids{2, 3, 9});

    // Three databases of 10, 4 and 7 documents: document d of database p is 3 (d - 1) + p + 1.
    const auto first = database_of(dir.path() / "first", 10);
    const auto second = database_of(dir.path() / "second", 4);
    const auto third = database_of(dir.path() / "third", 7);
    Xapian::Database stub(first);
    stub.add_database(second);
    stub.add_database(third);
    const auto uuids = part_uuids(stub);
    REQUIRE(uuids == std::vector{first.get_uuid(), second.get_uuid(), third.get_uuid()});
    const Ids wanted{1, 2, 6, 12, 13, 21, 28};
    CHECK(matched(stub, DocidList(wanted, *uuids)) == wanted);
    CHECK(matched(stub, DocidList({}, *uuids)).empty());
    // Without the parts, each database would take the stub's ids for its own.
    CHECK(matched(stub, DocidList(wanted)) != wanted);

    // The same database twice cannot be told apart by its UUID.
    Xapian::Database twice(first);
    twice.add_database(first);
    CHECK_FALSE(part_uuids(twice));
}
