#include "indexer/incremental_update.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "indexer/readers.h"
#include "indexer/run_stop.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

bool is_jsonl(const SourceFile& file) {
    const auto kind = file_kind(file.path);
    return kind && kind->format == Format::jsonl;
}

// A file with articles refused an id that another file held when it was read.
struct Refused {
    const SourceFile* file;
    std::vector<std::string> ids;
};

// `again` when this run has read the file before.
void update_file(const SourceFile& file, ArticleSink& sink, SourceReader& reader,
                 const SinkContext& context, bool again = false) {
    std::set<std::string> ids;
    const auto index = [&](ParsedArticle parsed) {
        stop_if_asked(context.options);
        sink.index(std::move(parsed), file);
    };
    const bool complete =
        again ? reader.read_again(file, ids, index) : reader.read(file, ids, index);
    // Lines removed from a JSON Lines file remove their articles, but only when every line
    // was understood: a line that could not be read keeps its old article.
    if (complete && is_jsonl(file)) {
        context.reporter.removed(sink.writer().remove_stale(file_key(file), ids));
    }
}

// Writes the files of one input; returns the keys of the files it found, for --prune.
std::set<std::string> update_input(const SourceInput& input, ArticleSink& sink,
                                   SourceReader& reader, const SinkContext& context,
                                   std::vector<Refused>& refused) {
    std::set<std::string> present;
    for (const auto& file : input.files) {
        present.insert(file_key(file));
        update_file(file, sink, reader, context);
        if (auto ids = sink.take_refused_ids(); !ids.empty()) {
            refused.push_back({&file, std::move(ids)});
        }
    }
    return present;
}

}  // namespace

void update_in_place(const SinkContext& context, SourceReader& reader,
                     const std::vector<SourceInput>& inputs) {
    ArticleSink sink(context, context.options.database, WriterMode::update);
    try {
        std::vector<Refused> refused;
        for (const auto& input : inputs) {
            const auto present = update_input(input, sink, reader, context, refused);
            // Only a folder is pruned: a file given by itself says nothing of its neighbours; and
            // only one read whole, as the files of a folder not read are not known to be gone.
            if (context.options.prune && fs::is_directory(input.path)) {
                if (input.unread_folders.empty()) {
                    context.reporter.removed(sink.writer().prune(input.path, present));
                } else {
                    context.reporter.note(
                        input.path, 0,
                        fmt::format("not pruned: {} folder(s) below it could not be read",
                                    input.unread_folders.size()));
                }
            }
        }
        // A file refused an id that a file read after it, or pruned, then let go takes it now
        // (a feed renamed, or copied and emptied, since the last run), not at the next run.
        bool released = false;
        for (const auto& [file, ids] : refused) {
            if (sink.writer().holds_all(ids)) continue;
            if (!std::exchange(released, true)) context.reporter.release_ids();
            update_file(*file, sink, reader, context, true);
        }
    } catch (const RunStopped&) {
        context.reporter.set_stopped();
    }
    sink.writer().commit();
    context.reporter.set_documents(sink.writer().document_count());
}

}  // namespace talksearch::indexer
