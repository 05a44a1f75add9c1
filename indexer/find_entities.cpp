// find-entities: reads each article file given (text, Markdown or HTML), cleans it and builds its
// document exactly as the indexer does, and prints, one JSON object a line, the facet values the
// article is counted under. For scripts/bench-entities.
//   find-entities --catalog data/entities.toml [--places FILE] FILE...

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <boost/json.hpp>

#include "common/catalog.h"
#include "common/entity_type.h"
#include "common/gazetteer.h"
#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/document_builder.h"
#include "indexer/entity_matcher.h"
#include "indexer/readers.h"

int main(int argc, char** argv) {
    using namespace talksearch;
    using namespace talksearch::indexer;
    int first = 3;
    if (argc < 4 || std::string_view(argv[1]) != "--catalog") {
        std::cerr << "usage: find-entities --catalog CATALOG [--places FILE] FILE...\n";
        return 2;
    }
    std::filesystem::path places = built_places_file();
    if (argc > 4 && std::string_view(argv[3]) == "--places") {
        places = argv[4];
        first = 5;
    }
    try {
        const auto catalog = Catalog::from_files(argv[2], places);
        const EntityMatcher matcher(catalog);
        DocumentBuilder builder(catalog, matcher);
        int failures = 0;
        for (int i = first; i < argc; ++i) {
            const std::string file = argv[i];
            boost::json::object out;
            out["file"] = file;
            try {
                std::ifstream in(file, std::ios::binary);
                if (!in) throw std::runtime_error("cannot open the file");
                std::stringstream buffer;
                buffer << in.rdbuf();
                const std::string content = repair_utf8(buffer.str());
                const auto dot = file.rfind('.');
                const auto format = format_for_extension(dot == std::string::npos
                                                             ? std::string_view{}
                                                             : std::string_view(file).substr(dot));
                if (!format || *format == Format::jsonl) {
                    throw std::runtime_error("not a text, Markdown or HTML file");
                }
                const auto parsed =
                    *format == Format::html
                        ? read_html(content, file, file)
                        : read_text(content, file, file, *format == Format::markdown);
                const auto built = builder.build(parsed, clean(parsed));
                std::map<std::string, std::set<std::string>> by_facet;
                for (const auto& entity : built.stored.entities) {
                    const auto type = entity_type_from_name(entity.type);
                    if (!type) continue;
                    for (const auto facet : facets_for(*type, entity.roles)) {
                        by_facet[std::string(schema::facet_info(facet).name)].insert(entity.name);
                    }
                }
                boost::json::object facets;
                for (const auto& [facet, names] : by_facet) {
                    boost::json::array values;
                    for (const auto& name : names) values.emplace_back(name);
                    facets[facet] = std::move(values);
                }
                out["facets"] = std::move(facets);
            } catch (const std::exception& error) {
                out["error"] = error.what();
                ++failures;
            }
            std::cout << boost::json::serialize(out) << '\n';
        }
        return failures ? 1 : 0;
    } catch (const std::exception& error) {
        std::cerr << "find-entities: " << error.what() << '\n';
        return 1;
    }
}
