#include "indexer/source_files.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "indexer/ascii_case.h"
#include "indexer/run_reporter.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

std::string canonical_string(const fs::path& path) {
    return fs::weakly_canonical(fs::absolute(path)).string();
}

// Every regular file below `input`, walked with a stack of folders rather than by recursion. A
// folder that vanishes during the walk (deleted or moved away meanwhile) is passed over and the
// walk goes on: its files are gone, the others are not. The standard recursive iterator ended
// the whole walk there, silently, and the files not reached were taken for deleted.
void files_in_folder(const fs::path& input, SourceInput& found, RunReporter& reporter) {
    auto& files = found.files;
    const auto& root = found.path;
    const auto unread = [&](const fs::path& folder, const std::error_code& error) {
        reporter.skip(folder.string(), 0, error.message(), "unreadable");
        found.unread_folders.push_back(
            fmt::format("{}/{}/", root, folder.lexically_relative(input).generic_string()));
    };
    std::vector<fs::path> pending{input};
    for (bool top = true; !pending.empty(); top = false) {
        const auto folder = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        fs::directory_iterator it(folder, error);
        if (error) {
            if (top) {
                throw std::runtime_error(fmt::format("{}: {}", input.string(), error.message()));
            }
            const bool vanished = error == std::errc::no_such_file_or_directory ||
                                  error == std::errc::not_a_directory;
            if (!vanished) unread(folder, error);
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(error)) {
            std::error_code entry_error;
            const bool is_folder = fs::is_directory(it->symlink_status(entry_error));
            if (is_passed_over(it->path().filename().string(), is_folder)) continue;
            if (is_folder) {
                pending.push_back(it->path());
                continue;
            }
            if (!it->is_regular_file(entry_error)) continue;
            // A file that vanished since is reported when it is read.
            auto bytes = it->file_size(entry_error);
            if (entry_error) bytes = 0;
            // Named as it is in the folder: a link's own name, not its target's path, which may
            // lie outside ("../elsewhere/a.txt") and may have several links.
            files.push_back(
                {it->path(), root, it->path().lexically_relative(input).generic_string(), bytes});
        }
        if (error && error != std::errc::no_such_file_or_directory) unread(folder, error);
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
}

}  // namespace

bool is_passed_over(std::string_view name, bool folder) {
    if (name.size() > 1 && name.front() == '.') return true;
    if (folder) return false;
    if (name.ends_with('~')) return true;
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    const auto extension = lower_ascii(name.substr(dot + 1));
    for (const std::string_view temporary :
         {"part", "partial", "crdownload", "download", "tmp", "temp", "swp"}) {
        if (extension == temporary) return true;
    }
    return false;
}

std::string file_key(const SourceFile& file) { return file.root_key + "/" + file.relative; }

std::string article_id(const std::string& relative) {
    const auto strip_extension = [](std::string_view name) {
        const auto slash = name.rfind('/');
        const auto dot = name.rfind('.');
        if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ||
            dot == (slash == std::string_view::npos ? 0 : slash + 1)) {
            return name;
        }
        return name.substr(0, dot);
    };
    std::string_view id = relative;
    // "page.html.gz" is the page "page", as "page.html" is.
    if (const auto stripped = strip_extension(id);
        stripped.size() + 3 == id.size() && lower_ascii(id.substr(stripped.size())) == ".gz") {
        id = stripped;
    }
    return std::string(strip_extension(id));
}

std::string locate_input(const fs::path& input) {
    std::error_code error;
    const auto status = fs::status(input, error);
    if (!fs::exists(status) || error) {
        throw std::runtime_error(fmt::format("{}: no such file or folder", input.string()));
    }
    if (fs::is_directory(status)) return canonical_string(input);
    // A file keeps its own name, a link's too: its id is that name, in every run.
    const auto absolute = fs::absolute(input);
    return (fs::weakly_canonical(absolute.parent_path()) / absolute.filename()).string();
}

SourceInput find_source_files(const fs::path& input, RunReporter& reporter) {
    SourceInput found{locate_input(input), {}, {}};
    std::error_code error;
    const auto status = fs::status(input, error);
    if (fs::is_regular_file(status)) {
        const fs::path absolute = found.path;
        found.files.push_back({input, absolute.parent_path().string(), input.filename().string(),
                               fs::file_size(input, error)});
    } else {
        files_in_folder(input, found, reporter);
    }
    return found;
}

}  // namespace talksearch::indexer
