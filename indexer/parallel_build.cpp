#include "indexer/parallel_build.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/run_stop.h"
#include "indexer/shard_layout.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

// A bounded queue from the reading thread to the workers: reading waits while the workers are
// behind, so that at most kCapacity read articles wait in memory.
class WorkQueue {
  public:
    using Item = std::pair<ParsedArticle, const SourceFile*>;

    void push(Item item) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return items_.size() < kCapacity; });
        items_.push_back(std::move(item));
        not_empty_.notify_one();
    }
    // Nothing once the queue is closed and empty.
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

// A folder beside the database for the parts, removed with everything in it however the
// build ends. Made with the database's lock held, so the folders of earlier builds found there
// are from killed runs, and are removed first.
class ScratchFolder {
  public:
    explicit ScratchFolder(const fs::path& database) {
        const auto parent = fs::absolute(database).parent_path();
        const auto prefix = database.filename().string() + ".building-";
        for (const auto& entry : fs::directory_iterator(parent)) {
            if (entry.is_directory() && entry.path().filename().string().starts_with(prefix)) {
                std::error_code ignored;
                fs::remove_all(entry.path(), ignored);
            }
        }
        auto pattern = (parent / (prefix + "XXXXXX")).string();
        if (!mkdtemp(pattern.data())) {
            throw std::runtime_error(
                fmt::format("cannot create a folder beside {}", database.string()));
        }
        path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// The worker threads and what they share. Each fills parts of at most `part_size` articles.
// Small parts keep every commit cheap: a commit rewrites the index blocks its words touch, and
// in a large part those are spread over ever more of the file.
class Workers {
  public:
    Workers(const SinkContext& context, const fs::path& scratch)
        : context_(context),
          scratch_(scratch),
          part_size_(std::max<std::size_t>(1, context.options.part_size)),
          spelling_words_(std::max<std::size_t>(1, context.options.threads)) {
        // At least one worker, or the reading thread would wait on a full queue for ever.
        for (std::size_t i = 0; i < spelling_words_.size(); ++i) {
            threads_.emplace_back([this, i] { work(i); });
        }
    }
    // The workers are joined however the reading ends.
    ~Workers() { join(); }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    void push(ParsedArticle parsed, const SourceFile& file) {
        queue_.push({std::move(parsed), &file});
    }

    // Waits for the queue to be emptied and every worker to end; rethrows the first failure.
    void finish() {
        join();
        if (failure_) std::rethrow_exception(failure_);
    }

    // After finish(): the parts in the order they were begun, and each worker's words.
    const std::vector<fs::path>& parts() const { return parts_; }
    const std::vector<WordFrequencies>& spelling_words() const { return spelling_words_; }

  private:
    void work(std::size_t worker) {
        try {
            std::unique_ptr<ArticleSink> sink;
            std::size_t in_part = 0;
            while (auto item = queue_.pop()) {
                if (!sink) {
                    sink =
                        std::make_unique<ArticleSink>(context_, new_part(), WriterMode::fresh_part,
                                                      &spelling_words_[worker], &stories_);
                }
                sink->index(std::move(item->first), *item->second);
                if (++in_part == part_size_) {
                    sink->writer().commit();
                    sink.reset();
                    in_part = 0;
                }
            }
            if (sink) sink->writer().commit();
        } catch (...) {
            {
                std::lock_guard lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
            // Keep taking, so that the reading thread never waits on a full queue.
            while (queue_.pop()) {
            }
        }
    }

    // A part holds its articles of every shard of the index: a sharded index's parts are
    // sharded alike, and each shard of the index is compacted from its shard of every part.
    fs::path new_part() {
        std::lock_guard lock(mutex_);
        parts_.push_back(scratch_ / fmt::format("part{}", parts_.size()));
        if (context_.options.shards > 1) lay_out_shards(parts_.back(), context_.options.shards);
        return parts_.back();
    }

    void join() {
        queue_.close();
        for (auto& thread : threads_) {
            if (thread.joinable()) thread.join();
        }
    }

    const SinkContext& context_;
    const fs::path scratch_;
    const std::size_t part_size_;
    WorkQueue queue_;
    std::mutex mutex_;  // guards parts_ and failure_
    std::vector<fs::path> parts_;
    std::exception_ptr failure_;
    std::vector<WordFrequencies> spelling_words_;  // one per worker: no lock needed
    StoryIndex stories_;                           // of every part: a copy joins its story
    std::vector<std::thread> threads_;             // last: started once the rest exists
};

// The spelling data of every part's words goes into the first part, once: per part it would
// be written, and then merged, once for each part.
void write_all_spelling(const fs::path& first_part, const std::vector<WordFrequencies>& words) {
    Xapian::WritableDatabase first(local_shards(first_part).front().string(),
                                   Xapian::DB_OPEN | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC);
    for (const auto& worker_words : words) write_spelling(worker_words, first);
    first.commit();
}

// Replaces `database` with `folder`. The lock is let go just before, as the move replaces the
// database it locks.
void move_into_place(const fs::path& folder, const fs::path& database,
                     std::optional<Xapian::WritableDatabase>& lock) {
    lock.reset();
    std::error_code error;
    fs::remove_all(database, error);
    fs::rename(folder, database);
}

// Compacts shard `shard` of every part into `target`. In one pass: merging the postlists in
// several (MULTIPASS) wrote temporary files and was no faster over the 11 parts of 100k
// articles.
void compact_shard(const std::vector<fs::path>& parts, std::size_t shard, const fs::path& target) {
    Xapian::Database all;
    for (const auto& part : parts) {
        all.add_database(Xapian::Database(local_shards(part).at(shard).string()));
    }
    all.compact(target.string());
}

// Compacts the parts into a fresh folder, then moves it into place: a reader never sees a half
// written database. The shards of a sharded index are compacted side by side, on as many threads
// as the build had.
void compact_into_place(const std::vector<fs::path>& parts, const SinkContext& context,
                        const fs::path& scratch, std::optional<Xapian::WritableDatabase>& lock) {
    const auto compacted = scratch / "compacted";
    const std::size_t shards = std::max<std::size_t>(1, context.options.shards);
    if (shards == 1) {
        compact_shard(parts, 0, compacted);
    } else {
        lay_out_shards(compacted, shards);
        const auto targets = local_shards(compacted);
        std::atomic<std::size_t> next{0};
        std::mutex failure_mutex;
        std::exception_ptr failure;
        const auto compact_shards = [&] {
            for (auto shard = next++; shard < shards; shard = next++) {
                try {
                    compact_shard(parts, shard, targets[shard]);
                } catch (...) {
                    std::lock_guard guard(failure_mutex);
                    if (!failure) failure = std::current_exception();
                }
            }
        };
        std::vector<std::thread> threads;
        for (std::size_t i = 1; i < std::min(shards, context.options.threads); ++i) {
            threads.emplace_back(compact_shards);
        }
        compact_shards();
        for (auto& thread : threads) thread.join();
        if (failure) std::rethrow_exception(failure);
    }
    move_into_place(compacted, context.options.database, lock);
}

// An empty index of the shards asked for, in place of the empty database the lock made: the
// next run finds the index as it was asked to be.
void lay_out_empty_shards(const SinkContext& context, const fs::path& scratch,
                          std::optional<Xapian::WritableDatabase>& lock) {
    const auto empty = scratch / "empty";
    create_empty_shards(empty, context.options.shards);
    move_into_place(empty, context.options.database, lock);
}

}  // namespace

bool is_new_database(const fs::path& database) {
    std::error_code error;
    if (!fs::exists(database, error)) return true;
    try {
        return Xapian::Database(database.string()).get_doccount() == 0;
    } catch (const Xapian::Error&) {
        return false;  // let the writer report what is wrong with it
    }
}

void build_in_parts(const SinkContext& context, SourceReader& reader,
                    const std::vector<SourceInput>& inputs) {
    const auto& database = context.options.database;
    // Hold the database's write lock for the whole run, as an in-place update does: a second
    // indexer fails at once instead of building parts that would overwrite ours. The empty
    // database it creates also leaves a readable one behind if this run is killed.
    std::optional<Xapian::WritableDatabase> lock(std::in_place, database.string(),
                                                 Xapian::DB_CREATE_OR_OPEN);
    const ScratchFolder scratch(database);
    Workers workers(context, scratch.path());
    try {
        for (const auto& input : inputs) {
            for (const auto& file : input.files) {
                std::set<std::string> ids;
                reader.read(file, ids, [&](ParsedArticle parsed) {
                    stop_if_asked(context.options);
                    workers.push(std::move(parsed), file);
                });
            }
        }
    } catch (const RunStopped&) {
        // The articles already handed to the workers are written and compacted like a whole run's.
        context.reporter.set_stopped();
    }
    workers.finish();

    if (workers.parts().empty()) {  // nothing to index: the empty database stays
        if (context.options.shards > 1) lay_out_empty_shards(context, scratch.path(), lock);
        context.reporter.set_documents(0);
        return;
    }
    write_all_spelling(workers.parts().front(), workers.spelling_words());
    compact_into_place(workers.parts(), context, scratch.path(), lock);
    context.reporter.set_documents(Xapian::Database(database.string()).get_doccount());
}

}  // namespace talksearch::indexer
