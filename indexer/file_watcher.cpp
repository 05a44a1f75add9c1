#include "indexer/file_watcher.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <poll.h>
#include <sys/inotify.h>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

#include "indexer/source_files.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_MOVED_TO |
                                        IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF |
                                        IN_ONLYDIR | IN_EXCL_UNLINK;

// Changes that keep coming are told at least this often, so that a busy folder is still
// indexed as it fills.
constexpr std::chrono::milliseconds kMaxGathering{500};

bool ready(int fd, std::chrono::milliseconds timeout) {
    pollfd entry{fd, POLLIN, 0};
    const auto result = ::poll(&entry, 1, static_cast<int>(timeout.count()));
    if (result < 0 && errno != EINTR)
        throw std::system_error(errno, std::generic_category(), "poll");
    return result > 0;
}

}  // namespace

FileWatcher::FileWatcher(const std::vector<fs::path>& folders)
    : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), roots_(folders) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "inotify");
    try {
        for (const auto& folder : folders) watch_tree(folder, nullptr);
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

FileWatcher::~FileWatcher() { ::close(fd_); }

void FileWatcher::watch_tree(const fs::path& folder, FileChanges* found) {
    std::vector<fs::path> pending{folder};
    while (!pending.empty()) {
        const auto current = std::move(pending.back());
        pending.pop_back();
        const int wd = ::inotify_add_watch(fd_, current.c_str(), kFolderEvents);
        if (wd < 0) {
            // Gone already, or not a folder: nothing to watch there. A folder below the roots
            // that this user may not read holds no file it could index: the walk warns of it.
            if (errno == ENOENT || errno == ENOTDIR) continue;
            const bool root = std::find(roots_.begin(), roots_.end(), current) != roots_.end();
            if (errno == EACCES && !root) continue;
            const auto hint = errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "";
            throw std::system_error(errno, std::generic_category(),
                                    fmt::format("cannot watch {}{}", current.string(), hint));
        }
        folders_[wd] = current;
        std::error_code error;
        for (fs::directory_iterator it(current, error), end; !error && it != end;
             it.increment(error)) {
            std::error_code kind_error;
            const auto status = it->symlink_status(kind_error);
            if (kind_error) continue;
            if (is_passed_over(it->path().filename().string(), fs::is_directory(status))) continue;
            if (fs::is_directory(status)) {
                pending.push_back(it->path());
            } else if (found && fs::is_regular_file(status)) {
                found->written.insert(it->path());
            }
        }
    }
}

void FileWatcher::unwatch_tree(const fs::path& folder) {
    for (auto it = folders_.begin(); it != folders_.end();) {
        const auto relative = it->second.lexically_relative(folder);
        if (!relative.empty() && *relative.begin() != "..") {
            // Gone already when deleted; a moved folder would go on telling its old paths.
            ::inotify_rm_watch(fd_, it->first);
            it = folders_.erase(it);
        } else {
            ++it;
        }
    }
}

void FileWatcher::lose_root(const fs::path& root, FileChanges& changes) {
    unwatch_tree(root);
    if (lost_roots_.insert(root).second) changes.roots_lost.insert(root);
}

void FileWatcher::find_lost_roots(FileChanges& changes) {
    for (auto it = lost_roots_.begin(); it != lost_roots_.end();) {
        std::error_code error;
        if (!fs::is_directory(*it, error)) {
            ++it;
            continue;
        }
        watch_tree(*it, nullptr);
        // What it holds now is not known from events: the caller rescans.
        changes.roots_back.insert(*it);
        changes.overflow = true;
        it = lost_roots_.erase(it);
    }
}

bool FileWatcher::read_events(FileChanges& changes) {
    alignas(inotify_event) std::array<char, 64 * 1024> buffer;
    bool any = false;
    for (;;) {
        const auto length = ::read(fd_, buffer.data(), buffer.size());
        if (length < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return any;
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "inotify read");
        }
        if (length == 0) return any;
        any = true;
        for (std::size_t at = 0; at < static_cast<std::size_t>(length);) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
            at += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                changes.overflow = true;
                continue;
            }
            if (event->mask & IN_IGNORED) {
                folders_.erase(event->wd);
                continue;
            }
            const auto folder = folders_.find(event->wd);
            if (folder == folders_.end()) continue;
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                const auto root = std::find(roots_.begin(), roots_.end(), folder->second);
                if (root != roots_.end()) lose_root(*root, changes);
                continue;
            }
            if (event->len == 0) continue;
            const std::string_view name(event->name);
            if (is_passed_over(name, event->mask & IN_ISDIR)) continue;
            const auto path = folder->second / std::string(name);
            if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
                changes.gone.insert(path);
                changes.written.erase(path);
                // A folder moved out is watched no more under this path: moved within the
                // roots, it is watched again where it went (IN_MOVED_TO).
                if ((event->mask & IN_MOVED_FROM) && (event->mask & IN_ISDIR)) unwatch_tree(path);
            } else if (event->mask & IN_ISDIR) {
                // A folder made or moved in: its files may be there before its watch.
                if (event->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(path, &changes);
            } else {
                changes.written.insert(path);
                changes.gone.erase(path);
            }
        }
    }
}

FileChanges FileWatcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle) {
    FileChanges changes;
    if (!lost_roots_.empty()) {
        find_lost_roots(changes);
        if (!changes.empty()) return changes;
    }
    if (!ready(fd_, timeout)) return changes;
    const auto started = std::chrono::steady_clock::now();
    read_events(changes);
    while (std::chrono::steady_clock::now() - started < kMaxGathering && ready(fd_, settle)) {
        read_events(changes);
    }
    return changes;
}

}  // namespace talksearch::indexer
