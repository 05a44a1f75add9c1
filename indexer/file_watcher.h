#pragma once
// Tells which files below some folders were written, created, moved in, moved out or deleted,
// from Linux's inotify: one watch per folder, added for every folder below the roots, and for
// folders that appear later. What the indexer's walk leaves out (hidden files and folders,
// writers' temporary files: is_passed_over) is left out here too. inotify can lose events (its
// queue overflows, or a file system does not report them): the caller rescans now and then. A root
// folder deleted or moved away is watched again once it is back, with a rescan asked for.

#include <chrono>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <vector>

namespace talksearch::indexer {

struct FileChanges {
    std::set<std::filesystem::path> written;     // files created, written or moved in
    std::set<std::filesystem::path> gone;        // files and folders deleted or moved out
    bool overflow = false;                       // events were lost: rescan everything
    std::set<std::filesystem::path> roots_lost;  // watched folders deleted or moved away
    std::set<std::filesystem::path> roots_back;  // and there again, watched anew
    bool empty() const {
        return written.empty() && gone.empty() && !overflow && roots_lost.empty() &&
               roots_back.empty();
    }
};

class FileWatcher {
  public:
    // Throws std::system_error when inotify cannot be used.
    explicit FileWatcher(const std::vector<std::filesystem::path>& folders);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Waits up to `timeout` for the first change, then gathers changes until none came for
    // `settle` (a file written in several parts is told once). Empty after a timeout.
    FileChanges wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle);

  private:
    // Watches `folder` and every folder below it, walked with an explicit stack; the files found
    // in folders that appeared after the start are put in `found`.
    void watch_tree(const std::filesystem::path& folder, FileChanges* found);
    // Reads what is queued; false when nothing was.
    bool read_events(FileChanges& changes);

    // Drops the watches of `folder` and the folders below it.
    void unwatch_tree(const std::filesystem::path& folder);
    // Drops the watches of `root` and the folders below it, and looks for it at each wait: a
    // folder deleted and made again is another folder, which no watch covers.
    void lose_root(const std::filesystem::path& root, FileChanges& changes);
    // Watches again the lost roots that are there now.
    void find_lost_roots(FileChanges& changes);

    int fd_ = -1;
    std::unordered_map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
    std::vector<std::filesystem::path> roots_;
    std::set<std::filesystem::path> lost_roots_;
};

}  // namespace talksearch::indexer
