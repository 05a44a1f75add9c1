#include "common/gazetteer.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "common/text.h"

namespace talksearch {

std::vector<Place> read_places(std::istream& in, const std::string& origin) {
    std::vector<Place> places;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto fields = split_fields(line, '\t');
        auto fail = [&](std::string_view what) {
            return std::runtime_error(fmt::format("{}:{}: {}", origin, number, what));
        };
        if (fields.size() != 5) throw fail("expected 5 tab-separated fields");
        Place place;
        place.name = fields[0];
        place.country = fields[1];
        const auto population = fields[2];
        if (place.name.empty()) throw fail("empty name");
        if (std::from_chars(population.data(), population.data() + population.size(),
                            place.population)
                .ec != std::errc{}) {
            throw fail("population is not a number");
        }
        if (fields[3] != "-") {
            for (const auto flag : split_fields(fields[3], ',')) {
                if (flag == "word") {
                    place.common_word = true;
                } else if (flag == "capital") {
                    place.capital = true;
                } else if (flag == "country") {
                    place.is_country = true;
                } else {
                    throw fail("fourth field holds a flag other than word, capital and country");
                }
            }
        }
        if (!fields[4].empty()) {
            for (const auto form : split_fields(fields[4], '|')) {
                if (!form.empty()) place.forms.emplace_back(form);
            }
        }
        places.push_back(std::move(place));
    }
    return places;
}

std::vector<Place> read_places_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read places file {}", path.string()));
    return read_places(in, path.string());
}

void write_places(std::ostream& out, const std::vector<Place>& places) {
    for (const auto& place : places) {
        std::string flags = place.common_word ? "word" : "";
        if (place.capital) flags += flags.empty() ? "capital" : ",capital";
        if (place.is_country) flags += flags.empty() ? "country" : ",country";
        out << place.name << '\t' << place.country << '\t' << place.population << '\t'
            << (flags.empty() ? "-" : flags) << '\t';
        for (std::size_t i = 0; i < place.forms.size(); ++i) {
            if (i) out << '|';
            out << place.forms[i];
        }
        out << '\n';
    }
}

std::string icu_country_name(const std::string& code, const char* language) {
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(language), name);
    std::string out;
    name.toUTF8String(out);
    return out == code ? std::string{} : out;
}

std::filesystem::path built_places_file() {
    const std::filesystem::path path = TALKSEARCH_DEFAULT_PLACES;
    return std::filesystem::exists(path) ? path : std::filesystem::path{};
}

}  // namespace talksearch
