#include "indexer/index_run.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "indexer/index_writer.h"
#include "indexer/readers.h"

namespace talksearch::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxIdBytes = 200;

struct SourceFile {
    fs::path path;
    std::string root_key;  // the folder the file was found in (absolute), or the file's folder
    std::string relative;  // path below the root, '/'-separated
    std::uintmax_t bytes = 0;
};

bool is_hidden(const fs::path& path) {
    const auto name = path.filename().string();
    return name.size() > 1 && name.front() == '.';
}

std::string without_extension(const std::string& relative) {
    const auto slash = relative.rfind('/');
    const auto dot = relative.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
        dot == (slash == std::string::npos ? 0 : slash + 1)) {
        return relative;
    }
    return relative.substr(0, dot);
}

class Run {
  public:
    Run(const RunOptions& options, const Catalog& catalog, const RunCallbacks& callbacks)
        : options_(options),
          callbacks_(callbacks),
          matcher_(catalog),
          builder_(catalog, matcher_),
          writer_(options.database, options.batch_size) {}

    RunSummary execute() {
        std::vector<std::pair<std::string, std::vector<SourceFile>>> roots;
        std::uintmax_t total_bytes = 0;
        for (const auto& input : options_.inputs) {
            auto files = list_files(input);
            for (const auto& file : files)
                total_bytes += file.bytes;
            roots.emplace_back(fs::weakly_canonical(fs::absolute(input)).string(),
                               std::move(files));
        }
        std::uintmax_t done_bytes = 0;
        for (const auto& [root, files] : roots) {
            std::set<std::string> present;
            for (const auto& file : files) {
                present.insert(file_key(file));
                index_file(file);
                done_bytes += file.bytes;
                if (callbacks_.progress) callbacks_.progress(done_bytes, total_bytes);
            }
            if (options_.prune && fs::is_directory(root)) {
                summary_.removed += writer_.prune(root, present);
            }
        }
        writer_.commit();
        summary_.documents = writer_.document_count();
        return summary_;
    }

  private:
    static std::string file_key(const SourceFile& file) {
        return file.root_key + "/" + file.relative;
    }

    std::vector<SourceFile> list_files(const fs::path& input) {
        std::vector<SourceFile> files;
        std::error_code error;
        const auto status = fs::status(input, error);
        if (error || !fs::exists(status)) {
            throw std::runtime_error(fmt::format("{}: no such file or folder", input.string()));
        }
        if (fs::is_regular_file(status)) {
            const auto absolute = fs::weakly_canonical(fs::absolute(input));
            files.push_back({input, absolute.parent_path().string(), input.filename().string(),
                             fs::file_size(input, error)});
            return files;
        }
        const auto root = fs::weakly_canonical(fs::absolute(input)).string();
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied,
                                            error);
        if (error) throw std::runtime_error(fmt::format("{}: {}", input.string(), error.message()));
        for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (error) {
                warn(input.string(), 0, error.message(), "unreadable");
                break;
            }
            if (is_hidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(error)) continue;
            files.push_back({it->path(), root, fs::relative(it->path(), input).generic_string(),
                             it->file_size(error)});
        }
        std::sort(files.begin(), files.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
        return files;
    }

    void warn(const std::string& file, std::size_t line, const std::string& reason,
              const std::string& category) {
        ++summary_.skipped[category];
        if (callbacks_.warn) {
            callbacks_.warn(line ? fmt::format("{}:{}: {}", file, line, reason)
                                 : fmt::format("{}: {}", file, reason));
        }
    }

    void index_file(const SourceFile& file) {
        ++summary_.files;
        const auto display = file.path.string();
        const auto format = format_for_extension(file.path.extension().string());
        if (!format) {
            warn(display, 0, "unsupported format (not .txt, .md, .html, .jsonl)",
                 "unsupported format");
            return;
        }
        if (*format != Format::jsonl && file.bytes > options_.max_file_bytes) {
            warn(display, 0,
                 fmt::format("{} bytes is over the limit of {}", file.bytes,
                             options_.max_file_bytes),
                 "too large");
            return;
        }
        std::ifstream in(file.path, std::ios::binary);
        if (!in) {
            warn(display, 0, fmt::format("cannot read ({})", std::strerror(errno)), "unreadable");
            return;
        }
        if (*format == Format::jsonl) {
            index_jsonl(in, file);
            return;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const auto content = buffer.str();
        if (in.bad()) {
            warn(display, 0, "read error", "unreadable");
            return;
        }
        if (!is_valid_utf8(content)) {
            warn(display, 0, "not valid UTF-8", "invalid UTF-8");
            return;
        }
        if (normalize_spaces(content).empty()) {
            warn(display, 0, "empty file", "empty");
            return;
        }
        const auto id = without_extension(file.relative);
        ParsedArticle parsed = *format == Format::html ? read_html(content, id, file.relative)
                                                       : read_text(content, id, file.relative,
                                                                   *format == Format::markdown);
        index_article(std::move(parsed), file);
    }

    void index_jsonl(std::ifstream& in, const SourceFile& file) {
        const auto display = file.path.string();
        std::set<std::string> ids;
        bool complete = true;
        bool any_line = false;
        std::string line;
        std::size_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (normalize_spaces(line).empty()) continue;
            any_line = true;
            if (line.size() > options_.max_article_bytes) {
                warn(display, number, "line is over the size limit", "too large");
                complete = false;
                continue;
            }
            if (!is_valid_utf8(line)) {
                warn(display, number, "not valid UTF-8", "invalid UTF-8");
                complete = false;
                continue;
            }
            try {
                auto parsed = read_jsonl_line(line, file.relative, number);
                const auto id = parsed.id;
                if (index_article(std::move(parsed), file))
                    ids.insert(id);
                else
                    complete = false;
            } catch (const InputError& error) {
                warn(display, number, error.what(), "malformed JSON line");
                complete = false;
            }
        }
        if (in.bad()) {
            warn(display, 0, "read error", "unreadable");
            return;
        }
        if (!any_line) {
            warn(display, 0, "empty file", "empty");
            return;
        }
        // Lines removed from the file remove their articles, but only when every line was
        // understood: a line we could not read keeps its old article.
        if (complete) summary_.removed += writer_.remove_stale(file_key(file), ids);
    }

    // Returns whether the article is in the index (written or unchanged).
    bool index_article(ParsedArticle parsed, const SourceFile& file) {
        const auto display = file.path.string();
        const std::size_t line = parsed.line;
        if (parsed.id.size() > kMaxIdBytes) {
            warn(display, line, fmt::format("id is longer than {} bytes", kMaxIdBytes), "bad id");
            return false;
        }
        std::size_t bytes = parsed.title.size();
        for (const auto& block : parsed.blocks)
            bytes += block.size();
        if (bytes > options_.max_article_bytes) {
            warn(display, line, "article text is over the size limit", "too large");
            return false;
        }
        if (!seen_ids_.insert(parsed.id).second) {
            warn(display, line, fmt::format("id '{}' appears twice in this run", parsed.id),
                 "duplicate id");
            return false;
        }
        const auto clean_article = clean(parsed);
        if (clean_article.title.empty() && clean_article.paragraphs.empty()) {
            warn(display, line, "no text left after cleaning", "empty");
            return false;
        }
        auto built = builder_.build(parsed, clean_article);
        for (const auto& warning : built.warnings) {
            if (callbacks_.warn) callbacks_.warn(fmt::format("{}: {}", display, warning));
        }
        std::string owner;
        switch (writer_.put(std::move(built), file.root_key, file_key(file), &owner)) {
            case PutOutcome::added:
                ++summary_.added;
                break;
            case PutOutcome::updated:
                ++summary_.updated;
                break;
            case PutOutcome::unchanged:
                ++summary_.unchanged;
                break;
            case PutOutcome::duplicate_id:
                warn(display, line, fmt::format("id '{}' already belongs to {}", parsed.id, owner),
                     "duplicate id");
                return false;
        }
        return true;
    }

    const RunOptions& options_;
    const RunCallbacks& callbacks_;
    EntityMatcher matcher_;
    DocumentBuilder builder_;
    IndexWriter writer_;
    RunSummary summary_;
    std::set<std::string> seen_ids_;
};

}  // namespace

std::size_t RunSummary::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped)
        total += count;
    return total;
}

RunSummary run_index(const RunOptions& options, const Catalog& catalog,
                     const RunCallbacks& callbacks) {
    return Run(options, catalog, callbacks).execute();
}

}  // namespace talksearch::indexer
