#include "indexer/article_sink.h"

#include <fmt/format.h>

#include "common/text.h"
#include "indexer/cleaner.h"
#include "indexer/exception_message.h"

namespace talksearch::indexer {

ArticleSink::ArticleSink(const SinkContext& context, const std::filesystem::path& database,
                         WriterMode mode, WordFrequencies* spelling_words, StoryIndex* stories)
    : context_(context),
      builder_(context.catalog, context.matcher),
      writer_(database,
              mode == WriterMode::fresh_part ? kPartBatchSize : context.options.batch_size, mode,
              spelling_words, stories, context.options.kept_stories) {}

bool ArticleSink::admit(const ParsedArticle& parsed, const std::string& display) {
    auto& reporter = context_.reporter;
    // The id and the file's path are stored as JSON text, which must be UTF-8: a name in another
    // encoding (Latin-1's "caf\xe9.txt") would make the stored article unreadable.
    if (!is_valid_utf8(parsed.id) || !is_valid_utf8(parsed.file)) {
        reporter.skip(repair_utf8(display), parsed.line,
                      is_valid_utf8(parsed.file) ? "id is not valid UTF-8"
                                                 : "file name is not valid UTF-8; rename the file",
                      "bad id");
        return false;
    }
    if (parsed.id.size() > kMaxIdBytes) {
        reporter.skip(display, parsed.line, fmt::format("id is longer than {} bytes", kMaxIdBytes),
                      "bad id");
        return false;
    }
    std::size_t bytes = parsed.title.size();
    for (const auto& block : parsed.blocks) bytes += block.size();
    if (bytes > context_.options.max_article_bytes) {
        reporter.skip(display, parsed.line, "article text is over the size limit", "too large");
        return false;
    }
    if (!reporter.claim_id(parsed.id)) {
        reporter.skip(display, parsed.line,
                      fmt::format("id '{}' appears twice in this run", parsed.id), "duplicate id");
        return false;
    }
    return true;
}

void ArticleSink::index(ParsedArticle parsed, const SourceFile& file) {
    auto& reporter = context_.reporter;
    const auto display = file.path.string();
    const std::size_t line = parsed.line;
    if (!admit(parsed, display)) return;
    BuiltArticle built;
    StageClock clock;
    Seconds cleaning{};
    try {
        const auto clean_article = clean(parsed);
        cleaning = clock.lap();
        if (clean_article.title.empty() && clean_article.paragraphs.empty()) {
            reporter.skip(display, line, "no text left after cleaning", "empty");
            return;
        }
        built = builder_.build(parsed, clean_article, {file.root_key, file_key(file)});
        clock.lap();
    } catch (...) {
        reporter.skip(display, line,
                      fmt::format("cannot be indexed: {}", current_exception_message()), "failed");
        return;
    }
    for (const auto& warning : built.warnings) reporter.note(display, line, warning);
    std::string owner;
    PutOutcome outcome;
    const auto stories_before_writing = built.times.stories;
    try {
        outcome = writer_.put(std::move(built), &owner);
    } catch (const RejectedArticle& error) {
        reporter.skip(display, line, error.what(), "unwritable");
        return;
    }
    if (outcome == PutOutcome::duplicate_id) {
        refused_ids_.push_back(parsed.id);
        reporter.skip(display, line, fmt::format("id '{}' already belongs to {}", parsed.id, owner),
                      "duplicate id");
        return;
    }
    auto times = built.times;
    times.cleaning = cleaning;
    times.writing = clock.lap() - (times.stories - stories_before_writing);
    reporter.count(outcome, times);
}

}  // namespace talksearch::indexer
