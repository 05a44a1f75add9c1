#pragma once
// The files one input of a run names: the input file itself, or every regular file below the
// input folder, hidden files and folders left out (editors' and version control's), and the
// files writers leave while they write or as backups. Each file
// carries the keys that tie its articles to it across runs, so that a later run can tell which
// articles it replaces and, with --prune, which files are gone.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace talksearch::indexer {

class RunReporter;

struct SourceFile {
    std::filesystem::path path;  // as found: below the input as the user wrote it
    std::string root_key;      // the folder the file was found in (absolute), or the file's folder
    std::string relative;      // path below the root, '/'-separated
    std::uintmax_t bytes = 0;  // when listed; 0 when the size could not be read
};

// Whether a file or folder of this name below an input folder is left out: a hidden one
// (".draft.md", ".git"), or a file a writer has not finished or keeps as a backup ("x.md~",
// "page.html.part", "feed.jsonl.tmp", a browser's ".crdownload"), which is renamed or deleted
// when the writing ends and is never an article.
bool is_passed_over(std::string_view name, bool folder);

// Names the file uniquely across runs: its root key and relative path.
std::string file_key(const SourceFile& file);

// The id of the one article a text, Markdown or HTML file holds: its relative path without the
// extension ("sub/b" for "sub/b.txt", and for "sub/b.txt.gz"). A name that is all extension
// (".txt") stays whole.
std::string article_id(const std::string& relative);

struct SourceInput {
    std::string path;  // the input, absolute and canonical: the root that --prune looks under
    std::vector<SourceFile> files;  // in order of their relative paths
    // The folders below it not read whole (this user may not read them, or reading failed), as
    // the start of their files' keys ("root/sub/"): their files are not taken for deleted.
    std::vector<std::string> unread_folders;
};

// The input's absolute, canonical path (SourceInput::path) without looking inside it (a file's
// own name kept, a symbolic link's too); throws when there is no such file or folder.
std::string locate_input(const std::filesystem::path& input);

// Throws when the input does not exist or its folder cannot be opened. A folder below it that
// cannot be read, or fails partway through, is reported to `reporter` as unreadable and listed in
// `unread_folders`, keeping the files found until then, and the walk goes on; folders that vanish
// during the walk are passed over.
SourceInput find_source_files(const std::filesystem::path& input, RunReporter& reporter);

}  // namespace talksearch::indexer
