#include "searchd/http/static_files.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "tests/support/temp_index.h"

using namespace talksearch::http;
using talksearch::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("files inside the root are served with their content type", "[static_files]") {
    TempDir dir;
    dir.write("web/index.html", "<h1>ui</h1>");
    dir.write("web/app.js", "console.log(1)");
    dir.write("web/sub/index.html", "sub");
    const StaticFiles files(dir.path() / "web");
    const auto [path, body, type] = GENERATE(table<std::string, std::string, std::string>({
        {"/", "<h1>ui</h1>", "text/html; charset=utf-8"},
        {"/index.html", "<h1>ui</h1>", "text/html; charset=utf-8"},
        {"/app.js", "console.log(1)", "text/javascript; charset=utf-8"},
        {"/sub/", "sub", "text/html; charset=utf-8"},
        {"/sub", "sub", "text/html; charset=utf-8"},
        {"/sub/../app.js", "console.log(1)", "text/javascript; charset=utf-8"},
    }));
    CAPTURE(path);
    const auto file = files.find(path);
    REQUIRE(file);
    CHECK(file->body == body);
    CHECK(file->content_type == type);
}

TEST_CASE("no request path leaves the root", "[static_files]") {
    TempDir dir;
    dir.write("web/index.html", "ui");
    dir.write("secret.txt", "secret");
    dir.write("web2/x.txt", "sibling");
    fs::create_directories(dir.path() / "web" / "sub");
    fs::create_symlink(dir.path() / "secret.txt", dir.path() / "web" / "link.txt");
    fs::create_directory_symlink(dir.path(), dir.path() / "web" / "up");
    const StaticFiles files(dir.path() / "web");
    const std::string path =
        GENERATE("/../secret.txt", "/../../etc/passwd", "/sub/../../secret.txt", "/..",
                 "/../web2/x.txt", "/link.txt", "/up/secret.txt", "/missing.js", "", "relative.txt",
                 std::string("/in\0dex.html", 12), "//etc/passwd");
    CAPTURE(path);
    CHECK_FALSE(files.find(path));
}

TEST_CASE("content types by extension", "[static_files]") {
    CHECK(content_type_for("a.css") == "text/css; charset=utf-8");
    CHECK(content_type_for("a.svg") == "image/svg+xml");
    CHECK(content_type_for("a.bin") == "application/octet-stream");
}
