#pragma once
// Turns a parsed article into clean text: one headline and the article's own paragraphs, without
// site chrome, trailers, repeats, stray foreign-language lines or Markdown emphasis.

#include <string>
#include <vector>

#include "indexer/parsed_article.h"

namespace talksearch::indexer {

struct CleanArticle {
    std::string title;
    std::vector<std::string> paragraphs;
};

CleanArticle clean(const ParsedArticle& article);

// Unicode spaces normalised and inline Markdown emphasis (**bold**, __bold__) removed.
std::string clean_line(std::string_view line);

}  // namespace talksearch::indexer
