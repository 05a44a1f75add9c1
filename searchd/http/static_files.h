#pragma once
// Files of the browser UI, served from one folder that no request path can leave.

#include <filesystem>
#include <optional>
#include <string>

namespace talksearch::http {

struct StaticFile {
    std::string body;
    std::string content_type;
};

class StaticFiles {
  public:
    explicit StaticFiles(std::filesystem::path root);
    // `path` is the decoded request path. nullopt when there is no such file inside the root.
    std::optional<StaticFile> find(const std::string& path) const;

  private:
    std::filesystem::path root_;
};

std::string content_type_for(const std::filesystem::path& path);

}  // namespace talksearch::http
