#include "searchd/search/ranking.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "common/schema.h"
#include "searchd/search/docid_range.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using namespace talksearch::search;
using talksearch::testing::TempDir;

namespace {

// Many articles with equal weights and equal dates, so that the tie-breaks decide the order.
std::filesystem::path many_articles(const TempDir& dir) {
    std::string lines;
    for (int i = 0; i < 60; ++i) {
        const auto date =
            i % 3 == 0 ? std::string() : fmt::format(R"(, "date": "2025-0{}-10")", 1 + i % 4);
        lines += fmt::format(
            R"({{"id": "a{:02}", "title": "Report {}", "body": "Talks on a ceasefire went on {}."{}}})",
            i, i, i % 5 == 0 ? "again and again" : "again", date);
        lines += '\n';
    }
    return dir.write("in/articles.jsonl", lines);
}

std::vector<Xapian::docid> ids_of(const std::vector<RankedMatch>& ranked) {
    std::vector<Xapian::docid> ids;
    for (const auto& item : ranked) ids.push_back(*item.match);
    return ids;
}

Xapian::MSet ranked_page(const Xapian::Database& database, const Xapian::Query& query,
                         SortOrder sort,
                         std::optional<std::pair<Xapian::docid, Xapian::docid>> ids) {
    Xapian::Enquire enquire(database);
    auto filtered = query;
    if (ids) {
        filtered =
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query((new DocidRange(ids->first, ids->second))->release()));
    }
    enquire.set_query(filtered);
    set_ranking(enquire, sort, true);
    return enquire.get_mset(0, 100);
}

}  // namespace

TEST_CASE("pages ranked over halves of the ids merge into the order of one pass", "[ranking]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    talksearch::testing::index_into(db, {many_articles(dir)});
    const Xapian::Database database(db.string());
    const auto last = database.get_lastdocid();
    REQUIRE(last == 60);
    const Xapian::Query query("Z" + Xapian::Stem("english")("ceasefire"));
    for (const auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
        INFO("sort " << to_string(sort));
        const auto whole = ranked_page(database, query, sort, std::nullopt);
        const auto low = ranked_page(database, query, sort, std::pair(Xapian::docid{1}, last / 2));
        const auto high = ranked_page(database, query, sort, std::pair(last / 2 + 1, last));
        CHECK(low.size() + high.size() == whole.size());
        CHECK(ids_of(merge_ranked({&low, &high}, sort)) == ids_of(merge_ranked({&whole}, sort)));
        // merge_ranked keeps a single page in Xapian's own order.
        std::vector<Xapian::docid> xapian_order;
        for (auto it = whole.begin(); it != whole.end(); ++it) xapian_order.push_back(*it);
        CHECK(ids_of(merge_ranked({&whole}, sort)) == xapian_order);
    }
}

TEST_CASE("a docid range matches exactly the ids inside it", "[ranking]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    talksearch::testing::index_into(db, {many_articles(dir)});
    const Xapian::Database database(db.string());
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query((new DocidRange(7, 19))->release()));
    const auto mset = enquire.get_mset(0, 100);
    REQUIRE(mset.size() == 13);
    CHECK(*mset.begin() == 7);
    CHECK(mset.get_matches_estimated() == 13);
}
