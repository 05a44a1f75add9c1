#pragma once
// The words of an article text that name no person of the article, however much they look like
// names: bylines and datelines ("By Anna Smith", "Author: Anna Smith", "Claire Heddle, Miami
// Herald", "Anna Smith - Friday, 28 June 2024"), photo credits ("Photo: Anna Smith", "REUTERS",
// "(Anna Smith for The Washington Post)"), the outlet's own reporters ("our correspondent Anna
// Smith") and places listed after what they are ("the villages of Zahryzove and Nova
// Kruhliakivka", "the city of Krivyi Rig").

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/text.h"
#include "indexer/given_names.h"
#include "indexer/tokenizer.h"

namespace talksearch::indexer {

// Whether a paragraph of `words` words that begins with the keys `first` and `second` says who
// wrote or reported it: a byline ("By Anna Smith", "Author: Anna Smith") or a credit ("(Reporting
// by Anna Smith in Melbourne)", "Additional reporting by …"). Neither its people nor its places
// are the article's.
bool is_credit_paragraph(std::string_view first, std::string_view second, bool colon_between,
                         std::size_t words);

// Whether the text between two words opens a copyright notice ("© photo Coordination
// Headquarters, Dmitry Lubinets"), which credits whoever it names to the end of its paragraph.
bool opens_copyright_notice(std::string_view gap);
// The byte ranges of the paragraphs of `text` (split into `words`) that are credits, and of the
// copyright notices that end paragraphs.
std::vector<std::pair<std::size_t, std::size_t>> credit_paragraphs(std::string_view text,
                                                                   const std::vector<Word>& words);

// Whether word `k` of `text`, a surname the catalogue matches alone, opens someone else's name
// instead: a given name followed in the same clause by a capitalised word, as in "Reuters
// journalist Graham Slattery" (not Lindsey Graham). The person finder then reads the whole name.
bool opens_another_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                        const GivenNames& given_names);

// Whether word `k` of `text` comes right after a capitalised given name, one space between:
// "Oleksiy Kuleba", "Oleksiy Kamyshin".
bool follows_given_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                        const GivenNames& given_names);

// Whether word `k` of `text`, a surname the catalogue matches alone, closes someone else's name
// instead: right after a capitalised given name that none of `forms` (the catalogue person's
// names) holds, as in "Deputy Prime Minister Oleksiy Kuleba" (not Dmytro Kuleba).
bool closes_another_name(std::string_view text, const std::vector<Word>& words, std::size_t k,
                         const GivenNames& given_names, const std::vector<std::string>& forms);

// One flag per token of `text`: true where the token is in a byline, a credit, an outlet's own
// reporter's name or a place list.
std::vector<bool> excluded_from_names(const TokenizedText& text);

}  // namespace talksearch::indexer
