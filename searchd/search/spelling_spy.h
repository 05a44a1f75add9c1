#pragma once
// Questions about a remote shard's spelling data (spelling_data.h), asked of its server, which
// Xapian's remote protocol has no message for: a query of SpellingSource alone, which matches
// nothing, with a SpellingSpy carrying the question. On the server (both unserialised there with
// the same ServedDatabase), Xapian initialises the source with the database it serves, and the
// spy answers from that database's spelling data when the results are asked for; the client
// adds up the answers of every server.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searchd/search/spelling_data.h"

namespace talksearch::search {

struct SpellingQuestion {
    enum class Kind { check, starting_with };
    Kind kind = Kind::check;
    std::vector<std::string> words;  // check: the words; starting_with: the prefix alone
    std::size_t limit = 0;           // starting_with
};

// Questions (and the words' bytes) one message may carry, at most: a query's words are far
// fewer, a completion's limit far smaller.
inline constexpr std::size_t kMaxQuestionWords = 1024;
inline constexpr std::size_t kMaxQuestionLimit = 100000;

// The database a server's connection serves, as its query's source was shown it.
struct ServedDatabase {
    std::optional<Xapian::Database> database;
};

// Matches nothing. On a server, shows the spy the database served; on the client, initialised
// over a local database, it refuses (Xapian::InvalidArgumentError).
class SpellingSource : public Xapian::PostingSource {
  public:
    explicit SpellingSource(std::shared_ptr<ServedDatabase> served = nullptr)
        : served_(std::move(served)) {}

    std::string name() const override { return "talksearch.SpellingSource"; }
    std::string serialise() const override { return {}; }
    SpellingSource* unserialise(const std::string& serialised) const override;
    SpellingSource* clone() const override { return new SpellingSource(served_); }
    std::string get_description() const override { return "SpellingSource()"; }

    void init(const Xapian::Database& database) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return 0; }
    Xapian::doccount get_termfreq_max() const override { return 0; }
    void next(double) override {}
    bool at_end() const override { return true; }
    Xapian::docid get_docid() const override { return 0; }

  private:
    std::shared_ptr<ServedDatabase> served_;
};

class SpellingSpy : public Xapian::MatchSpy {
  public:
    // On the client, without a served database: sent to the servers, whose answers it adds up.
    explicit SpellingSpy(SpellingQuestion question,
                         std::shared_ptr<ServedDatabase> served = nullptr);

    std::string name() const override { return "talksearch.SpellingSpy"; }
    std::string serialise() const override;
    SpellingSpy* unserialise(const std::string& serialised,
                             const Xapian::Registry& context) const override;
    SpellingSpy* clone() const override { return new SpellingSpy(question_, served_); }
    void operator()(const Xapian::Document&, double) override {}  // shown no match
    // The answers of the database served (none, before a source showed it).
    std::string serialise_results() const override;
    // Adds a server's answers. Throws Xapian::SerialisationError if they are malformed.
    void merge_results(const std::string& serialised) override;
    std::string get_description() const override;

    // The answers added up: a check per word asked (check), or the words (starting_with).
    const std::vector<WordCheck>& checks() const { return checks_; }
    const std::vector<WordCount>& words() const { return words_; }

  private:
    SpellingQuestion question_;
    std::shared_ptr<ServedDatabase> served_;
    std::vector<WordCheck> checks_;
    std::vector<WordCount> words_;
};

}  // namespace talksearch::search
