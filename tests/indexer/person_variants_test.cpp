#include "indexer/person_variants.h"

#include <catch2/catch.hpp>

using namespace talksearch;
using talksearch::indexer::PersonVariants;

namespace {

const Catalog& catalog() {
    static const auto instance = Catalog::from_toml(R"toml(
[[entity]]
name = "Andriy Hnatov"
type = "person"

[[entity]]
name = "Kirill Dmitriev"
type = "person"

[[entity]]
name = "Musaed Al-Aiban"
type = "person"

[[entity]]
name = "Rustem Umerov"
type = "person"

[[entity]]
name = "Andriy Yermak"
type = "person"

[[entity]]
name = "Oleh Ivanov"
type = "person"

[[entity]]
name = "Oleh Ivanko"
type = "person"

[[entity]]
name = "Li Hui"
type = "person"

[[entity]]
name = "Ivan Fedorov"
type = "person"

[[entity]]
name = "Oleksandr Syrskyi"
type = "person"

[[entity]]
name = "Dmytro Kuleba"
type = "person"
aliases = ["Dmitry Kuleba"]

[[entity]]
name = "Alexander Khinshtein"
type = "person"

[[entity]]
name = "Sergei Lavrov"
type = "person"

[[entity]]
name = "Dmitry Kozak"
type = "person"

[[entity]]
name = "Kyiv"
type = "city"
)toml",
                                                    "variants.toml");
    return instance;
}

std::string matched(std::string_view name) {
    static const PersonVariants variants(catalog());
    const auto* person = variants.match(name);
    return person ? person->name : std::string{};
}

}  // namespace

TEST_CASE("a catalogue person is recognised under another spelling", "[person_variants]") {
    const auto [written, known] = GENERATE(table<std::string, std::string>({
        {"Andriy Gnativ", "Andriy Hnatov"},
        {"Kiril Dimitriev", "Kirill Dmitriev"},
        {"Mosaad bin Mohammad al-Aiban", "Musaed Al-Aiban"},
        {"Rustem Umerovto", "Rustem Umerov"},
        {"Andriy Yerma", "Andriy Yermak"},
        {"Andrii Yermak", "Andriy Yermak"},
        // Russian ё written "yo", and two letters swapped.
        {"Ivan Fyodorov", "Ivan Fedorov"},
        {"Oleksandr Syrksyi", "Oleksandr Syrskyi"},
        // Two slips in a long surname, under the given name the catalogue writes.
        {"Dmitry Kuraba", "Dmytro Kuleba"},
        {"Alexander Khinstyn", "Alexander Khinshtein"},
        {"Alexander Khinstbin", "Alexander Khinshtein"},
    }));
    CAPTURE(written);
    CHECK(matched(written) == known);
}

TEST_CASE("other people are not taken for a catalogue person", "[person_variants]") {
    // Another given name, another surname, a name near two people, short names, one word, a
    // place.
    for (const auto* name :
         {"Oleksiy Hnatov", "Andriy Hnatenko", "Oleh Ivano", "Li Hu", "Hnatov", "Kyiv Oblast",
          "Andriy Sybiha", "Kirill Dmitrievich", "Ivan Fyodorovich", "Oleksandr Srysyki"}) {
        CAPTURE(name);
        CHECK(matched(name).empty());
    }
}

TEST_CASE("two slips in a surname need the catalogue's given name, its length, start and end",
          "[person_variants]") {
    // Another given name; a short surname; another start; another end.
    for (const auto* name : {"Oleksiy Kuraba", "Dmitry Korok", "Alexander Kinshtain",
                             "Sergei Lavrin", "Dmitry Kulebyk"}) {
        CAPTURE(name);
        CHECK(matched(name).empty());
    }
}
