#pragma once
// The words the index holds as written, each with the number of articles it occurs in: Xapian's
// spelling data, which the indexer writes into one database (the first shard of a sharded index).
// Wildcards, "did you mean" and search-as-you-type look words up in it. Xapian reads it from
// local databases; its remote protocol has no message for it, so a remote shard's is asked of the
// shard's server (shardd, spelling_spy.h): a question is a match of its own, every server asked
// at once (two messages each way). A server that does not know the question (Xapian's stock
// xapian-tcpsrv) is taken to hold no words.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

class SpellingSpy;

struct WordCount {
    std::string word;
    Xapian::doccount articles = 0;
    bool operator==(const WordCount&) const = default;
};

// What the spelling data says of a word: whether the index holds it; if not, the likeliest word
// it holds within two edits (none: empty), and the articles that one occurs in.
struct WordCheck {
    bool known = false;
    std::string suggestion;
    Xapian::doccount suggestion_articles = 0;
    bool operator==(const WordCheck&) const = default;
};

// Answered from the spelling data of `database` (of one or several local databases):
std::vector<WordCheck> check_words(const Xapian::Database& database,
                                   const std::vector<std::string>& words);
// The `limit` words that start with `prefix` and occur in the most articles, most first (ties by
// word). Walks every word with the prefix.
std::vector<WordCount> words_starting_with(const Xapian::Database& database,
                                           std::string_view prefix, std::size_t limit);

// Answers of several databases' spelling data together: a word is held if any holds it, a word's
// articles are added up, and of different suggestions the one in most articles is kept. The
// same as Xapian's combination when one database holds the words (the indexer writes them into
// the first shard); for databases indexed apart, each answers with its own best (its most
// frequent words, its likeliest suggestion), which the combination of the whole might not.
void add_checks(std::vector<WordCheck>& into, const std::vector<WordCheck>& more);
void add_words(std::vector<WordCount>& into, const std::vector<WordCount>& more, std::size_t limit);

class SpellingData {
  public:
    // `local`: databases Xapian reads the spelling data of itself (the synonym database may be
    // among them: it holds none); `remote`: remote shards, whose servers are asked.
    explicit SpellingData(Xapian::Database local = {},
                          std::optional<Xapian::Database> remote = std::nullopt)
        : local_(std::move(local)), remote_(std::move(remote)) {}

    // Per word, in order. Errors reaching a remote shard pass through (Xapian::NetworkError).
    std::vector<WordCheck> check(const std::vector<std::string>& words) const;
    // words_starting_with() of the index.
    std::vector<WordCount> starting_with(std::string_view prefix, std::size_t limit) const;

  private:
    // Runs `spy`'s question on the remote shards' servers; false if they do not know it.
    bool ask_servers(SpellingSpy& spy) const;

    Xapian::Database local_;
    std::optional<Xapian::Database> remote_;
    // Cleared when the remote shards' servers refuse the question: not asked again.
    mutable bool servers_answer_ = true;
};

}  // namespace talksearch::search
