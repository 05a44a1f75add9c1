#pragma once
// Gzip-compressed input, as crawlers and archives store pages and feeds ("page.html.gz",
// "feed.jsonl.gz"), read as a stream so that a large feed is never held whole.

#include <filesystem>
#include <istream>
#include <memory>
#include <stdexcept>

namespace talksearch::indexer {

// A corrupt or truncated gzip stream; what() says what zlib found.
class GzipError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Whether the file's name ends in ".gz", in any case.
bool is_gzip_name(const std::filesystem::path& path);

// The decompressed bytes of a gzip file, member after member. A file that holds no gzip data
// is read as it is (zlib's rule: a name can promise more than the file holds). Reading a corrupt
// or truncated stream throws GzipError out of the stream's read functions.
class GzipInput : public std::istream {
  public:
    explicit GzipInput(const std::filesystem::path& path);
    ~GzipInput() override;
    GzipInput(const GzipInput&) = delete;
    GzipInput& operator=(const GzipInput&) = delete;

    // False when the file could not be opened (errno says why).
    bool is_open() const;

  private:
    class Buffer;
    std::unique_ptr<Buffer> buffer_;
};

}  // namespace talksearch::indexer
