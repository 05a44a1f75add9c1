#pragma once
// Ukrainian given names in every case, which mark a pair of capitalised Cyrillic words as a
// person the catalogue may not know ("з Андрієм Коваленком") and which the stemmer stems as the
// name ("Андрієм" as "Андрій"), and the nominative of such a name
// written in another case ("Андрій Коваленко"), so that each article names the person alike. The
// given names are those of the npm package shevchenko (its list for telling a name's gender,
// pinned in package.json), in each form that is not also an ordinary word's: "Надія" (hope),
// "Романом" (by a novel) and "Ігор" (of games) need a stronger cue than a capital letter, while
// "Ігорем" is only a name.

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace talksearch {

class UkrainianNames {
  public:
    // One reading of a word as a given name: which name (lower case), in which case.
    struct GivenName {
        std::string nominative;
        bool female;
        std::optional<std::size_t> declined_case;  // index into ukrainian_name_word_forms; none
                                                   // for the nominative
    };

    // `genders_json` is an object of given names (lower case) and "male" or "female"; a form
    // for which `is_ordinary_word` is true is left out.
    UkrainianNames(std::string_view genders_json,
                   const std::function<bool(std::string_view)>& is_ordinary_word);
    // The package's list, built on first use (declining every name takes a moment), less the
    // forms Debian's Ukrainian dictionary knows in lower case.
    static const UkrainianNames& bundled();

    // The readings of `key` (a word in lower case) as a given name: "андрієм" is Андрій in the
    // instrumental; "олександра" is Олександра, and Олександр in the genitive or accusative.
    const std::vector<GivenName>& given_name(std::string_view key) const;

    // The nominative of a name of a given name and a surname, as written (capitalised), when
    // some reading of the given name and a surname in the same case fit: "Андрієм Умєровим" ->
    // "Андрій Умєров", "Олени Зеленської" -> "Олена Зеленська". Nothing when none does. With
    // it, the two words' forms in the other cases, each paired with its word in the nominative
    // (lower case), by which a text names the person again: ("коваленка", "коваленко").
    struct Nominative {
        std::string given_name;
        std::string surname;
        std::vector<std::pair<std::string, std::string>> case_forms;
    };
    std::optional<Nominative> nominative(std::string_view given_name,
                                         std::string_view surname) const;

  private:
    std::optional<Nominative> read_nominative(std::string_view given_name,
                                              std::string_view surname) const;

    std::unordered_map<std::string, std::vector<GivenName>> readings_;
    mutable std::mutex cache_mutex_;  // the workers share the bundled names
    mutable std::unordered_map<std::string, std::optional<Nominative>> cache_;
};

}  // namespace talksearch
