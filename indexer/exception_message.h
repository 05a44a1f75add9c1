#pragma once
// What the exception in flight says, whatever its type. A run catches everything that one file
// or one article throws, so that one bad input cannot stop it, and names the cause in the
// warning line; Xapian's errors are not std::exceptions, and carry their text elsewhere.

#include <string>

namespace talksearch::indexer {

// Only inside a catch block: the Xapian error's description, "out of memory" for bad_alloc,
// what() of a std::exception, or "an unknown error".
std::string current_exception_message();

}  // namespace talksearch::indexer
