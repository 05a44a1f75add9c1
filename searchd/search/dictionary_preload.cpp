#include "searchd/search/dictionary_preload.h"

#include <array>

#include "common/schema.h"
#include "common/shard_stub.h"
#include "common/ukrainian_lemmas.h"

namespace talksearch::search {

bool holds_cyrillic_words(const Xapian::Database& database) {
    // The Cyrillic block, U+0400 to U+04FF, begins with these bytes in UTF-8.
    for (const char lead : std::array{'\xD0', '\xD1', '\xD2', '\xD3'}) {
        const auto prefix = std::string(schema::kStemPrefix) + lead;
        if (database.allterms_begin(prefix) != database.allterms_end(prefix)) return true;
    }
    return false;
}

bool preload_dictionary(const std::string& path) noexcept {
    try {
        // Not over remote shards: one that does not answer would hold the thread, and a
        // stopping server with it, for its whole connection timeout.
        if (const auto stub = shard_stub::find(path)) {
            for (const auto& shard : shard_stub::read(*stub)) {
                if (shard.kind != shard_stub::Shard::Kind::local) return false;
            }
        }
        if (!holds_cyrillic_words(Xapian::Database(path))) return false;
        ukrainian_lemma("мир");
        return true;
    } catch (...) {
        // Met again, and reported, by the searches that need the index or the dictionary.
        return false;
    }
}

}  // namespace talksearch::search
