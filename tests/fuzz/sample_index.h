#pragma once
// A small real index for the fuzz targets that need one (the query builder and the
// highlighter): the bundled corpus indexed with the shipped catalogue, and its synonym
// database, built once per process in a temporary folder that goes away at exit, with the
// Ukrainian dictionary read.

#include <xapian.h>

#include "common/catalog.h"

namespace talksearch::fuzz {

struct SampleIndex {
    const Catalog& catalog;
    Xapian::Database index;       // the articles
    Xapian::Database vocabulary;  // the articles and the catalogue's synonyms, for QueryBuilder
};

// Built on the first call; later calls return the same index.
const SampleIndex& sample_index();

}  // namespace talksearch::fuzz
