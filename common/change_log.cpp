#include "common/change_log.h"

#include <algorithm>
#include <stdexcept>

#include "common/schema.h"

namespace talksearch::change_log {

std::string key(Xapian::rev revision) {
    return std::string(schema::kChangesKeyPrefix) + std::to_string(revision);
}

std::string encode(std::vector<Xapian::docid> docids) {
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    std::string encoded;
    Xapian::docid previous = 0;
    for (const auto docid : docids) {
        auto delta = docid - previous;
        previous = docid;
        while (delta >= 0x80) {
            encoded.push_back(static_cast<char>(0x80 | (delta & 0x7F)));
            delta >>= 7;
        }
        encoded.push_back(static_cast<char>(delta));
    }
    return encoded;
}

std::vector<Xapian::docid> decode(std::string_view encoded) {
    std::vector<Xapian::docid> docids;
    std::uint64_t docid = 0;
    std::uint64_t delta = 0;
    int shift = 0;
    for (const auto c : encoded) {
        const auto byte = static_cast<unsigned char>(c);
        if (shift > 28) throw std::invalid_argument("a change record holds too long a number");
        delta |= std::uint64_t{byte & 0x7Fu} << shift;
        if (byte & 0x80) {
            shift += 7;
            continue;
        }
        docid += delta;
        if (delta == 0 && !docids.empty()) {
            throw std::invalid_argument("a change record repeats a document");
        }
        if (docid == 0 || docid > 0xFFFFFFFFu) {
            throw std::invalid_argument("a change record names no valid document");
        }
        docids.push_back(static_cast<Xapian::docid>(docid));
        delta = 0;
        shift = 0;
    }
    if (shift != 0) throw std::invalid_argument("a change record ends inside a number");
    return docids;
}

void record_next_commit(Xapian::WritableDatabase& database,
                        const std::vector<Xapian::docid>& docids) {
    // Glass numbers every commit one after the one before.
    const auto next = database.get_revision() + 1;
    database.set_metadata(key(next), encode(docids));
    if (next > kKeptCommits) database.set_metadata(key(next - kKeptCommits), {});
}

std::optional<std::vector<Xapian::docid>> changed_between(const Xapian::Database& database,
                                                          Xapian::rev from, Xapian::rev to) {
    if (from > to || to - from > kKeptCommits) return std::nullopt;
    std::vector<Xapian::docid> changed;
    for (auto revision = from + 1; revision <= to; ++revision) {
        const auto record = database.get_metadata(key(revision));
        // An empty record is no record: a commit changes at least one document.
        if (record.empty()) return std::nullopt;
        const auto docids = decode(record);
        changed.insert(changed.end(), docids.begin(), docids.end());
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

}  // namespace talksearch::change_log
