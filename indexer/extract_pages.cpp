// extract-pages: runs the HTML reader and the cleaner on each file given and prints, one JSON
// object a line, what the indexer would store (title, date, source, url, body). The CPU time
// spent reading and cleaning (not the file I/O, nor waiting for a core another program holds)
// goes to stderr, for scripts/bench-extraction.

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json.hpp>

#include "common/dates.h"
#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/readers.h"

namespace {

// This thread's CPU time: on a shared machine, wall time also counts the other programs' turns.
std::chrono::nanoseconds thread_cpu_time() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace talksearch;
    using namespace talksearch::indexer;
    if (argc < 2) {
        std::cerr << "usage: extract-pages FILE.html...\n";
        return 2;
    }
    std::chrono::nanoseconds spent{0};
    std::size_t bytes = 0;
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string content = repair_utf8(buffer.str());
        bytes += content.size();
        boost::json::object out;
        out["file"] = argv[i];
        const auto start = thread_cpu_time();
        try {
            const auto parsed = read_html(content, argv[i], argv[i]);
            const auto cleaned = clean(parsed);
            spent += thread_cpu_time() - start;
            out["title"] = cleaned.title;
            const auto date = parsed.date ? parse_iso_date(*parsed.date) : std::nullopt;
            out["date"] = date ? boost::json::value(date->iso()) : boost::json::value(nullptr);
            out["source"] = parsed.source ? boost::json::value(*parsed.source) : nullptr;
            out["url"] = parsed.url ? boost::json::value(*parsed.url) : nullptr;
            std::string body;
            for (const auto& paragraph : cleaned.paragraphs) {
                if (!body.empty()) body += "\n\n";
                body += paragraph;
            }
            out["body"] = body;
        } catch (const std::exception& error) {
            spent += thread_cpu_time() - start;
            out["error"] = error.what();
            ++failures;
        }
        std::cout << boost::json::serialize(out) << '\n';
    }
    const double seconds = std::chrono::duration<double>(spent).count();
    std::cerr << "pages " << argc - 1 << " bytes " << bytes << " seconds " << seconds << '\n';
    return failures ? 1 : 0;
}
