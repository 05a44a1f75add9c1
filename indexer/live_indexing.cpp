#include "indexer/live_indexing.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "indexer/article_sink.h"
#include "indexer/entity_matcher.h"
#include "indexer/file_watcher.h"
#include "indexer/jsonl_progress.h"
#include "indexer/readers.h"
#include "indexer/run_reporter.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// How often the loop looks at `stop` while nothing changes.
constexpr std::chrono::milliseconds kStopCheck{250};

// What a file looked like when it was last read: a rescan reads it again when this changed.
struct Stamp {
    std::uintmax_t bytes = 0;
    fs::file_time_type written{};
    bool operator==(const Stamp&) const = default;
};

std::optional<Stamp> stamp_of(const fs::path& path) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::is_regular_file(status)) return std::nullopt;
    Stamp stamp{fs::file_size(path, error), fs::last_write_time(path, error)};
    if (error) return std::nullopt;
    return stamp;
}

// Whether the file (or `folder`) at `relative` below an input folder is one a run leaves out.
bool is_passed_over_below(const fs::path& relative, bool folder) {
    for (auto part = relative.begin(); part != relative.end(); ++part) {
        if (is_passed_over(part->string(), folder || std::next(part) != relative.end())) {
            return true;
        }
    }
    return false;
}

// The inputs as the first run found them, and how a path below them is named in the index.
class WatchedInputs {
  public:
    explicit WatchedInputs(const RunOptions& options) {
        for (const auto& input : options.inputs) {
            // Where it is, not what it holds: the first run lists the files (and warns once).
            const fs::path root = locate_input(input);
            folders_.push_back(fs::is_directory(root) ? root : root.parent_path());
            roots_.push_back({root, fs::is_directory(root)});
        }
    }

    // The folders to watch: each folder input, and the folder of each file input.
    const std::vector<fs::path>& folders() const { return folders_; }

    // The file (or folder, `of_folder`) as a run would have found it, or nothing for a path no
    // input takes.
    std::optional<SourceFile> file_at(const fs::path& path, bool of_folder = false) const {
        for (const auto& [root, folder] : roots_) {
            if (!folder) {
                if (path == root) {
                    return SourceFile{path, root.parent_path().string(), root.filename().string()};
                }
                continue;
            }
            const auto relative = path.lexically_relative(root);
            if (relative.empty() || *relative.begin() == ".." ||
                is_passed_over_below(relative, of_folder)) {
                continue;
            }
            return SourceFile{path, root.string(), relative.generic_string()};
        }
        return std::nullopt;
    }

    // The key of each input's folder: a file's key is one of them, a slash and its relative path.
    std::vector<std::string> root_keys() const {
        std::vector<std::string> keys;
        for (const auto& [root, folder] : roots_) {
            keys.push_back(folder ? root.string() : root.parent_path().string());
        }
        return keys;
    }

    // The keys of the files below input folders that are not there now (unmounted, say): their
    // files are not taken for deleted.
    std::vector<std::string> missing_folders() const {
        std::vector<std::string> missing;
        for (const auto& [root, folder] : roots_) {
            if (folder && !fs::exists(root)) missing.push_back(root.string() + "/");
        }
        return missing;
    }

    // Every file of the inputs now; `unread` receives the folders not read whole, as
    // SourceInput::unread_folders.
    std::vector<SourceFile> list(RunReporter& reporter, std::vector<std::string>& unread) const {
        std::vector<SourceFile> files;
        for (const auto& [root, folder] : roots_) {
            if (!fs::exists(root)) continue;
            auto found = find_source_files(root, reporter);
            for (auto& file : found.files) files.push_back(std::move(file));
            for (auto& prefix : found.unread_folders) unread.push_back(std::move(prefix));
        }
        return files;
    }

  private:
    struct Root {
        fs::path path;
        bool folder;
    };
    std::vector<Root> roots_;
    std::vector<fs::path> folders_;
};

// The files of the inputs as they are now, and the warnings about the folders that could not be
// read whole, which are not given here: the run that follows gives them.
struct InputsNow {
    std::map<std::string, Stamp> stamps;  // by file key
    std::set<std::string> unreadable;     // warning lines
};

InputsNow inputs_now(const WatchedInputs& inputs) {
    InputsNow now;
    RunReporter listing({[&](const std::string& line) { now.unreadable.insert(line); }, {}});
    std::vector<std::string> unread;
    for (const auto& file : inputs.list(listing, unread)) {
        if (const auto stamp = stamp_of(file.path)) now.stamps[file_key(file)] = *stamp;
    }
    return now;
}

// One batch: the files to read again and the file keys whose articles go.
struct Batch {
    std::map<std::string, SourceFile> read;  // by file key
    std::set<std::string> removed;
    bool empty() const { return read.empty() && removed.empty(); }
};

class LiveIndex {
  public:
    // `before`: the files as they were before the first run, so that a file that goes after
    // that is removed, whenever the watcher tells it; and the folders it warned about.
    LiveIndex(const RunOptions& options, const Catalog& catalog, const RunCallbacks& callbacks,
              const WatchedInputs& inputs, InputsNow before)
        : inputs_(inputs),
          warn_(callbacks.warn),
          matcher_(catalog),
          reporter_(callbacks),
          reader_(options, RunCallbacks{callbacks.warn, {}}, reporter_, {}),
          context_{options, catalog, matcher_, reporter_},
          sink_(context_, options.database, WriterMode::update),
          stamps_(std::move(before.stamps)),
          unreadable_(std::move(before.unreadable)) {}

    // What inotify told: written files are read again, vanished files and folders removed.
    Batch batch_of(const FileChanges& changes) const {
        Batch batch;
        for (const auto& path : changes.gone) {
            // The file itself, or every file below a folder that went (which may have a name a
            // file would be passed over for: "drafts.tmp/").
            if (const auto file = inputs_.file_at(path);
                file && stamps_.contains(file_key(*file))) {
                batch.removed.insert(file_key(*file));
            }
            const auto folder = inputs_.file_at(path, true);
            if (!folder) continue;
            const auto below = file_key(*folder) + "/";
            for (auto it = stamps_.lower_bound(below);
                 it != stamps_.end() && it->first.starts_with(below); ++it) {
                batch.removed.insert(it->first);
            }
        }
        for (const auto& path : changes.written) {
            if (const auto file = inputs_.file_at(path)) {
                batch.removed.erase(file_key(*file));
                batch.read.emplace(file_key(*file), *file);
            }
        }
        return batch;
    }

    // Every file whose size or time changed since it was read, and every file gone from a folder
    // that is still there.
    Batch rescan() {
        Batch batch;
        std::set<std::string> present;
        // Files below a folder not there now (unmounted, say), or not read whole, are not gone.
        auto unreachable_folders = inputs_.missing_folders();
        std::set<std::string> unreadable;
        RunReporter listing({[&](const std::string& line) { unreadable.insert(line); }, {}});
        auto files = inputs_.list(listing, unreachable_folders);
        // A folder that stays unreadable is warned about once, when it becomes so, not at every
        // rescan; once readable it is forgotten, to be warned about again if it is closed again.
        for (const auto& line : unreadable) {
            if (!unreadable_.contains(line) && warn_) warn_(line);
        }
        unreadable_ = std::move(unreadable);
        for (auto& file : files) {
            auto key = file_key(file);
            const auto stamp = stamp_of(file.path);
            const auto known = stamps_.find(key);
            if (stamp && (known == stamps_.end() || !(known->second == *stamp))) {
                batch.read.emplace(key, std::move(file));
            }
            present.insert(std::move(key));
        }
        for (const auto& known : stamps_) {
            const auto& key = known.first;
            const bool unreachable =
                std::any_of(unreachable_folders.begin(), unreachable_folders.end(),
                            [&](const auto& folder) { return key.starts_with(folder); });
            if (!present.contains(key) && !unreachable) batch.removed.insert(key);
        }
        return batch;
    }

    // Removals first, so that an id moved from a vanished file to a new one is free for it.
    RunSummary apply(Batch batch) {
        for (const auto& key : batch.removed) remove(key);
        // A file refused the id a vanished file held ("x.md" beside "x.txt") may have it now;
        // unchanged, it would otherwise wait for the next start.
        for (const auto& key : batch.removed) {
            for (auto& rival : rivals_of(key)) {
                const auto rival_key = file_key(rival);
                if (!batch.removed.contains(rival_key)) batch.read.emplace(rival_key, rival);
            }
        }
        // Files read before first: one rewritten frees the ids it no longer holds, for a new
        // file to take (a feed rotated: renamed, and a new one made under its name).
        std::vector<const std::pair<const std::string, SourceFile>*> order;
        for (const auto& entry : batch.read) order.push_back(&entry);
        std::stable_partition(order.begin(), order.end(),
                              [&](const auto* entry) { return stamps_.contains(entry->first); });
        for (const auto* entry : order) read(entry->first, entry->second);
        // A file refused an id that another file held reads it again once no file holds it (a
        // feed copied, then emptied a batch later); whole, as the refused lines may be any.
        std::vector<std::string> freed;
        for (const auto& [key, ids] : waiting_) {
            if (!sink_.writer().holds_all(ids)) freed.push_back(key);
        }
        if (!freed.empty()) reporter_.release_ids();
        for (const auto& key : freed) {
            const auto file = inputs_.file_at(key);
            if (!file) {
                waiting_.erase(key);
                continue;
            }
            jsonl_.erase(key);
            read(key, *file);
        }
        sink_.writer().commit();
        reporter_.set_documents(sink_.writer().document_count());
        return reporter_.take_summary();
    }

  private:
    void remove(const std::string& key) {
        reporter_.removed(sink_.writer().remove_stale(key, {}));
        stamps_.erase(key);
        jsonl_.erase(key);
        waiting_.erase(key);
    }

    // Reads the file `key` again: only its appended lines, when it is a feed that grew.
    void read(const std::string& key, const SourceFile& file) {
        const auto stamp = stamp_of(file.path);
        if (!stamp) return remove(key);  // gone again before it could be read
        stamps_[key] = *stamp;
        const auto kind = file_kind(file.path);
        const bool jsonl = kind && kind->format == Format::jsonl;
        // Lines appended to a compressed feed are not bytes appended to the file: it is read
        // whole each time it changes.
        const bool appendable = jsonl && !kind->gzip;
        bool whole = true;
        if (appendable && stamp->bytes == 0) {
            // A feed emptied (copied and truncated) or just made (rotated) holds no article: not
            // a file to warn about.
            reporter_.removed(sink_.writer().remove_stale(key, {}));
            jsonl_.erase(key);
            if (const auto progress = jsonl_progress(file.path)) jsonl_[key] = *progress;
        } else if (appendable && read_appended(key, file)) {
            whole = false;
        } else {
            read_whole(key, file, *stamp, jsonl, appendable);
        }
        // The ids refused now; after only appended lines, with those refused before.
        auto refused = sink_.take_refused_ids();
        if (refused.empty() && whole) {
            waiting_.erase(key);
        } else if (!refused.empty()) {
            auto& ids = waiting_[key];
            if (whole) ids.clear();
            ids.insert(std::make_move_iterator(refused.begin()),
                       std::make_move_iterator(refused.end()));
        }
    }

    void read_whole(const std::string& key, const SourceFile& file, const Stamp& stamp, bool jsonl,
                    bool appendable) {
        // Taken before the reading: lines appended meanwhile are read once more next time
        // (and found unchanged) rather than never.
        const auto progress = appendable ? jsonl_progress(file.path) : std::nullopt;
        // Bytes after the last newline are a line being written: read again once whole.
        const auto unfinished_line =
            progress && progress->bytes < stamp.bytes ? progress->lines + 1 : 0;
        std::set<std::string> ids;
        const bool complete = reader_.read(
            file, ids, [&](ParsedArticle parsed) { sink_.index(std::move(parsed), file); },
            unfinished_line);
        if (!jsonl) return;
        // As in an update run: lines gone from a JSON Lines file take their articles, once
        // every line was understood.
        if (complete) reporter_.removed(sink_.writer().remove_stale(key, ids));
        if (progress) {
            jsonl_[key] = *progress;
        } else {
            jsonl_.erase(key);
        }
    }

    // The files read before whose name gives the same id as the file `key` names: the same path
    // with another extension, below any input. JSON Lines files name their ids inside.
    std::vector<SourceFile> rivals_of(const std::string& key) const {
        std::vector<SourceFile> rivals;
        const auto gone = inputs_.file_at(key);
        const auto is_feed = [](const SourceFile& file) {
            const auto kind = file_kind(file.relative);
            return kind && kind->format == Format::jsonl;
        };
        if (!gone || is_feed(*gone)) return rivals;
        const auto id = article_id(gone->relative);
        for (const auto& root_key : inputs_.root_keys()) {
            const auto prefix = root_key + "/" + id;
            for (auto it = stamps_.lower_bound(prefix);
                 it != stamps_.end() && it->first.starts_with(prefix); ++it) {
                auto rival = inputs_.file_at(it->first);
                if (rival && !is_feed(*rival) && article_id(rival->relative) == id) {
                    rivals.push_back(std::move(*rival));
                }
            }
        }
        return rivals;
    }

    // Reads only the lines appended to a JSON Lines file since it was last read, when it still
    // starts with those lines; false when the whole file must be read.
    bool read_appended(const std::string& key, const SourceFile& file) {
        const auto known = jsonl_.find(key);
        if (known == jsonl_.end()) return false;
        auto appended = appended_lines(file.path, known->second);
        if (!appended) return false;
        if (!appended->text.empty() || !appended->tail.empty()) {
            reporter_.file_seen();
            // A last line with no newline is read as a batch run reads it (a writer may put the
            // newline before each line rather than after), but while it is not valid JSON it is
            // taken for a line still being written, and read again once whole.
            const auto tail_line = appended->after.lines + 1;
            const bool tail = !appended->tail.empty();
            std::istringstream in(std::move(appended->text) + appended->tail);
            const auto display = file.path.string();
            read_jsonl(
                in, file.relative, context_.options.max_article_bytes,
                [&](ParsedArticle parsed) { sink_.index(std::move(parsed), file); },
                [&](const ReadProblem& problem) {
                    if (tail && problem.line == tail_line &&
                        problem.category == kMalformedJsonLine) {
                        return;
                    }
                    reporter_.skip(display, problem.line, problem.reason, problem.category);
                },
                known->second.lines);
        }
        known->second = appended->after;
        return true;
    }

    const WatchedInputs& inputs_;
    const std::function<void(const std::string&)> warn_;
    const EntityMatcher matcher_;
    RunReporter reporter_;
    SourceReader reader_;
    const SinkContext context_;
    ArticleSink sink_;
    std::map<std::string, Stamp> stamps_;         // by file key, of the files read
    std::map<std::string, JsonlProgress> jsonl_;  // by file key, of the JSON Lines files read
    // By file key, the ids refused to a file's articles because another file held them.
    std::map<std::string, std::set<std::string>> waiting_;
    std::set<std::string> unreadable_;  // the warnings of the folders not read whole
};

}  // namespace

void watch_inputs(const RunOptions& options, const Catalog& catalog, const RunCallbacks& callbacks,
                  const WatchOptions& watch, const std::atomic<bool>& stop,
                  const BatchHandler& on_batch) {
    const WatchedInputs inputs(options);
    // Watching starts before the first run, so that nothing written during it goes unseen.
    FileWatcher watcher(inputs.folders());
    // Listed before the first run, not after: a file deleted in between would have been in
    // neither the first run's prune nor the list, and its articles would have stayed.
    auto before = inputs_now(inputs);
    auto started = Clock::now();
    // A stop during the first run (which may take long) ends it with what it has written.
    // The stories the first run's writer reads are the live writer's too.
    KeptStories kept_stories;
    auto live_options = options;
    live_options.kept_stories = &kept_stories;
    auto first_options = live_options;
    first_options.stop = &stop;
    // Files that vanished while no watcher ran (after a SIGKILL, or between runs) take their
    // articles with them, as they do while it runs; a folder that is not there is left alone.
    first_options.prune = true;
    const auto first = run_index(first_options, catalog, callbacks);
    on_batch(first, Clock::now() - started);
    if (first.stopped) return;

    LiveIndex live(live_options, catalog, callbacks, inputs, std::move(before));
    auto next_rescan = Clock::now() + watch.rescan;
    while (!stop.load()) {
        const auto until_rescan =
            std::chrono::duration_cast<std::chrono::milliseconds>(next_rescan - Clock::now());
        const auto changes = watcher.wait(
            std::clamp(until_rescan, std::chrono::milliseconds(0), kStopCheck), watch.settle);
        started = Clock::now();
        if (callbacks.warn) {
            for (const auto& root : changes.roots_lost) {
                callbacks.warn(
                    fmt::format("{}: folder deleted or moved away; watching for it to come back",
                                root.string()));
            }
            for (const auto& root : changes.roots_back) {
                callbacks.warn(fmt::format("{}: folder is back; watched again", root.string()));
            }
        }
        Batch batch;
        if (changes.overflow || started >= next_rescan) {
            batch = live.rescan();
            next_rescan = Clock::now() + watch.rescan;
        } else if (!changes.empty()) {
            batch = live.batch_of(changes);
        }
        if (batch.empty()) continue;
        const auto summary = live.apply(std::move(batch));
        on_batch(summary, Clock::now() - started);
    }
}

}  // namespace talksearch::indexer
