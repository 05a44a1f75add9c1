#include "searchd/http/json_text.h"

#include <cmath>
#include <vector>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace talksearch::http {
namespace json = boost::json;

namespace {

void write_scalar(const json::value& value, std::string& out) {
    switch (value.kind()) {
        case json::kind::null:
            out += "null";
            break;
        case json::kind::bool_:
            out += value.get_bool() ? "true" : "false";
            break;
        case json::kind::int64:
            fmt::format_to(std::back_inserter(out), "{}", value.get_int64());
            break;
        case json::kind::uint64:
            fmt::format_to(std::back_inserter(out), "{}", value.get_uint64());
            break;
        case json::kind::double_: {
            // JSON has no infinity or NaN.
            const double number = value.get_double();
            if (std::isfinite(number)) {
                const auto start = out.size();
                fmt::format_to(std::back_inserter(out), "{}", number);
                // A whole number stays a double for the clients that type it ("12.0").
                if (out.find_first_of(".e", start) == std::string::npos) out += ".0";
            } else {
                out += "null";
            }
            break;
        }
        case json::kind::string:
            out += json::serialize(json::string_view(value.get_string()));
            break;
        case json::kind::array:
        case json::kind::object:
            break;
    }
}

}  // namespace

std::string json_text(const json::value& value) {
    std::string out;
    // Containers still being written, with how far: a stack, not recursion.
    struct Open {
        const json::value* container;
        std::size_t next = 0;
    };
    std::vector<Open> open;
    const json::value* pending = &value;
    for (;;) {
        if (pending) {
            if (pending->is_array()) {
                out += '[';
                open.push_back({pending});
            } else if (pending->is_object()) {
                out += '{';
                open.push_back({pending});
            } else {
                write_scalar(*pending, out);
            }
            pending = nullptr;
        }
        if (open.empty()) break;
        auto& top = open.back();
        if (top.container->is_array()) {
            const auto& array = top.container->get_array();
            if (top.next == array.size()) {
                out += ']';
                open.pop_back();
                continue;
            }
            if (top.next > 0) out += ',';
            pending = &array[top.next++];
        } else {
            const auto& object = top.container->get_object();
            if (top.next == object.size()) {
                out += '}';
                open.pop_back();
                continue;
            }
            if (top.next > 0) out += ',';
            const auto& member = *(object.begin() + static_cast<std::ptrdiff_t>(top.next++));
            out += json::serialize(json::string_view(member.key()));
            out += ':';
            pending = &member.value();
        }
    }
    return out;
}

}  // namespace talksearch::http
