#include "indexer/index_writer.h"

#include <set>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "indexer/cleaner.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "tests/support/temp_index.h"

using namespace talksearch;
using talksearch::testing::TempDir;

namespace {

// Builds articles as the indexer does, from the folder "root".
class Articles {
  public:
    Articles()
        : matcher_(talksearch::testing::shipped_catalog()),
          builder_(talksearch::testing::shipped_catalog(), matcher_) {}

    indexer::BuiltArticle build(const std::string& id, const std::string& file,
                                const std::string& text = "Delegations met in Geneva again.") {
        return builder_.build(parsed(id, file, text), indexer::clean(parsed(id, file, text)),
                              {"root", "root/" + file});
    }
    indexer::BuiltArticle build_without_provenance(const std::string& id) {
        const auto article = parsed(id, id + ".txt", "Delegations met in Geneva again.");
        return builder_.build(article, indexer::clean(article));
    }

  private:
    static indexer::ParsedArticle parsed(const std::string& id, const std::string& file,
                                         const std::string& text) {
        indexer::ParsedArticle article;
        article.id = id;
        article.file = file;
        article.blocks = {"Talks in Geneva", text};
        return article;
    }

    indexer::EntityMatcher matcher_;
    indexer::DocumentBuilder builder_;
};

std::set<std::string> ids(const std::filesystem::path& db) {
    const Xapian::Database database(db.string());
    std::set<std::string> out;
    const auto prefix = std::string(schema::kIdPrefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        out.insert((*it).substr(prefix.size()));
    }
    return out;
}

}  // namespace

TEST_CASE("the writer stores documents as built: added, unchanged, updated, another file's id",
          "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    {
        indexer::IndexWriter writer(db, 10);
        CHECK(writer.put(articles.build("a1", "a1.txt")) == indexer::PutOutcome::added);
        CHECK(writer.put(articles.build("a2", "a2.txt")) == indexer::PutOutcome::added);
        writer.commit();
        CHECK(writer.put(articles.build("a1", "a1.txt")) == indexer::PutOutcome::unchanged);
        CHECK(writer.put(articles.build("a1", "a1.txt", "Delegations met in Istanbul.")) ==
              indexer::PutOutcome::updated);
        std::string owner;
        CHECK(writer.put(articles.build("a1", "other.txt"), &owner) ==
              indexer::PutOutcome::duplicate_id);
        CHECK(owner == "a1.txt");
        CHECK(writer.document_count() == 2);
    }
    const Xapian::Database database(db.string());
    CHECK(ids(db) == std::set<std::string>{"a1", "a2"});
    // The document is stored as the builder made it, provenance included.
    const auto docid = *database.postlist_begin(schema::id_term("a1"));
    const auto stored = database.get_document(docid);
    const auto built = articles.build("a1", "a1.txt", "Delegations met in Istanbul.");
    CHECK(std::set<std::string>(stored.termlist_begin(), stored.termlist_end()) ==
          std::set<std::string>(built.document.termlist_begin(), built.document.termlist_end()));
    CHECK(database.term_exists(schema::root_term("root")));
    CHECK(database.term_exists(schema::file_term("root/a1.txt")));
}

TEST_CASE("the writer refuses what it cannot store, and writes nothing of it", "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    indexer::IndexWriter writer(db, 1);
    CHECK_THROWS_AS(writer.put(articles.build_without_provenance("a1")), std::invalid_argument);
    CHECK_THROWS_AS(writer.put(articles.build(std::string(300, 'x'), "long.txt")),
                    indexer::RejectedArticle);
    CHECK(writer.put(articles.build("a2", "a2.txt")) == indexer::PutOutcome::added);
    CHECK(ids(db) == std::set<std::string>{"a2"});
}

TEST_CASE("the writer removes stale lines of a file and vanished files of a folder",
          "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    indexer::IndexWriter writer(db, 100);
    writer.put(articles.build("l1", "lines.jsonl"));
    writer.put(articles.build("l2", "lines.jsonl"));
    writer.put(articles.build("f1", "f1.txt"));
    writer.put(articles.build("f2", "f2.txt"));
    writer.commit();
    CHECK(writer.remove_stale("root/lines.jsonl", {"l1"}) == 1);
    CHECK(writer.prune("root", {"root/lines.jsonl", "root/f1.txt"}) == 1);
    CHECK(writer.prune("elsewhere", {}) == 0);
    writer.commit();
    CHECK(ids(db) == std::set<std::string>{"l1", "f1"});
}

TEST_CASE("a fresh shard appends and counts its spelling words", "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    indexer::WordFrequencies words;
    {
        indexer::IndexWriter writer(db, 100, indexer::WriterMode::fresh_shard, &words);
        CHECK(writer.put(articles.build("s1", "s1.txt")) == indexer::PutOutcome::added);
        CHECK(writer.put(articles.build("s2", "s2.txt")) == indexer::PutOutcome::added);
        writer.commit();
    }
    CHECK(words["geneva"] == 2);
    CHECK_FALSE(words.contains("in"));  // too short for a suggestion
    CHECK(ids(db) == std::set<std::string>{"s1", "s2"});
    CHECK(Xapian::Database(db.string()).term_exists(schema::file_term("root/s1.txt")));
}
