#include "indexer/index_run.h"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/article_sink.h"
#include "indexer/entity_matcher.h"
#include "indexer/index_writer.h"
#include "indexer/readers.h"
#include "indexer/run_reporter.h"
#include "indexer/source_files.h"
#include "indexer/source_reader.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

// A bounded queue from the reading thread to the indexing threads.
class WorkQueue {
  public:
    using Item = std::pair<ParsedArticle, const SourceFile*>;

    void push(Item item) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return items_.size() < kCapacity; });
        items_.push_back(std::move(item));
        not_empty_.notify_one();
    }
    std::optional<Item> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        auto item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
    }

  private:
    static constexpr std::size_t kCapacity = 256;
    std::mutex mutex_;
    std::condition_variable not_empty_;
    std::condition_variable not_full_;
    std::deque<Item> items_;
    bool closed_ = false;
};

bool is_new_database(const fs::path& database) {
    std::error_code error;
    if (!fs::exists(database, error)) return true;
    try {
        return Xapian::Database(database.string()).get_doccount() == 0;
    } catch (const Xapian::Error&) {
        return false;  // let the writer report what is wrong with it
    }
}

class Run {
  public:
    Run(const RunOptions& options, const Catalog& catalog, const RunCallbacks& callbacks)
        : options_(options),
          catalog_(catalog),
          callbacks_(callbacks),
          matcher_(catalog),
          reporter_(callbacks),
          context_{options_, catalog_, matcher_, reporter_} {}

    RunSummary execute() {
        for (const auto& input : options_.inputs) {
            roots_.push_back(find_source_files(input, reporter_));
        }
        reader_ = std::make_unique<SourceReader>(options_, callbacks_, reporter_, roots_);
        if (options_.threads > 1 && is_new_database(options_.database)) {
            build_in_shards();
        } else {
            update_in_place();
        }
        return reporter_.summary();
    }

  private:
    // Incremental: one writer on the database itself, unchanged articles skipped, stale ones
    // removed.
    void update_in_place() {
        ArticleSink sink(context_, options_.database, WriterMode::update);
        for (const auto& [root, files] : roots_) {
            std::set<std::string> present;
            for (const auto& file : files) {
                present.insert(file_key(file));
                std::set<std::string> ids;
                const bool complete = reader_->read(
                    file, ids, [&](ParsedArticle parsed) { sink.index(std::move(parsed), file); });
                // Lines removed from a JSON Lines file remove their articles, but only when
                // every line was understood: a line we could not read keeps its old article.
                if (complete && is_jsonl(file)) {
                    reporter_.removed(sink.writer().remove_stale(file_key(file), ids));
                }
            }
            if (options_.prune && fs::is_directory(root)) {
                reporter_.removed(sink.writer().prune(root, present));
            }
        }
        sink.writer().commit();
        reporter_.set_documents(sink.writer().document_count());
    }

    // A new database: each thread writes shards of its own, and the shards are compacted into
    // the database at the end, so that every core indexes.
    void build_in_shards() {
        // Hold the database's write lock for the whole run, as an in-place update does: a second
        // indexer fails at once instead of building shards that would overwrite ours. The empty
        // database it creates also leaves a readable one behind if this run is killed.
        std::optional<Xapian::WritableDatabase> lock(std::in_place, options_.database.string(),
                                                     Xapian::DB_CREATE_OR_OPEN);
        const auto parent = fs::absolute(options_.database).parent_path();
        const auto scratch_prefix = options_.database.filename().string() + ".building-";
        // With the lock held, scratch folders beside the database are from killed runs.
        for (const auto& entry : fs::directory_iterator(parent)) {
            if (entry.is_directory() &&
                entry.path().filename().string().starts_with(scratch_prefix)) {
                std::error_code ignored;
                fs::remove_all(entry.path(), ignored);
            }
        }
        auto pattern = (parent / (scratch_prefix + "XXXXXX")).string();
        if (!mkdtemp(pattern.data())) {
            throw std::runtime_error(
                fmt::format("cannot create a folder beside {}", options_.database.string()));
        }
        const fs::path scratch = pattern;
        struct RemoveScratch {
            fs::path path;
            ~RemoveScratch() {
                std::error_code ignored;
                fs::remove_all(path, ignored);
            }
        } remove_scratch{scratch};

        // Each thread fills shards of at most `shard_size` articles. Small shards keep every
        // commit cheap: a commit rewrites the index blocks its words touch, and in a large
        // shard those are spread over ever more of the file.
        std::vector<fs::path> shard_paths;
        std::mutex shards_mutex;
        auto new_shard = [&] {
            std::lock_guard lock(shards_mutex);
            shard_paths.push_back(scratch / fmt::format("shard{}", shard_paths.size()));
            return shard_paths.back();
        };
        const std::size_t shard_size = std::max<std::size_t>(1, options_.shard_size);
        WorkQueue queue;
        std::vector<std::thread> workers;
        std::exception_ptr failure;
        std::mutex failure_mutex;
        std::vector<WordFrequencies> spelling_words(options_.threads);
        for (std::size_t i = 0; i < options_.threads; ++i) {
            workers.emplace_back([&, i] {
                try {
                    std::unique_ptr<ArticleSink> sink;
                    std::size_t in_shard = 0;
                    while (auto item = queue.pop()) {
                        if (!sink) {
                            sink = std::make_unique<ArticleSink>(
                                context_, new_shard(), WriterMode::fresh_shard, &spelling_words[i]);
                        }
                        sink->index(std::move(item->first), *item->second);
                        if (++in_shard == shard_size) {
                            sink->writer().commit();
                            sink.reset();
                            in_shard = 0;
                        }
                    }
                    if (sink) sink->writer().commit();
                } catch (...) {
                    std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    while (queue.pop()) {
                    }
                }
            });
        }
        // The workers are joined however the reading ends.
        struct JoinWorkers {
            WorkQueue& queue;
            std::vector<std::thread>& workers;
            ~JoinWorkers() {
                queue.close();
                for (auto& worker : workers) worker.join();
            }
        };
        {
            JoinWorkers join{queue, workers};
            for (const auto& [root, files] : roots_) {
                for (const auto& file : files) {
                    std::set<std::string> ids;
                    reader_->read(file, ids, [&](ParsedArticle parsed) {
                        queue.push({std::move(parsed), &file});
                    });
                }
            }
        }
        if (failure) std::rethrow_exception(failure);

        if (shard_paths.empty()) {  // nothing to index: the empty database stays
            reporter_.set_documents(0);
            return;
        }
        {
            // The spelling data of every shard's words goes into the first shard, once: per
            // shard it would be written, and then merged, once for each shard.
            Xapian::WritableDatabase first(shard_paths.front().string(), Xapian::DB_OPEN |
                                                                             Xapian::DB_DANGEROUS |
                                                                             Xapian::DB_NO_SYNC);
            for (const auto& words : spelling_words) write_spelling(words, first);
            first.commit();
        }
        // Compact into a fresh folder, then move it into place: a reader never sees a half
        // written database. In one pass: merging the postlists in several (MULTIPASS) wrote
        // temporary files and was no faster over the 11 shards of 100k articles.
        Xapian::Database shards;
        for (const auto& path : shard_paths) shards.add_database(Xapian::Database(path.string()));
        const auto compacted = scratch / "compacted";
        shards.compact(compacted.string());
        lock.reset();
        std::error_code error;
        fs::remove_all(options_.database, error);
        fs::rename(compacted, options_.database);
        reporter_.set_documents(Xapian::Database(options_.database.string()).get_doccount());
    }

    static bool is_jsonl(const SourceFile& file) {
        return format_for_extension(file.path.extension().string()) == Format::jsonl;
    }

    const RunOptions& options_;
    const Catalog& catalog_;
    const RunCallbacks& callbacks_;
    EntityMatcher matcher_;
    RunReporter reporter_;
    SinkContext context_;
    std::vector<SourceInput> roots_;
    std::unique_ptr<SourceReader> reader_;
};

}  // namespace

std::size_t RunSummary::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

RunSummary run_index(const RunOptions& options, const Catalog& catalog,
                     const RunCallbacks& callbacks) {
    return Run(options, catalog, callbacks).execute();
}

}  // namespace talksearch::indexer
