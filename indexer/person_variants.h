#pragma once
// Recognises a catalogue person under a spelling the catalogue lacks, so that a person the
// article names in its own way is counted as the person the catalogue knows: another
// romanisation ("Kiril Dimitriev" for Kirill Dmitriev, "Andriy Gnativ" for Andriy Hnatov, "Mosaad
// ... al-Aiban" for Musaed Al-Aiban) or a slip of the writer ("Rustem Umerovto", "Andriy Yerma").
// Both the given name and the surname must be near the catalogue's (a surname two letters off only
// under the catalogue's own given name), and only one catalogue person may be near: two people
// with names a letter apart are told apart by that letter.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/catalog.h"

namespace talksearch::indexer {

class PersonVariants {
  public:
    explicit PersonVariants(const Catalog& catalog);

    // The catalogue person `name` (as an article writes it) is a variant of, or nullptr.
    const Entity* match(std::string_view name) const;

  private:
    struct KnownName {
        std::string given;  // romanisation_key of the first word
        std::string surname;
        const Entity* person;
    };
    // The catalogue's two-word-or-longer names of people, by the first letter of their surname.
    std::unordered_map<char, std::vector<KnownName>> by_surname_initial_;
};

}  // namespace talksearch::indexer
