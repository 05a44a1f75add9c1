#pragma once
// JSON text of a Boost.JSON value, as json::serialize writes it except for doubles: Boost 1.81
// writes every double with an exponent ("3.81E0"), where clients and the API's examples expect
// the shortest decimal that reads back as the same number ("3.81").

#include <string>

#include <boost/json/value.hpp>

namespace talksearch::http {

std::string json_text(const boost::json::value& value);

}  // namespace talksearch::http
