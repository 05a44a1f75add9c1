#pragma once
// What a shard server (shardd) registers with Xapian, so that its connections run the project's
// classes that searchd sends: the facet counting's (shard_server_counting.h), over the columns
// of the database served, and the spelling questions' (spelling_spy.h).

#include <memory>

#include <xapian.h>

#include "searchd/search/shard_columns.h"

namespace talksearch::search {

Xapian::Registry shard_server_registry(std::shared_ptr<ShardColumns> columns);

}  // namespace talksearch::search
