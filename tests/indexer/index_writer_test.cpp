#include "indexer/index_writer.h"

#include <set>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "common/change_log.h"
#include "common/schema.h"
#include "indexer/cleaner.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "indexer/shard_layout.h"
#include "tests/support/prose.h"
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
    // The document is stored as the builder made it, provenance included, with its story.
    const auto docid = *database.postlist_begin(schema::id_term("a1"));
    const auto stored = database.get_document(docid);
    const auto built = articles.build("a1", "a1.txt", "Delegations met in Istanbul.");
    auto built_terms =
        std::set<std::string>(built.document.termlist_begin(), built.document.termlist_end());
    built_terms.insert(schema::story_term(stored.get_value(schema::kSlotStory)));
    CHECK(std::set<std::string>(stored.termlist_begin(), stored.termlist_end()) == built_terms);
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

TEST_CASE("every commit of an update records the documents it changed", "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    const auto docid_of = [&](const std::string& id) {
        const Xapian::Database database(db.string());
        return *database.postlist_begin(schema::id_term(id));
    };
    Xapian::rev start = 0;
    Xapian::docid a2 = 0;
    {
        indexer::IndexWriter writer(db, 100);
        writer.put(articles.build("a1", "a1.txt"));
        writer.put(articles.build("a2", "a2.txt"));
        writer.commit();
        start = Xapian::Database(db.string()).get_revision();
        a2 = docid_of("a2");
        writer.put(articles.build("a1", "a1.txt", "Delegations met in Istanbul."));  // replaced
        writer.put(articles.build("a3", "a3.txt"));
        writer.commit();
        CHECK(writer.remove_stale("root/a2.txt", {}) == 1);
        writer.put(articles.build("a3", "a3.txt"));  // unchanged: not a change
    }  // the last batch is committed, and recorded, as the writer closes
    const Xapian::Database database(db.string());
    const auto a1 = docid_of("a1");
    const auto a3 = docid_of("a3");
    CHECK(change_log::changed_between(database, start, start + 1) ==
          std::vector<Xapian::docid>{a1, a3});
    CHECK(change_log::changed_between(database, start + 1, start + 2) ==
          std::vector<Xapian::docid>{a2});  // removed
    CHECK(database.get_revision() == start + 2);
}

TEST_CASE("a writer takes the stories a writer before it kept, when they describe the database",
          "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    const std::string text =
        "Delegations from both sides met in Geneva for a second round of "
        "talks on a ceasefire and an exchange of prisoners of war.";
    const auto story_of = [&](const std::string& id) {
        const Xapian::Database database(db.string());
        return database.get_document(*database.postlist_begin(schema::id_term(id)))
            .get_value(schema::kSlotStory);
    };
    indexer::KeptStories kept;
    {
        indexer::IndexWriter writer(db, 10, indexer::WriterMode::update, nullptr, nullptr, &kept);
        writer.put(articles.build("a1", "a1.txt", text));
    }
    REQUIRE(kept.index);
    const auto* first_index = kept.index.get();
    CHECK(kept.revisions == std::vector{Xapian::Database(db.string()).get_revision()});
    CHECK(kept.index->held() == 1);
    {
        indexer::IndexWriter writer(db, 10, indexer::WriterMode::update, nullptr, nullptr, &kept);
        CHECK(kept.index.get() == first_index);  // taken as kept
        writer.put(articles.build("a2", "a2.txt", text));
        CHECK_FALSE(kept.revisions);  // changing, until the commit
    }
    CHECK(story_of("a2") == story_of("a1"));
    CHECK(kept.index->held() == 2);
    {
        indexer::IndexWriter other(db, 10);  // a writer that keeps nothing
        other.put(articles.build("a3", "a3.txt", text));
    }
    indexer::IndexWriter writer(db, 10, indexer::WriterMode::update, nullptr, nullptr, &kept);
    CHECK(kept.index->held() == 3);  // read again: the database had moved on
    CHECK(kept.revisions == std::vector{Xapian::Database(db.string()).get_revision()});
}

TEST_CASE("a fresh shard appends and counts its spelling words", "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    indexer::WordFrequencies words;
    {
        indexer::IndexWriter writer(db, 100, indexer::WriterMode::fresh_part, &words);
        CHECK(writer.put(articles.build("s1", "s1.txt")) == indexer::PutOutcome::added);
        CHECK(writer.put(articles.build("s2", "s2.txt")) == indexer::PutOutcome::added);
        writer.commit();
    }
    CHECK(words["geneva"] == 2);
    CHECK_FALSE(words.contains("in"));  // too short for a suggestion
    CHECK(ids(db) == std::set<std::string>{"s1", "s2"});
    CHECK(Xapian::Database(db.string()).term_exists(schema::file_term("root/s1.txt")));
}

namespace {

const std::string kReport =
    "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct "
    "talks and agreed to exchange prisoners of war. The talks lasted a little over an hour. "
    "Ukraine's delegation was led by Defence Minister Rustem Umerov, Russia's by presidential "
    "aide Vladimir Medinsky, who said Moscow was satisfied with the result.";

std::string story_of(const std::filesystem::path& db, const std::string& id) {
    const Xapian::Database database(db.string());
    const auto postings = database.postlist_begin(schema::id_term(id));
    REQUIRE(postings != database.postlist_end(schema::id_term(id)));
    const auto story = database.get_document(*postings).get_value(schema::kSlotStory);
    CHECK(database.term_exists(schema::story_term(story)));
    return story;
}

}  // namespace

TEST_CASE("copies share a story across runs, and keep it when the first copy goes",
          "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    {
        indexer::IndexWriter writer(db, 100);
        writer.put(articles.build("first", "lines.jsonl", kReport));
        writer.put(articles.build("other", "other.txt", "A drone attack on Odesa overnight."));
        writer.commit();
    }
    const auto story = story_of(db, "first");
    CHECK(story_of(db, "other") != story);
    {
        indexer::IndexWriter writer(db, 100);  // a later run: the stories are read back
        writer.put(articles.build("wire", "lines.jsonl", "ISTANBUL (AP) " + kReport));
        writer.commit();
    }
    CHECK(story_of(db, "wire") == story);
    {
        indexer::IndexWriter writer(db, 100);
        CHECK(writer.remove_stale("root/lines.jsonl", {"wire"}) == 1);
        writer.put(articles.build("late", "late.txt", kReport + " Talks may resume in June."));
        writer.commit();
    }
    CHECK(story_of(db, "wire") == story);
    CHECK(story_of(db, "late") == story);
}

TEST_CASE("an article that moves to another story's shard leaves its old one first",
          "[index_writer]") {
    TempDir dir;
    const auto index = dir.path() / "index";
    indexer::create_empty_shards(index, 2);
    Articles articles;
    indexer::IndexWriter writer(index, 100);
    writer.put(articles.build("a", "a.txt", kReport));
    // Articles of stories of their own, until one is in another shard than a's story.
    const auto shard_of_story = [&](const std::string& id) {
        return indexer::shard_of(story_of(index, id), 2);
    };
    int moved = 0;
    for (int i = 0; i < 8 && moved == 0; ++i) {
        const auto id = "x" + std::to_string(i);
        writer.put(articles.build(id, id + ".txt",
                                  talksearch::testing::prose(static_cast<unsigned>(200 + i), 40)));
        writer.commit();
        if (shard_of_story(id) == shard_of_story("a")) continue;
        // It comes back a copy of a's report: once put, it is already gone from its old shard,
        // and in its new one at the next commit; never in both.
        writer.put(articles.build(id, id + ".txt", "(Reuters) " + kReport));
        Xapian::Database reader(index.string());
        CHECK(reader.get_termfreq(schema::id_term(id)) == 0);
        writer.commit();
        reader.reopen();
        CHECK(reader.get_termfreq(schema::id_term(id)) == 1);
        CHECK(story_of(index, id) == story_of(index, "a"));
        ++moved;
    }
    CHECK(moved == 1);
}

TEST_CASE("an article that comes back changed is given its story afresh", "[index_writer]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    Articles articles;
    indexer::IndexWriter writer(db, 100);
    writer.put(articles.build("a", "a.txt", kReport));
    writer.put(articles.build("b", "b.txt", "A drone attack on Odesa damaged grain silos."));
    writer.commit();
    CHECK(story_of(db, "b") != story_of(db, "a"));
    // b becomes a copy of a, and a changes beyond recognition: b joins a's story, a founds one.
    writer.put(articles.build("b", "b.txt", kReport + " (Reuters)"));
    writer.commit();
    const auto story = story_of(db, "a");
    CHECK(story_of(db, "b") == story);
    writer.put(articles.build("a", "a.txt", "Air raid sirens sounded across Kyiv at night."));
    writer.commit();
    CHECK(story_of(db, "a") != story);
    CHECK(story_of(db, "b") == story);
}
