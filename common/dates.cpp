#include "common/dates.h"

#include <charconv>
#include <chrono>
#include <vector>

#include <fmt/format.h>

namespace talksearch {
namespace {

bool parse_digits(std::string_view text, std::size_t count, int& value) {
    if (text.size() != count) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    std::from_chars(text.data(), text.data() + text.size(), value);
    return true;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid(const Date& date) {
    return date.year >= 1 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

}  // namespace

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }
std::string Date::iso_month() const { return fmt::format("{:04}-{:02}", year, month); }

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() > 10) {
        const char separator = text[10];
        if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
        text = text.substr(0, 10);
    }
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Date date;
    if (!parse_digits(text.substr(0, 4), 4, date.year) ||
        !parse_digits(text.substr(5, 2), 2, date.month) ||
        !parse_digits(text.substr(8, 2), 2, date.day) || !valid(date)) {
        return std::nullopt;
    }
    return date;
}

std::optional<Date> parse_date_bound(std::string_view text, RangeEnd end) {
    Date date;
    if (text.size() == 4) {
        if (!parse_digits(text, 4, date.year) || date.year < 1) return std::nullopt;
        date.month = end == RangeEnd::first_day ? 1 : 12;
        date.day = end == RangeEnd::first_day ? 1 : 31;
        return date;
    }
    if (text.size() == 7) {
        if (text[4] != '-' || !parse_digits(text.substr(0, 4), 4, date.year) ||
            !parse_digits(text.substr(5, 2), 2, date.month) || date.year < 1 || date.month < 1 ||
            date.month > 12) {
            return std::nullopt;
        }
        date.day = end == RangeEnd::first_day ? 1 : days_in_month(date.year, date.month);
        return date;
    }
    if (text.size() != 10) return std::nullopt;
    return parse_iso_date(text);
}

}  // namespace talksearch

namespace talksearch {
namespace {

constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};

// 1-12 for a month's English name or its abbreviation ("sept" too); 0 otherwise.
int month_number(std::string_view word) {
    if (word.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        const auto name = kMonths[i];
        if (word == name || word == name.substr(0, 3) || (i == 8 && word == "sept")) return i + 1;
    }
    return 0;
}

struct Token {
    enum Kind { number, word, mark } kind;
    std::string_view text;
    int value = 0;        // numbers
    std::string lower;    // words
    bool spaced = false;  // preceded by white space
};

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    bool spaced = false;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while (i < text.size()) {
        const char c = text[i];
        std::size_t j = i + 1;
        if (is_digit(c)) {
            while (j < text.size() && is_digit(text[j])) ++j;
            Token token{Token::number, text.substr(i, j - i), 0, {}, false};
            if (j - i <= 8) {
                std::from_chars(text.data() + i, text.data() + j, token.value);
            } else {
                token.value = -1;
            }
            token.spaced = spaced;
            tokens.push_back(std::move(token));
        } else if (is_letter(c)) {
            while (j < text.size() && is_letter(text[j])) ++j;
            Token token{Token::word, text.substr(i, j - i), 0, {}, false};
            for (char letter : token.text) {
                token.lower +=
                    static_cast<char>(letter >= 'A' && letter <= 'Z' ? letter + 32 : letter);
            }
            token.spaced = spaced;
            tokens.push_back(std::move(token));
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            spaced = true;
            i = j;
            continue;
        } else {
            if (static_cast<unsigned char>(c) >= 0x80) {
                // A UTF-8 sequence (a no-break space, a dash): one mark.
                while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
            }
            tokens.push_back(Token{Token::mark, text.substr(i, j - i), 0, {}, spaced});
        }
        spaced = false;
        i = j;
    }
    return tokens;
}

std::optional<Date> make_date(int year, int month, int day) {
    Date date{year, month, day};
    if (!valid(date)) return std::nullopt;
    return date;
}

class DateMatcher {
  public:
    explicit DateMatcher(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    std::optional<Date> first() const {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (auto date = at(i)) return date;
        }
        return std::nullopt;
    }

  private:
    const Token* get(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
    bool is_mark(std::size_t i, std::string_view marks) const {
        const auto* token = get(i);
        return token && token->kind == Token::mark && token->text.size() == 1 &&
               marks.find(token->text[0]) != std::string_view::npos;
    }
    const Token* number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const {
        const auto* token = get(i);
        if (!token || token->kind != Token::number || token->text.size() < min_digits ||
            token->text.size() > max_digits) {
            return nullptr;
        }
        return token;
    }
    // A four-digit year not glued to more digits or letters ("2019", not "2019a").
    const Token* year(std::size_t i) const {
        const auto* token = number(i, 4, 4);
        if (!token) return nullptr;
        const auto* next = get(i + 1);
        if (next && next->kind == Token::word && !next->spaced) return nullptr;
        return token;
    }
    int month_word(std::size_t i) const {
        const auto* token = get(i);
        return token && token->kind == Token::word ? month_number(token->lower) : 0;
    }
    // Skips an ordinal suffix written against the day ("20th").
    std::size_t after_day(std::size_t i) const {
        const auto* next = get(i + 1);
        if (next && next->kind == Token::word && !next->spaced &&
            (next->lower == "st" || next->lower == "nd" || next->lower == "rd" ||
             next->lower == "th")) {
            return i + 2;
        }
        return i + 1;
    }
    // A number before position i glued to it by a mark or digit: "1/2/2019" seen from "2/2019".
    bool continues_number(std::size_t i) const {
        if (i == 0) return false;
        const auto& previous = tokens_[i - 1];
        if (previous.kind == Token::number && !tokens_[i].spaced) return true;
        return i >= 2 && previous.kind == Token::mark && !previous.spaced && !tokens_[i].spaced &&
               (previous.text == "-" || previous.text == "/" || previous.text == ".") &&
               tokens_[i - 2].kind == Token::number;
    }

    std::optional<Date> at(std::size_t i) const {
        const auto& token = tokens_[i];
        if (token.kind == Token::number) {
            if (continues_number(i)) return std::nullopt;
            if (auto date = numeric(i)) return date;
            return day_month_year(i);
        }
        if (token.kind == Token::word) return month_day_year(i);
        return std::nullopt;
    }

    // 2019-11-20, 2019/11/20, 2019.11.20; 20.11.2019; 11/20/2019 or 20/11/2019 when unambiguous.
    std::optional<Date> numeric(std::size_t i) const {
        const auto* first = number(i, 1, 4);
        if (!first) return std::nullopt;
        for (const char separator : {'-', '/', '.'}) {
            const std::string_view marks(&separator, 1);
            if (!is_mark(i + 1, marks) || !is_mark(i + 3, marks)) continue;
            if (get(i + 1)->spaced || get(i + 3)->spaced) continue;
            const auto* second = number(i + 2, 1, 2);
            if (!second || get(i + 2)->spaced) continue;
            if (first->text.size() == 4) {
                const auto* third = number(i + 4, 1, 2);
                if (!third || third->spaced) continue;
                const auto* after = get(i + 5);
                if (after && after->kind == Token::number && !after->spaced) continue;
                return make_date(first->value, second->value, third->value);
            }
            if (first->text.size() > 2) continue;
            const auto* third = year(i + 4);
            if (!third || third->spaced) continue;
            if (separator == '.') return make_date(third->value, second->value, first->value);
            if (separator == '-') continue;
            const bool day_first_possible = second->value <= 12 && first->value <= 31;
            const bool month_first_possible = first->value <= 12 && second->value <= 31;
            if (day_first_possible && month_first_possible && first->value != second->value) {
                return std::nullopt;  // 05/06/2019: either reading; undated rather than wrong
            }
            if (month_first_possible) return make_date(third->value, first->value, second->value);
            if (day_first_possible) return make_date(third->value, second->value, first->value);
        }
        return std::nullopt;
    }

    // 20 Nov 2019, 20th of November, 2019, 19 Nov. 2019, Tue, 19 Nov 2019 08:41:00 +0000
    std::optional<Date> day_month_year(std::size_t i) const {
        const auto* day = number(i, 1, 2);
        if (!day) return std::nullopt;
        std::size_t j = after_day(i);
        if (is_mark(j, ".") && month_word(j + 1)) ++j;  // 25. September 2018
        if (const auto* of = get(j); of && of->kind == Token::word && of->lower == "of") ++j;
        if (is_mark(j, "-")) ++j;  // 20-Nov-2019
        const int month = month_word(j);
        if (!month) return std::nullopt;
        ++j;
        if (is_mark(j, ".")) ++j;
        if (is_mark(j, ",-")) ++j;
        const auto* year_token = year(j);
        if (!year_token) return std::nullopt;
        return make_date(year_token->value, month, day->value);
    }

    // November 20, 2019; Feb. 18, 2026; Nov 19 2019; November 20th, 2019
    std::optional<Date> month_day_year(std::size_t i) const {
        const int month = month_word(i);
        if (!month) return std::nullopt;
        std::size_t j = i + 1;
        if (is_mark(j, ".")) ++j;
        const auto* day = number(j, 1, 2);
        if (!day) return std::nullopt;
        j = after_day(j);
        if (is_mark(j, ",")) ++j;
        const auto* year_token = year(j);
        if (!year_token) return std::nullopt;
        return make_date(year_token->value, month, day->value);
    }

    std::vector<Token> tokens_;
};

}  // namespace

std::optional<Date> find_written_date(std::string_view text) {
    return DateMatcher(tokenize(text)).first();
}

std::optional<Date> date_in_url(std::string_view url) {
    // Only the path: a host or query string holds other numbers.
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        const auto path = url.find('/', scheme + 3);
        url = path == std::string_view::npos ? std::string_view{} : url.substr(path);
    }
    url = url.substr(0, url.find_first_of("?#"));
    auto digits = [&](std::size_t at, std::size_t count, int& value) {
        if (at + count > url.size()) return false;
        return parse_digits(url.substr(at, count), count, value);
    };
    for (std::size_t at = 0; at < url.size(); ++at) {
        if (url[at] != '/') continue;
        Date date;
        const std::size_t y = at + 1;
        if (!digits(y, 4, date.year) || date.year < 1990) continue;
        const char separator = y + 4 < url.size() ? url[y + 4] : '\0';
        if (separator == '/' || separator == '-' || separator == '_') {
            if (digits(y + 5, 2, date.month) && y + 7 < url.size() && url[y + 7] == separator &&
                digits(y + 8, 2, date.day) &&
                (y + 10 == url.size() || !std::isdigit(static_cast<unsigned char>(url[y + 10]))) &&
                valid(date)) {
                return date;
            }
        } else if (digits(y + 4, 2, date.month) && digits(y + 6, 2, date.day) &&
                   (y + 8 == url.size() || url[y + 8] == '/' || url[y + 8] == '-' ||
                    url[y + 8] == '_' || url[y + 8] == '.') &&
                   valid(date)) {
            return date;
        }
    }
    return std::nullopt;
}

bool is_plausible_publication_date(const Date& date, const Date& today) {
    if (date.year < 1990) return false;
    // A day ahead of UTC is still today somewhere.
    const Date tomorrow = [&] {
        Date next = today;
        if (++next.day > days_in_month(next.year, next.month)) {
            next.day = 1;
            if (++next.month > 12) {
                next.month = 1;
                ++next.year;
            }
        }
        return next;
    }();
    return date <= tomorrow;
}

Date today_utc() {
    const auto now = std::chrono::system_clock::now();
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace talksearch
