#pragma once
// Text of its own for each fixture article, as tests/support/prose.mjs gives the end-to-end
// tests: articles whose bodies are mostly the same words are copies of one story to the indexer,
// so fixtures that are meant to be different stories need words that differ.

#include <string>

namespace talksearch::testing {

// `count` words, always the same for one key, and rarely a run of four shared with another key.
std::string prose(unsigned key, int count = 30);

}  // namespace talksearch::testing
