#include "indexer/document_builder.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "common/cached_stemmer.h"
#include "common/dates.h"
#include "common/facet_set.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/article_people.h"
#include "indexer/name_exclusions.h"
#include "indexer/name_words.h"
#include "indexer/tokenizer.h"
#include "indexer/url_host.h"

namespace talksearch::indexer {
namespace {

constexpr std::array<const char*, 2> kFields{"title", "body"};

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string body;
    for (const auto& paragraph : paragraphs) {
        if (!body.empty()) body += "\n\n";
        body += paragraph;
    }
    return body;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const Catalog& catalog, const EntityMatcher& matcher)
    : catalog_(catalog),
      matcher_(matcher),
      person_finder_(GivenNames::bundled()),
      person_variants_(catalog),
      stemmer_(new CachedStemmer(catalog, true)) {
    // The stemmed words alone, with positions: phrases match stem by stem, as with
    // Elasticsearch's english and russian analyzers. Indexing each word also as written (STEM_SOME)
    // costs 60% more; the words as written are kept once per database, in the spelling data.
    term_generator_.set_stemmer(Xapian::Stem(stemmer_));
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
}

BuiltArticle DocumentBuilder::build(const ParsedArticle& parsed, const CleanArticle& clean) {
    BuiltArticle built;
    auto& stored = built.stored;
    stored.id = parsed.id;
    stored.title = clean.title;
    stored.body = join_paragraphs(clean.paragraphs);
    stored.file = parsed.file;
    if (parsed.source) stored.source = normalize_spaces(*parsed.source);
    if (parsed.url) stored.url = normalize_spaces(*parsed.url);
    if (parsed.author) stored.author = normalize_spaces(*parsed.author);
    if (parsed.language) stored.language = normalize_spaces(*parsed.language);
    for (auto* field : {&stored.source, &stored.url, &stored.author, &stored.language}) {
        if (*field && (*field)->empty()) field->reset();
    }
    // A page that names no site comes from its URL's host, as the source facet lists it.
    if (!stored.source && stored.url) {
        if (auto host = url_host(*stored.url); !host.empty()) stored.source = std::move(host);
    }
    std::optional<Date> date;
    if (parsed.date) {
        // As feeds write dates ("2025-05-16T09:30:00Z", "Tue, 20 May 2025 08:41:00 +0000",
        // "May 18, 2025"), and only those a publication can have: a year 1 or 2099 would top
        // the newest first and stretch the date chart over centuries.
        const auto written = normalize_spaces(*parsed.date);
        date = parse_iso_date(written);
        if (!date) date = find_written_date(written);
        if (!date) {
            built.warnings.push_back(
                fmt::format("date '{}' is not a date; indexed undated", *parsed.date));
        } else if (!is_plausible_publication_date(*date, today_utc())) {
            built.warnings.push_back(fmt::format(
                "date '{}' is before 1990 or in the future; indexed undated", *parsed.date));
            date.reset();
        } else {
            stored.date = date->iso();
        }
    }

    StageClock clock;
    // Each text is split into words once, for the story signature, the matcher and the person
    // finder. The story itself depends on the database, and is added by the index writer.
    auto title_words = split_words(stored.title);
    auto body_words = split_words(stored.body);
    built.signature = story_signature_of(body_words);
    if (built.signature) {
        built.document.add_value(schema::kSlotStorySignature, encode_signature(*built.signature));
    }
    built.times.stories = clock.lap();

    // Entities, in order of first mention, each with all its mentions.
    std::map<const Entity*, std::size_t> entity_index;
    std::vector<FieldSpan> spans;  // where each mention is, in bytes, for the people below
    std::vector<std::size_t> span_entity;
    auto add_mentions = [&](std::size_t field_index, std::string_view text,
                            const std::vector<Word>& words) {
        CodePointCursor cursor(text);
        // A credit's places are where the reporter was: "(Reporting by Anna Smith in Melbourne)".
        const auto credits = credit_paragraphs(text, words);
        auto in_credit = [&](std::size_t byte) {
            return std::any_of(credits.begin(), credits.end(), [&](const auto& credit) {
                return byte >= credit.first && byte < credit.second;
            });
        };
        const auto mentions = matcher_.find(text, words);
        std::vector<std::size_t> mention_begins;
        for (const auto& mention : mentions) mention_begins.push_back(mention.begin);
        std::sort(mention_begins.begin(), mention_begins.end());
        const auto& given_names = GivenNames::bundled();
        // The index of the word a mention begins with, or words.size().
        auto first_word = [&](const EntityMention& mention) {
            return static_cast<std::size_t>(
                std::lower_bound(
                    words.begin(), words.end(), mention.begin,
                    [](const Word& word, std::size_t begin) { return word.begin < begin; }) -
                words.begin());
        };
        auto named = [&](std::size_t k) {
            return std::binary_search(mention_begins.begin(), mention_begins.end(), words[k].begin);
        };
        // "Graham Slattery", "Oleksiy Kuleba": a catalogue surname alone that opens or closes
        // another, uncatalogued name.
        auto opens_another_person = [&](const EntityMention& mention) {
            if (mention.entity->type != EntityType::person) return false;
            const auto k = first_word(mention);
            if (k == words.size() || words[k].end != mention.end) return false;  // one word only
            const bool next_named = k + 1 < words.size() && named(k + 1);
            const bool previous_named = k > 0 && named(k - 1);
            if (!next_named && opens_another_name(text, words, k, given_names)) return true;
            if (previous_named ||
                !closes_another_name(text, words, k, given_names, mention.entity->forms)) {
                return false;
            }
            // "Andrey Gnatov" is Andriy Hnatov spelt another way, not someone else.
            const auto full = text.substr(words[k - 1].begin, words[k].end - words[k - 1].begin);
            return person_variants_.match(full) != mention.entity;
        };
        // "Oleksiy Kamyshin": a place only the gazetteer knows, right after a capitalised given
        // name, is a surname. The catalogue's places are spared: "Will Kyiv hold?"
        auto is_surname_of_another = [&](const EntityMention& mention) {
            if (!mention.entity->from_gazetteer) return false;
            const auto k = first_word(mention);
            return k < words.size() && follows_given_name(text, words, k, given_names) &&
                   !name_words::function_words().contains(words[k - 1].folded) && !named(k - 1);
        };
        // "Vladimir Kara-Murza", "Victoria Nuland": a place only the gazetteer knows, one word
        // that is a given name, opening a capitalised name no other mention takes, is that
        // person's given name.
        auto is_given_name_of_another = [&](const EntityMention& mention) {
            if (!mention.entity->from_gazetteer) return false;
            const auto k = first_word(mention);
            return k < words.size() && words[k].end == mention.end &&
                   opens_another_name(text, words, k, given_names) && !named(k + 1);
        };
        for (const auto& mention : mentions) {
            if (in_credit(mention.begin) || opens_another_person(mention) ||
                is_surname_of_another(mention) || is_given_name_of_another(mention)) {
                continue;
            }
            auto [it, inserted] = entity_index.emplace(mention.entity, stored.entities.size());
            if (inserted) {
                stored.entities.push_back(
                    ArticleEntity{mention.entity->name,
                                  std::string(to_string(mention.entity->type)),
                                  mention.entity->roles_on(stored.date.value_or("")),
                                  {}});
            }
            const auto start = cursor.at(mention.begin);
            stored.entities[it->second].mentions.push_back(
                Mention{kFields[field_index], start, cursor.at(mention.end)});
            spans.push_back(FieldSpan{field_index, mention.begin, mention.end});
            span_entity.push_back(it->second);
        }
    };
    add_mentions(0, stored.title, title_words);
    add_mentions(1, stored.body, body_words);
    // Built in place: a list initialiser would copy every token.
    std::vector<TokenizedText> fields;
    fields.reserve(2);
    fields.push_back(tokenize(stored.title, std::move(title_words)));
    fields.push_back(tokenize(stored.body, std::move(body_words)));
    add_people(catalog_, person_finder_, person_variants_, stored, fields, spans, span_entity);
    built.times.entities = clock.lap();

    // Terms: the title twice (prefixed for title: searches, and weighted in free text).
    Xapian::Document& document = built.document;
    term_generator_.set_document(document);
    stemmer_->take_words();  // left over if a previous build failed
    term_generator_.index_text(stored.title, 1, std::string(schema::kTitlePrefix));
    term_generator_.index_text(stored.title, kTitleWeight);
    for (const auto& paragraph : clean.paragraphs) {
        term_generator_.increase_termpos();
        term_generator_.index_text(paragraph);
    }
    built.words = stemmer_->take_words();
    document.add_boolean_term(schema::id_term(stored.id));
    // Dates are filtered and counted from these slots, not from terms.
    if (date) {
        const auto iso = date->iso();
        document.add_value(schema::kSlotDate, iso);
        document.add_value(schema::kSlotDateAscending, iso);
        document.add_value(schema::kSlotMonth, date->iso_month());
    } else {
        document.add_value(schema::kSlotDateAscending, "~");
    }

    // The site the article comes from is an entity of the article, under the catalogue's name
    // for it where the catalogue knows it ("AP" for "Associated Press"), named nowhere in its text.
    // A "source" longer than a site's name is stored, but no facet value: its filter term would
    // be longer than the index allows.
    constexpr std::size_t kMaxSourceBytes = 100;
    if (stored.source && stored.source->size() <= kMaxSourceBytes) {
        const auto* known = catalog_.find(*stored.source);
        const bool is_source = known && known->type == EntityType::source;
        stored.entities.push_back(ArticleEntity{is_source ? known->name : *stored.source,
                                                std::string(to_string(EntityType::source)),
                                                {},
                                                {}});
    }

    // Facets: a sorted value set per slot for counting, and terms for filtering whose wdf is the
    // entity's mentions, weighted as the title's words are, so that a search for a name or an
    // acronym ranks by how much an article is about the entity. A site, named nowhere in the
    // text, is a boolean term.
    std::map<schema::Facet, std::vector<std::string>> facet_values;
    for (const auto& entity : stored.entities) {
        // An uncatalogued person's key is made as the catalogue makes its keys.
        const auto key = fold_case(entity.name);
        Xapian::termcount mentions = 0;
        for (const auto& mention : entity.mentions) {
            mentions += mention.field == kFields[0] ? kTitleWeight : 1;
        }
        for (const auto facet : facets_for(*entity_type_from_name(entity.type), entity.roles)) {
            facet_values[facet].push_back(entity.name);
            document.add_term(schema::facet_term(facet, key), mentions);
        }
    }
    for (auto& [facet, values] : facet_values) {
        document.add_value(schema::facet_info(facet).slot, encode_facet_set(std::move(values)));
    }

    const auto data = serialize(stored);
    document.set_data(data);
    auto seed = stable_hash(catalog_.fingerprint() + std::to_string(schema::kSchemaVersion));
    // Only Cyrillic words go through the Ukrainian dictionary and Russian stemming: English
    // articles keep their fingerprint, and need not wait for the dictionary, when they change.
    if (has_cyrillic(data)) seed = stable_hash(std::to_string(cyrillic_stemming_digest()), seed);
    built.fingerprint = fmt::format("{:016x}", stable_hash(data, seed));
    document.add_value(schema::kSlotContentHash, built.fingerprint);
    built.times.terms = clock.lap();
    return built;
}

BuiltArticle DocumentBuilder::build(const ParsedArticle& parsed, const CleanArticle& clean,
                                    const Provenance& provenance) {
    auto built = build(parsed, clean);
    add_provenance(built.document, provenance);
    return built;
}

void add_provenance(Xapian::Document& document, const Provenance& provenance) {
    document.add_boolean_term(schema::file_term(provenance.file_key));
    document.add_boolean_term(schema::root_term(provenance.root_key));
}

}  // namespace talksearch::indexer
