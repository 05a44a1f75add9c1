#pragma once
// Finds the people an article names that the catalogue does not know, from the cues a reader
// goes by: a title or role before the name ("Foreign Minister Sergey Ryabkov", "spokesman Viktor
// Trehubov"), a verb of speech ("Bogomaz wrote", "said Marta Kos"), an apposition ("Dmytro
// Zaporozhets, a spokesman of ..."), or a known given name ("Bridget Brink"). A later surname
// alone is the same person. Bylines and photo credits name no one in the article, and a name
// made of place or organisation words ("Security Council", "Donetsk Oblast") is no person.

#include <string>
#include <vector>

#include "indexer/given_names.h"
#include "indexer/tokenizer.h"

namespace talksearch::indexer {

struct FoundPerson {
    std::string name;  // as written at the first mention with a cue; a name in Ukrainian in
                       // the nominative, romanised ("Andrii Kovalenko")
    std::vector<FieldSpan> mentions;  // in order of field, then position
};

class PersonFinder {
  public:
    explicit PersonFinder(const GivenNames& given_names) : given_names_(given_names) {}

    // `fields` are an article's texts (title, body); `taken` the spans that catalogue entities
    // already name, which no found person overlaps. People come in order of first mention.
    std::vector<FoundPerson> find(const std::vector<TokenizedText>& fields,
                                  const std::vector<FieldSpan>& taken) const;

  private:
    const GivenNames& given_names_;
};

}  // namespace talksearch::indexer
