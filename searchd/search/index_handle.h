#pragma once
// The lifetime of one open index: the database (a folder, or a stub of shards), the catalogue's
// synonym database beside it, moving to the indexer's newest commit, and opening again after a
// remote shard failed. Used by one thread at a time, like every Xapian object.

#include <chrono>
#include <optional>
#include <string>

#include <xapian.h>

#include "searchd/search/search_response.h"

namespace talksearch::search {

class IndexHandle {
  public:
    // Throws SearchError(unavailable) when either database cannot be opened.
    IndexHandle(std::string path, const std::string& synonyms);

    const Xapian::Database& database() const { return database_; }
    // The index together with the synonym database: what the query parser looks words up in.
    const Xapian::Database& vocabulary() const { return vocabulary_; }
    // A stub naming remote shards, whose servers run only Xapian's built-in match spies.
    bool remote_shards() const { return remote_shards_; }
    // The revision of a single local database; none for a stub of several or remote shards.
    std::optional<Xapian::rev> revision() const;

    // Moves to the newest commit, cheaply when there is none; true when the index changed.
    bool refresh();
    // Opens the index again, after a remote shard stopped answering.
    void reconnect();
    Health health() const;

  private:
    std::string path_;
    Xapian::Database database_;
    Xapian::Database synonyms_;
    Xapian::Database vocabulary_;
    bool remote_shards_;
    std::chrono::system_clock::time_point last_reopen_;
};

}  // namespace talksearch::search
