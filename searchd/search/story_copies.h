#pragma once
// The copies of a story: the articles the indexer found to be mostly the same text (see
// indexer/story_index.h), which share the story id of their kSlotStory value and story term.

#include <string>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

// A result lists at most this many copies of its story.
inline constexpr std::size_t kMaxListedCopies = 50;

// The story of `document`: empty for an article indexed before stories were.
std::string story_of(const Xapian::Document& document);

// The ids of the articles of `story` other than document `docid`, in index order, at most
// kMaxListedCopies.
std::vector<std::string> other_copies(const Xapian::Database& database, const std::string& story,
                                      Xapian::docid docid);

}  // namespace talksearch::search
