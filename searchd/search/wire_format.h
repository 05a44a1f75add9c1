#pragma once
// How the project's classes on a shard server (shard_counting_spy.h, spelling_spy.h) write what
// they send over Xapian's remote protocol: numbers as 7 bits a byte, low first; strings as their
// length, then their bytes. Whatever a peer sends is read with every length checked.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace talksearch::search::wire {

void put_number(std::string& out, std::uint64_t number);
void put_string(std::string& out, std::string_view text);

class Reader {
  public:
    // `what` names the data in the error thrown for malformed input (Xapian::SerialisationError).
    Reader(const std::string& text, std::string_view what)
        : at_(text.data()), end_(text.data() + text.size()), what_(what) {}

    std::uint64_t number();
    std::uint32_t number32();
    std::string string();
    // A count of items each taking at least a byte: no more than the bytes left.
    std::size_t items();
    // Throws unless every byte was read.
    void finish() const;
    [[noreturn]] void malformed() const;

  private:
    const char* at_;
    const char* end_;
    std::string_view what_;
};

}  // namespace talksearch::search::wire
