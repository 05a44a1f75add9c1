// The request target (percent-decoding, UTF-8, repeated keys) and the /api/search parameters
// built from it. ApiError and SearchError are the answers to a bad request; anything else
// escaping is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "searchd/http/api_error.h"
#include "searchd/http/request_target.h"
#include "searchd/http/search_params.h"
#include "searchd/search/search_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace talksearch;
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    try {
        const auto target = http::parse_target(raw);
        target.value("page");
        http::to_search_request(target);
    } catch (const http::ApiError&) {
    } catch (const search::SearchError&) {
    }
    return 0;
}
