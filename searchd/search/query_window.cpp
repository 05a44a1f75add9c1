#include "searchd/search/query_window.h"

#include <charconv>
#include <string>
#include <string_view>

namespace talksearch::search {

std::optional<Xapian::termcount> window_of(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_PHRASE &&
        query.get_type() != Xapian::Query::OP_NEAR) {
        return std::nullopt;
    }
    const auto description = query.get_description();
    for (const std::string_view op : {" PHRASE ", " NEAR "}) {
        const auto at = description.find(op);
        if (at == std::string::npos) continue;
        Xapian::termcount window = 0;
        const auto* begin = description.data() + at + op.size();
        const auto* end = description.data() + description.size();
        if (std::from_chars(begin, end, window).ec == std::errc() && window > 0) return window;
    }
    return std::nullopt;
}

}  // namespace talksearch::search
