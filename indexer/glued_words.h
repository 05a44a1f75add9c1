#pragma once
// Words a crawled page ran together where markup stood between them: a dateline or a name and
// the next sentence ("MoscowThe biggest exchange", "Alexander FominSince work on ..."), or a
// name and the word after it ("Pete Hegsethwho has yet to travel", "in Siberiasaid his
// lawyer"). Separated again, so that the name is found and searched as itself.

#include <string>

namespace talksearch::indexer {

// `text` with a sentence break between a capitalised word and a sentence opener glued to it,
// and a space before a glued "said", "says" or "who". Only ASCII words are looked at; camel
// case that names something ("LinkedIn", "McDonald", "DeSantis") is left alone.
std::string separate_glued_words(std::string text);

}  // namespace talksearch::indexer
