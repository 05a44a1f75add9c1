#pragma once
// Exact counts of value slots over every match of a query, with Xapian's built-in
// ValueCountMatchSpy (the one the remote backend also runs).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace talksearch::search {

using ValueCounts = std::map<std::string, Xapian::doccount>;

// Spies on the given slots of one Enquire. The counts are exact only if the MSet was asked to
// check at least as many documents as the database holds.
class SlotCounter {
  public:
    SlotCounter(Xapian::Enquire& enquire, const std::vector<Xapian::valueno>& slots);
    ValueCounts counts(Xapian::valueno slot) const;

  private:
    std::vector<std::pair<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

// Turns counts of encoded facet sets into counts of single values.
ValueCounts split_facet_sets(const ValueCounts& set_counts);

}  // namespace talksearch::search
