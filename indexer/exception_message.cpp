#include "indexer/exception_message.h"

#include <exception>
#include <new>

#include <xapian.h>

namespace talksearch::indexer {

std::string current_exception_message() {
    try {
        throw;
    } catch (const Xapian::Error& error) {
        return error.get_description();
    } catch (const std::bad_alloc&) {
        return "out of memory";
    } catch (const std::exception& error) {
        return error.what();
    } catch (...) {
        return "an unknown error";
    }
}

}  // namespace talksearch::indexer
