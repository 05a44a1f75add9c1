#include "searchd/http/static_files.h"

#include <fstream>
#include <sstream>

namespace talksearch::http {
namespace fs = std::filesystem;

std::string content_type_for(const fs::path& path) {
    const auto extension = path.extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".json") return "application/json";
    if (extension == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) : root_(fs::weakly_canonical(fs::absolute(root))) {}

std::optional<StaticFile> StaticFiles::find(const std::string& path) const {
    if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    fs::path relative = fs::path(path.substr(1)).lexically_normal();
    if (relative.empty() || relative == ".") relative = "index.html";
    // After decoding and normalising, nothing may climb out of the root.
    if (relative.is_absolute() || *relative.begin() == "..") return std::nullopt;
    std::error_code error;
    auto full = fs::weakly_canonical(root_ / relative, error);
    if (error) return std::nullopt;
    if (fs::is_directory(full, error)) full /= "index.html";
    const auto [root_end, full_it] =
        std::mismatch(root_.begin(), root_.end(), full.begin(), full.end());
    if (root_end != root_.end() || !fs::is_regular_file(full, error)) return std::nullopt;
    std::ifstream in(full, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    return StaticFile{body.str(), content_type_for(full)};
}

}  // namespace talksearch::http
