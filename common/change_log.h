#pragma once
// The documents each commit changed (added, replaced or removed), recorded in the database's
// metadata by the commit itself: a reader that keeps something per document (searchd's facet
// columns) follows a commit by rereading those documents instead of all of them. Only the last
// kKeptCommits records are kept; a reader further behind, or a database written by something
// that does not record its changes, reads everything again.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace talksearch::change_log {

inline constexpr Xapian::rev kKeptCommits = 256;

std::string key(Xapian::rev revision);

// Document ids as sorted deltas in variable-length bytes: a batch of a thousand articles
// appended at the end takes about a thousand bytes.
std::string encode(std::vector<Xapian::docid> docids);
// Throws std::invalid_argument on bytes that encode() did not write.
std::vector<Xapian::docid> decode(std::string_view encoded);

// Records that the next commit of `database` changes `docids`, and drops the record that falls
// out of the kept ones. Call it just before commit(), so the record is part of the commit.
void record_next_commit(Xapian::WritableDatabase& database,
                        const std::vector<Xapian::docid>& docids);

// The documents changed by the commits after revision `from` up to `to` of `database` (a
// single database at revision `to`), sorted and distinct; none when a record is missing.
std::optional<std::vector<Xapian::docid>> changed_between(const Xapian::Database& database,
                                                          Xapian::rev from, Xapian::rev to);

}  // namespace talksearch::change_log
