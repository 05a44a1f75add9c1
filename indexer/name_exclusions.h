#pragma once
// The words of an article text that name no person of the article, however much they look like
// names: bylines and datelines ("By Anna Smith", "Author: Anna Smith", "Claire Heddle, Miami
// Herald", "Anna Smith - Friday, 28 June 2024"), photo credits ("Photo: Anna Smith", "REUTERS",
// "(Anna Smith for The Washington Post)") and places listed after what they are ("the villages of
// Zahryzove and Nova Kruhliakivka", "the city of Krivyi Rig").

#include <vector>

#include "indexer/tokenizer.h"

namespace talksearch::indexer {

// One flag per token of `text`: true where the token is in a byline, a credit or a place list.
std::vector<bool> excluded_from_names(const TokenizedText& text);

}  // namespace talksearch::indexer
