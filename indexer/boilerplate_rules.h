#pragma once
// The rules that tell site chrome from article text, all in one place. Each is a plain list;
// extend them when a new source brings new furniture.

#include <string_view>

namespace talksearch::indexer {

// A line that is never article text, wherever it appears: "3 min read", "Site Home|News",
// share, follow and sign-up prompts, cookie banners, generated-content disclaimers, another
// article's headline shouted in capitals.
bool is_chrome_line(std::string_view line);

// A site's tags in title case, broken off after their last comma: "Putin, Zelensky,". No
// sentence ends with a comma, and every word of every item is capitalised. So may a line of a
// hard-wrapped paragraph be: the cleaner asks the lines around it.
bool is_broken_tag_list(std::string_view line);

// A teaser label standing alone, over other articles' headlines: "Read also", "DON'T MISS",
// "See also". It is chrome too.
bool is_teaser_label(std::string_view line);

// A line after which the rest is trailer: "Comments", "Related Articles", "More posts:", "Tags".
bool starts_trailer(std::string_view line);

// A trailer heading that pages also set over a teaser inside the article: "Read more".
bool may_head_inline_box(std::string_view line);
// A count of comments: "One Comment", "12 comments", "3 thoughts on "Mayor abducted"", "No
// responses yet". After the text, the comment section's heading; before it, a line of the
// article's details beside its byline ("0 comment").
bool is_comment_count(std::string_view line);

// A paragraph in a language other than English (the bundled sources are English; a translated
// headline or caption in another language is noise for an English index).
bool is_other_language(std::string_view paragraph);

// Whole-line Markdown emphasis, as some sources mark their headline: "**Headline**".
bool is_emphasised_line(std::string_view line);

}  // namespace talksearch::indexer
