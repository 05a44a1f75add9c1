#include "indexer/exception_message.h"

#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

using talksearch::indexer::current_exception_message;

namespace {

template <typename Throw>
std::string message_of(Throw&& throw_it) {
    try {
        throw_it();
    } catch (...) {
        return current_exception_message();
    }
    return "nothing thrown";
}

}  // namespace

TEST_CASE("the exception in flight is described whatever its type", "[exception_message]") {
    CHECK(message_of([] { throw std::runtime_error("bad bytes"); }) == "bad bytes");
    CHECK(message_of([] { throw std::bad_alloc(); }) == "out of memory");
    CHECK(message_of([] { throw 42; }) == "an unknown error");
    const auto xapian = message_of([] { throw Xapian::DatabaseCorruptError("broken table"); });
    CHECK_THAT(xapian, Catch::Contains("DatabaseCorruptError") && Catch::Contains("broken table"));
}
