#pragma once
// The tokens of a query as typed: what stands between spaces and parentheses. The rewrites made
// before Xapian's parser (names, acronyms, wildcards), spelling correction and the suggester use
// them to leave operators, and the words NEAR and ADJ join, as the user wrote them.

#include <cstddef>
#include <string_view>

namespace talksearch::search {

// The query language's field for words of titles, as typed before a word or phrase.
inline constexpr std::string_view kTitleField = "title:";

// A space or a parenthesis: what ends a token.
bool is_token_boundary(char c);

// + or -, which require or leave out the word, phrase or field after them.
bool is_sign(char c);

// NEAR, ADJ, NEAR/3, ADJ/2: an operator whose operands must be plain words.
bool is_proximity_token(std::string_view token);

// AND, OR, NOT, XOR or a proximity operator, in capitals as the parser reads them.
bool is_operator_token(std::string_view token);

// The token that ends before `at`, and the one that starts from `at`, past any boundaries.
std::string_view token_before(std::string_view text, std::size_t at);
std::string_view token_after(std::string_view text, std::size_t at);

}  // namespace talksearch::search
