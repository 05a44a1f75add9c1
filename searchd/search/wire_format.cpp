#include "searchd/search/wire_format.h"

#include <xapian.h>

namespace talksearch::search::wire {

void put_number(std::string& out, std::uint64_t number) {
    while (number >= 0x80) {
        out.push_back(static_cast<char>((number & 0x7F) | 0x80));
        number >>= 7;
    }
    out.push_back(static_cast<char>(number));
}

void put_string(std::string& out, std::string_view text) {
    put_number(out, text.size());
    out += text;
}

std::uint64_t Reader::number() {
    std::uint64_t number = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at_ == end_) malformed();
        const auto byte = static_cast<unsigned char>(*at_++);
        number |= std::uint64_t{byte & 0x7FU} << shift;
        if ((byte & 0x80U) == 0) return number;
    }
    malformed();
}

std::uint32_t Reader::number32() {
    const auto value = number();
    if (value > 0xFFFFFFFFU) malformed();
    return static_cast<std::uint32_t>(value);
}

std::string Reader::string() {
    const auto length = number();
    if (length > static_cast<std::uint64_t>(end_ - at_)) malformed();
    std::string text(at_, static_cast<std::size_t>(length));
    at_ += length;
    return text;
}

std::size_t Reader::items() {
    const auto count = number();
    if (count > static_cast<std::uint64_t>(end_ - at_)) malformed();
    return static_cast<std::size_t>(count);
}

void Reader::finish() const {
    if (at_ != end_) malformed();
}

void Reader::malformed() const {
    throw Xapian::SerialisationError("malformed " + std::string(what_) + " data");
}

}  // namespace talksearch::search::wire
