#include "searchd/search/shard_server_registry.h"

#include "searchd/search/shard_counting_spy.h"
#include "searchd/search/spelling_spy.h"

namespace talksearch::search {

Xapian::Registry shard_server_registry(std::shared_ptr<ShardColumns> columns) {
    Xapian::Registry registry;
    registry.register_posting_source(ShardColumnsSource(columns));
    registry.register_match_spy(ShardCountingSpy({}, std::move(columns)));
    // A connection serves one query at a time: its spelling source and spy share one holder.
    const auto served = std::make_shared<ServedDatabase>();
    registry.register_posting_source(SpellingSource(served));
    registry.register_match_spy(SpellingSpy({}, served));
    return registry;
}

bool run_on_shard_servers(Xapian::Enquire& enquire) {
    try {
        enquire.get_mset(0, 0);
        return true;
    } catch (const Xapian::SerialisationError&) {
        return false;  // "PostingSource ... not registered"
    } catch (const Xapian::InvalidArgumentError&) {
        return false;  // "Match spy ... not registered", or run over a local database
    }
}

}  // namespace talksearch::search
