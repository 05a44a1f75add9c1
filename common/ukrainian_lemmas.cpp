#include "common/ukrainian_lemmas.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "common/text.h"

namespace talksearch {
namespace {

const std::string kDictionaryBase = TALKSEARCH_UKRAINIAN_DICTIONARY;

std::runtime_error missing(const std::string& file) {
    return std::runtime_error("the Ukrainian dictionary " + file +
                              " is missing: install hunspell-uk (scripts/setup)");
}

struct Dictionary {
    std::mutex mutex;  // Hunspell keeps state between calls
    std::unique_ptr<Hunspell> hunspell;

    Dictionary() {
        const auto aff = kDictionaryBase + ".aff";
        const auto dic = kDictionaryBase + ".dic";
        // Hunspell reads what it can and says nothing: an unreadable dictionary would leave
        // every word unknown, and the index's stems would differ from a later search's.
        for (const auto& file : {aff, dic}) {
            std::error_code error;
            if (!std::filesystem::is_regular_file(file, error)) throw missing(file);
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

std::uint64_t dictionary_digest(const std::filesystem::path& base) {
    std::uint64_t digest = stable_hash("");
    for (const auto* extension : {".aff", ".dic"}) {
        auto file = base;
        file += extension;
        std::ifstream in(file, std::ios::binary);
        if (!in) throw missing(file.string());
        std::vector<char> buffer(1 << 16);
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            digest = stable_hash({buffer.data(), static_cast<std::size_t>(in.gcount())}, digest);
        }
        if (in.bad()) throw missing(file.string());
        // The files' boundary, so that a byte moved from one to the other changes the digest.
        digest = stable_hash(extension, digest);
    }
    return digest;
}

std::uint64_t ukrainian_dictionary_digest() {
    static const std::uint64_t digest = dictionary_digest(kDictionaryBase);
    return digest;
}

}  // namespace talksearch
