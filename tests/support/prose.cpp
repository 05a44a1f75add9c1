#include "tests/support/prose.h"

#include <array>
#include <cstdint>

namespace talksearch::testing {

std::string prose(unsigned key, int count) {
    static constexpr std::array<const char*, 32> kWords{
        "ceasefire", "delegation", "envoy",    "summit",    "corridor", "prisoner",  "exchange",
        "grain",     "port",       "drone",    "missile",   "treaty",   "sanctions", "mediator",
        "council",   "minister",   "convoy",   "bridge",    "harbour",  "refinery",  "pipeline",
        "airfield",  "brigade",    "energy",   "embassy",   "mission",  "proposal",  "framework",
        "reactor",   "substation", "shelters", "volunteers"};
    std::string words;
    // A linear congruential generator seeded by the key: the same words on every platform.
    std::uint32_t state = key * 2654435761U + 1;
    for (int word = 0; word < count; ++word) {
        state = state * 1664525U + 1013904223U;
        if (!words.empty()) words += ' ';
        words += kWords[(state >> 16) % kWords.size()];
    }
    return words;
}

}  // namespace talksearch::testing
