#include "searchd/search/query_tokens.h"

namespace talksearch::search {

bool is_token_boundary(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')';
}

bool is_sign(char c) { return c == '+' || c == '-'; }

bool is_proximity_token(std::string_view token) {
    for (const std::string_view op : {"NEAR", "ADJ"}) {
        if (token == op ||
            (token.starts_with(op) && token.size() > op.size() && token[op.size()] == '/')) {
            return true;
        }
    }
    return false;
}

bool is_operator_token(std::string_view token) {
    return token == "AND" || token == "OR" || token == "NOT" || token == "XOR" ||
           is_proximity_token(token);
}

std::string_view token_before(std::string_view text, std::size_t at) {
    auto end = at;
    while (end > 0 && is_token_boundary(text[end - 1])) --end;
    auto begin = end;
    while (begin > 0 && !is_token_boundary(text[begin - 1])) --begin;
    return text.substr(begin, end - begin);
}

std::string_view token_after(std::string_view text, std::size_t at) {
    auto begin = at;
    while (begin < text.size() && is_token_boundary(text[begin])) ++begin;
    auto end = begin;
    while (end < text.size() && !is_token_boundary(text[end])) ++end;
    return text.substr(begin, end - begin);
}

}  // namespace talksearch::search
