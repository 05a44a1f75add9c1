#include "tests/fuzz/sample_index.h"

#include <stdexcept>

#include "common/ukrainian_lemmas.h"
#include "searchd/search/query_builder.h"
#include "tests/support/temp_index.h"

namespace talksearch::fuzz {
namespace {

struct BuiltSample {
    testing::TempDir dir;
    SampleIndex sample;

    BuiltSample() : sample{testing::shipped_catalog(), {}, {}} {
        const auto index = dir.path() / "index";
        const auto synonyms = dir.path() / "synonyms";
        const auto summary = testing::index_into(index, {testing::bundled_corpus()});
        if (summary.documents == 0) throw std::runtime_error("the sample index is empty");
        search::write_synonym_database(sample.catalog, synonyms.string());
        sample.index = Xapian::Database(index.string());
        sample.vocabulary = Xapian::Database(index.string());
        sample.vocabulary.add_database(Xapian::Database(synonyms.string()));
        // Read once here, as searchd reads it at start, not by the first input with a word in
        // Cyrillic: under the sanitizers it takes about a second, an input's whole time limit.
        ukrainian_lemma("мир");
    }
};

}  // namespace

const SampleIndex& sample_index() {
    static const BuiltSample built;
    return built.sample;
}

}  // namespace talksearch::fuzz
