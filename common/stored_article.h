#pragma once
// What the index keeps of each article as Xapian document data (JSON): everything searchd needs to
// show a result or the article view without re-reading the source file.

#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace talksearch {

// Offsets are in Unicode code points into the field's text, so any client language can slice.
struct Mention {
    std::string field;  // "title" or "body"
    std::size_t start = 0;
    std::size_t end = 0;
};

struct ArticleEntity {
    std::string name;  // canonical name
    std::string type;  // city, region, country, person, organisation
    std::vector<std::string> roles;
    std::vector<Mention> mentions;
};

struct StoredArticle {
    std::string id;
    std::string title;
    std::string body;                 // cleaned paragraphs separated by blank lines
    std::optional<std::string> date;  // YYYY-MM-DD
    std::optional<std::string> source;
    std::optional<std::string> url;
    std::optional<std::string> author;    // as the page names them
    std::optional<std::string> language;  // the page's declared language (BCP 47)
    std::string file;  // the source file, relative to the folder it was indexed from
    std::vector<ArticleEntity> entities;
};

std::string serialize(const StoredArticle& article);
// Throws std::runtime_error when `data` is not a stored article.
StoredArticle deserialize_article(std::string_view data);

}  // namespace talksearch
