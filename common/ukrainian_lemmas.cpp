#include "common/ukrainian_lemmas.h"

#include <algorithm>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace talksearch {
namespace {

struct Dictionary {
    std::mutex mutex;  // Hunspell keeps state between calls
    std::unique_ptr<Hunspell> hunspell;

    Dictionary() {
        const std::string base = TALKSEARCH_UKRAINIAN_DICTIONARY;
        const auto aff = base + ".aff";
        const auto dic = base + ".dic";
        // Hunspell reads what it can and says nothing: an unreadable dictionary would leave
        // every word unknown, and the index's stems would differ from a later search's.
        for (const auto& file : {aff, dic}) {
            std::error_code error;
            if (!std::filesystem::is_regular_file(file, error)) {
                throw std::runtime_error("the Ukrainian dictionary " + file +
                                         " is missing: install hunspell-uk (scripts/setup)");
            }
        }
        hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
};

Dictionary& dictionary() {
    static Dictionary instance;
    return instance;
}

}  // namespace

std::optional<std::string> ukrainian_lemma(std::string_view word) {
    auto& dict = dictionary();
    std::vector<std::string> lemmas;
    {
        const std::lock_guard lock(dict.mutex);
        lemmas = dict.hunspell->stem(std::string(word));
    }
    if (lemmas.empty()) return std::nullopt;
    return *std::min_element(lemmas.begin(), lemmas.end(), [](const auto& a, const auto& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
}

}  // namespace talksearch
