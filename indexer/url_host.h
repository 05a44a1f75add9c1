#pragma once
// The host a URL names: the site an article comes from when its page gives no site name, and the
// name sites put into their titles.

#include <string>
#include <string_view>

namespace talksearch::indexer {

// The host of a URL with a scheme, in lower case, without the user, the port, a final dot or a
// leading "www.": "https://www.Reuters.com:443/world" -> "reuters.com". Empty when the URL has no
// "scheme://" or no host ("file:///tmp/a.html").
std::string url_host(std::string_view url);

}  // namespace talksearch::indexer
