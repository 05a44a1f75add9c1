#pragma once
// The window of a phrase or NEAR query, which Xapian 1.4's Query does not give but in its
// description: "(Zpeac@1 NEAR 11 Ztalk@2)".

#include <optional>

#include <xapian.h>

namespace talksearch::search {

// Nothing for a query of another kind.
std::optional<Xapian::termcount> window_of(const Xapian::Query& query);

}  // namespace talksearch::search
