#include "indexer/gzip_input.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <string>
#include <string_view>
#include <zlib.h>

#include <fmt/format.h>

#include "indexer/ascii_case.h"

namespace talksearch::indexer {

class GzipInput::Buffer : public std::streambuf {
  public:
    explicit Buffer(const std::filesystem::path& path)
        : path_(path.string()), file_(gzopen(path.c_str(), "rb")) {
        if (file_) gzbuffer(file_, kChunk);
    }
    ~Buffer() override {
        if (file_) gzclose_r(file_);
    }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    bool is_open() const { return file_ != nullptr; }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (!file_) return traits_type::eof();
        const int read = gzread(file_, data_.data(), static_cast<unsigned>(data_.size()));
        int code = Z_OK;
        const char* message = gzerror(file_, &code);
        // A truncated stream ends with what could be read and Z_BUF_ERROR: an error, not an end.
        if (read < 0 || (code != Z_OK && code != Z_STREAM_END)) {
            if (code == Z_ERRNO) throw GzipError(std::strerror(errno));
            // zlib puts the file's path before its message; the reader's warning names it already.
            std::string_view text = message ? message : "gzip error";
            if (text.starts_with(path_) && text.substr(path_.size()).starts_with(": ")) {
                text.remove_prefix(path_.size() + 2);
            }
            throw GzipError(std::string(text));
        }
        if (read == 0) return traits_type::eof();
        setg(data_.data(), data_.data(), data_.data() + read);
        return traits_type::to_int_type(*gptr());
    }

  private:
    static constexpr unsigned kChunk = 1 << 16;
    std::string path_;
    gzFile file_;
    std::array<char, kChunk> data_{};
};

bool is_gzip_name(const std::filesystem::path& path) {
    return lower_ascii(path.extension().string()) == ".gz";
}

GzipInput::GzipInput(const std::filesystem::path& path)
    : std::istream(nullptr), buffer_(std::make_unique<Buffer>(path)) {
    rdbuf(buffer_.get());
    // The buffer's GzipError leaves the read functions rather than only setting badbit: the
    // reader then tells what was wrong with the file.
    exceptions(std::ios::badbit);
    if (!buffer_->is_open()) setstate(std::ios::failbit);
}

GzipInput::~GzipInput() = default;

bool GzipInput::is_open() const { return buffer_->is_open(); }

}  // namespace talksearch::indexer
