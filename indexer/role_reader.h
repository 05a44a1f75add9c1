#pragma once
// Reads a person's part in one article from the words around their name, since the same person
// negotiates in one article and only comments in the next. A person is a negotiator where the
// article shows them negotiating: an envoy, negotiator or mediator by title or apposition, leading
// or listed in a delegation, meeting the other side's team, holding or hosting talks, named in a
// list of other negotiators. The catalogue's known negotiators and mediators are negotiators in
// any text about talks, unless the article introduces them as foreign minister and only quotes
// them (a foreign minister only quoted is a person). Heads of state and government are never
// negotiators; one the catalogue knows as such but the article titles a minister ("First Deputy
// Prime Minister") is that minister there.

#include <string>
#include <vector>

#include "indexer/tokenizer.h"

namespace talksearch::indexer {

struct ArticlePerson {
    std::vector<std::string> roles;   // the catalogue's roles; empty for an uncatalogued person
    std::vector<FieldSpan> mentions;  // where the article names them
};

// Replaces each person's roles by those this article shows: the catalogue's other roles stay,
// "negotiator" is added or removed, and "leader" is added for a head of state or government by
// title ("President X").
void read_roles(const std::vector<TokenizedText>& fields, std::vector<ArticlePerson>& people);

}  // namespace talksearch::indexer
