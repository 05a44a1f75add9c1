#pragma once
// The index schema shared by indexer and searchd: term prefixes, value slots and facets.
// Changing anything here changes what is on disk: bump kSchemaVersion so that re-indexing
// replaces every article.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace talksearch::schema {

inline constexpr int kSchemaVersion = 8;

// Term prefixes. Single capitals follow Xapian's conventions; custom ones start with X. Dates are
// filtered and counted from value slots, not terms.
inline constexpr std::string_view kIdPrefix = "Q";        // unique id term: Q + article id
inline constexpr std::string_view kTitlePrefix = "S";     // title words, for title: searches
inline constexpr std::string_view kFilePrefix = "XFILE";  // source file, for pruning and updates
inline constexpr std::string_view kRootPrefix = "XROOT";  // folder a file was found in, for pruning
inline constexpr std::string_view kStoryPrefix = "XSTORY";  // story id: every copy of one story
// Words are indexed as stems, which Xapian's TermGenerator and QueryParser (STEM_ALL_Z) mark with
// a Z before any field prefix: Z + stem in free text, Z + S + stem in the title. Neither lets the
// Z be chosen, so these name what they write.
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kTitleStemPrefix = "ZS";
static_assert(kTitleStemPrefix.substr(0, kStemPrefix.size()) == kStemPrefix &&
              kTitleStemPrefix.substr(kStemPrefix.size()) == kTitlePrefix);

// Metadata keys. A commit by the indexer records the documents it changed under
// kChangesKeyPrefix + its revision (change_log.h).
inline constexpr std::string_view kChangesKeyPrefix = "talksearch:changes:";
// Set (to "1") in a database that holds every article of each story it has one of: one written
// alone, or a shard of an index whose writer routes stories (indexer/shard_layout.h). Its shard
// server may then count stories by itself.
inline constexpr std::string_view kWholeStoriesKey = "talksearch:whole-stories";

// Value slots.
enum Slot : Xapian::valueno {
    kSlotDate = 0,            // "YYYY-MM-DD", empty when undated: newest-first puts undated last
    kSlotDateAscending = 1,   // "YYYY-MM-DD", "~" when undated: oldest-first puts undated last
    kSlotMonth = 2,           // "YYYY-MM": histogram, counted by ValueCountMatchSpy
    kSlotContentHash = 3,     // fingerprint of the article as indexed: unchanged input is skipped
    kSlotStory = 4,           // story id, shared by an article's copies: the collapse key
    kSlotStorySignature = 5,  // what the indexer compares a new article with (story_signature.h)
    kSlotFacetFirst = 10,     // one slot per facet, see kFacets
};

// The facets' rows (facets.def); a test build may name another file that adds one.
#ifndef TALKSEARCH_FACETS_DEF
#define TALKSEARCH_FACETS_DEF "common/facets.def"
#endif

// A facet is counted from one value slot holding the article's sorted set of values (see
// facet_set.h), so Xapian's built-in ValueCountMatchSpy counts it exactly in one pass, also
// through the remote backend. Filtering uses boolean terms: term_prefix + entity key.
enum class Facet {
#define TALKSEARCH_FACET(name, label, singular, alias, prefix, slot, filled_by) name,
#include TALKSEARCH_FACETS_DEF
#undef TALKSEARCH_FACET
};

struct FacetInfo {
    Facet facet;
    std::string_view name;         // API and query-language name: city, negotiator, ...
    std::string_view label;        // what a person reads, of several values: "Cities"
    std::string_view singular;     // of one value: "City"
    std::string_view alias;        // another accepted spelling of the name, or empty
    std::string_view term_prefix;  // boolean filter terms
    Xapian::valueno slot;          // sorted value set of canonical names
};

// In the order of facets.def, which is the order facets are listed in responses and the UI.
inline constexpr auto kFacets = std::to_array<FacetInfo>({
#define TALKSEARCH_FACET(name, label, singular, alias, prefix, slot, filled_by) \
    {Facet::name, #name, label, singular, alias, prefix, kSlotFacetFirst + (slot)},
#include TALKSEARCH_FACETS_DEF
#undef TALKSEARCH_FACET
});

const FacetInfo& facet_info(Facet facet);
// Accepts the facet's name or its alias ("organization" for organisation).
std::optional<Facet> facet_from_name(std::string_view name);

// The boolean term that marks an article as having `entity_key` in `facet`.
std::string facet_term(Facet facet, std::string_view entity_key);
std::string id_term(std::string_view article_id);
std::string story_term(std::string_view story_id);
// Terms are limited to 245 bytes; long file paths are hashed.
std::string file_term(std::string_view file_key);
// The term of the folder `root_key`, hashed when long as file_term() does.
std::string root_term(std::string_view root_key);

// Terms are stems (Z + stem, ZS + stem for title words). The words as written are kept once per
// database, in the spelling data with the number of articles each occurs in: those of 3 to 32
// bytes without digits or apostrophes, since numbers and elisions make poor suggestions.
bool is_spelling_word(std::string_view word);

}  // namespace talksearch::schema
