#pragma once
// Latin spellings of Ukrainian and Russian names, as news in English (and German) writes them. A
// town is spelt by several systems: Ukraine's national romanisation (Kupiansk, Huliaipole), the
// older BGN/PCGN systems without their marks (Kupyansk, Hulyaypole, and from the Russian name
// Zaporozhye), and the common mix of the two (Hulyaipole). ICU transliterates; the national
// system, which ICU lacks, is given to ICU as rules.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace talksearch {

class Romaniser {
  public:
    Romaniser();
    ~Romaniser();
    Romaniser(const Romaniser&) = delete;
    Romaniser& operator=(const Romaniser&) = delete;

    // Ukraine's national system (Cabinet of Ministers resolution 55 of 2010): Київ -> Kyiv,
    // Запоріжжя -> Zaporizhzhia, Згурівка -> Zghurivka. The canonical names of Ukrainian places.
    std::string ukrainian_national(std::string_view cyrillic) const;

    // Every spelling of a Cyrillic name, the national one first for a name that can be
    // Ukrainian: the systems above, each once.
    std::vector<std::string> spellings(std::string_view cyrillic) const;

    // The spellings of German-language news (the Duden systems): Андрій Єрмак -> Andrij Jermak,
    // Сергей Лавров -> Sergej Lawrow; the Ukrainian system's for a name that can be Ukrainian,
    // the Russian one's for a name that can be Russian, each once.
    std::vector<std::string> german_spellings(std::string_view cyrillic) const;

    // Ukrainian-only letters (і ї є ґ) and Russian-only letters (ы э ъ ё) tell the languages apart.
    static bool can_be_ukrainian(std::string_view cyrillic);
    static bool can_be_russian(std::string_view cyrillic);

  private:
    struct Transliterators;
    std::unique_ptr<Transliterators> transliterators_;
};

// The systems whose spellings a key joins: English news's (g and h, j, i and y, x and ks, kh
// and h) and French news's "ou" for u, or those and German news's too (w and v, z and s:
// Selenskyj, Lawrow).
enum class Romanisations { english, english_and_german };

// A word (lower case) as the romanisations agree on it: letters that the systems exchange
// written as one, doubled letters once. "Krivyi Rig" and "Kryvyi Rih" key alike. The German
// letters join more names by mistake ("Voloshyn" and "Volozhin"): places are keyed without them.
std::string romanisation_key(std::string_view word,
                             Romanisations systems = Romanisations::english_and_german);

}  // namespace talksearch
