#pragma once
// What a shard server (shardd) registers with Xapian, so that its connections run the project's
// classes that searchd sends: the facet counting's (shard_server_counting.h), over the columns
// of the database served, and the spelling questions' (spelling_spy.h).

#include <memory>

#include <xapian.h>

#include "searchd/search/shard_columns.h"

namespace talksearch::search {

Xapian::Registry shard_server_registry(std::shared_ptr<ShardColumns> columns);

// Runs `enquire`'s match, asking for no document, where its query and spies name the classes
// above: false when a server does not know them (Xapian's stock xapian-tcpsrv) or they refuse
// to run outside one (a local database among the shards). Other errors (a shard down) pass
// through.
bool run_on_shard_servers(Xapian::Enquire& enquire);

}  // namespace talksearch::search
