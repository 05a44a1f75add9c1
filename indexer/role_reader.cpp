#include "indexer/role_reader.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <unordered_set>

#include "common/text.h"
#include "indexer/name_words.h"

namespace talksearch::indexer {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool in(const WordSet& set, std::string_view key) { return set.contains(key); }
bool separates(Break b) { return b != Break::space && b != Break::join; }
bool starts_with(std::string_view key, std::string_view prefix) {
    return key.substr(0, prefix.size()) == prefix;
}

// Whether `key` starts with one of `stems`: a Ukrainian or Russian word known by the stem its
// cases and tenses share.
template <std::size_t N>
bool has_stem(std::string_view key, const std::string_view (&stems)[N]) {
    return std::any_of(std::begin(stems), std::end(stems),
                       [&](std::string_view stem) { return starts_with(key, stem); });
}

// Nouns a sentence names the talks by: "the talks", "their meeting", "the negotiations".
bool names_the_talks(std::string_view key) {
    return key == "talks" || key == "meeting" || key == "meetings" ||
           starts_with(key, "negotiation");
}

// The same nouns in Ukrainian and Russian, by the stems their cases share: talks (переговори,
// переговоров), delegation (делегація, делегации), envoy (посланець, посланник and their
// спец- forms), summit (саміт, саммит), mediator and mediation (посередник, посредничество).
// Stems, not prefixes of any length: "послання" is a message, not an envoy.
bool is_cyrillic_talks_word(std::string_view key) {
    static constexpr std::string_view kStems[] = {"переговор", "делегаці",  "делегаци", "посланник",
                                                  "посланец",  "посланець", "посланц",  "саміт",
                                                  "саммит",    "посередни", "посредни"};
    if (starts_with(key, "спец")) key.remove_prefix(std::string_view("спец").size());
    return has_stem(key, kStems);
}

// Nouns of the talks themselves: a text with one is about the talks.
bool is_talks_word(std::string_view key) {
    static const WordSet words{"talks", "delegation", "delegations", "envoy", "envoys", "summit"};
    if (is_cyrillic_word(key)) return is_cyrillic_talks_word(key);
    // The first letter rules out most words before any lookup.
    if (key.empty() || std::string_view("tdesnm").find(key.front()) == std::string_view::npos) {
        return false;
    }
    return in(words, key) || starts_with(key, "negotiat") || starts_with(key, "mediat");
}

// "a peace mission", "the peace process": a text about the effort to end the war is about its
// talks, though it may not name them.
// In Ukrainian and Russian, "peace" is an adjective of the effort's noun, in any case: "мирний
// план", "мирного процесу", "мирное соглашение" (not "мирних жителів", civilians).
bool is_peace_effort(std::string_view key, const Token& next) {
    static const WordSet efforts{"mission",  "plan",    "process",    "initiative", "deal",
                                 "proposal", "efforts", "settlement", "framework"};
    static constexpr std::string_view kCyrillicEfforts[] = {
        "план",    "процес", "угод",  "соглашени", "договор",
        "договір", "місі",   "мисси", "ініціатив", "инициатив"};
    if (separates(next.before)) return false;
    if (starts_with(key, "мирн")) {
        return has_stem(next.key, kCyrillicEfforts);
    }
    return key == "peace" && in(efforts, next.key);
}

// "the grain deal", "the grain export deal", "the Black Sea Grain Initiative", "the signing
// ceremony": an accord the sides of the war negotiated, and a text about it is about its talks.
// Tokens k and on.
bool is_negotiated_accord(const std::vector<Token>& tokens, std::size_t k) {
    static const WordSet accords{"deal", "initiative", "agreement", "accord"};
    const std::string_view key = tokens[k].key;
    if (key == "signing") {
        return k + 1 < tokens.size() && !separates(tokens[k + 1].before) &&
               tokens[k + 1].key == "ceremony";
    }
    if (key != "grain") return false;
    // A noun may stand between: "grain export deal", "grain corridor agreement".
    constexpr std::size_t kReach = 2;
    for (auto j = k + 1; j < tokens.size() && j <= k + kReach; ++j) {
        if (separates(tokens[j].before)) return false;
        if (in(accords, tokens[j].key)) return true;
    }
    return false;
}

// A title or apposition with one of these makes its person a negotiator.
bool is_negotiator_noun(std::string_view key) {
    static const WordSet words{"envoy",      "negotiator", "negotiators", "mediator",
                               "delegation", "delegate",   "go-between",  "intermediary"};
    return in(words, key);
}

// Groups on one side of the table: "the Ukrainian team met ...", "the delegation included ...".
bool is_party_noun(std::string_view key) {
    static const WordSet words{"delegation",  "delegations",  "team",  "side",  "negotiators",
                               "counterpart", "counterparts", "envoy", "envoys"};
    return in(words, key);
}

// A side of the talks in Ukrainian and Russian, in any case: a delegation (делегація, делегации),
// a team (команда; not "командир", a commander), a side (бік, сторона).
bool is_cyrillic_party_noun(std::string_view key) {
    static const WordSet forms{"команда", "команди", "команді",  "команду", "командою",
                               "команды", "команде", "командой", "бік",     "боку",
                               "сторона", "сторони", "стороні",  "сторону", "стороною",
                               "стороны", "стороне", "стороной"};
    // English words are most of the text: the first byte rules them out before any lookup.
    if (!is_cyrillic_word(key)) return false;
    return starts_with(key, "делегаці") || starts_with(key, "делегаци") || in(forms, key);
}

// Verbs of who makes up or heads a side, by their stems: represent (представлятимуть,
// представляют), join (увійдуть, увійшли, войдут, вошли, входять), include (включає, включает),
// head (очолює, очолив, возглавит, возглавил).
bool is_cyrillic_membership_verb(std::string_view key) {
    static constexpr std::string_view kStems[] = {
        "представля", "увійд", "увійшл", "войд",   "вошл",   "входя",  "входят",
        "включа",     "очолю", "очолив", "очолил", "очолит", "возглав"};
    return has_stem(key, kStems);
}

// Verbs that attribute speech in Ukrainian and Russian, by their stems: said (сказав, сказал),
// announced (заявив, заявил), reported (повідомив, сообщил), told (розповів, рассказал), noted
// (зазначив, отметил), stressed (наголосив, подчеркнул), wrote (написав, пишет), added (додав,
// добавил).
bool is_cyrillic_speech_verb(std::string_view key) {
    static constexpr std::string_view kStems[] = {
        "сказа", "заяв",    "повідом",  "сообщ",  "розпов", "рассказ", "зазнач",
        "отмет", "наголос", "подчеркн", "написа", "пише",   "додав",   "добав"};
    return is_cyrillic_word(key) && has_stem(key, kStems);
}

// Where a title before a name ends: a word that belongs to the clause, not the title.
bool ends_title(std::string_view key) {
    static const WordSet words{"with",  "and",  "or",        "by",       "to",       "that",
                               "said",  "says", "told",      "than",     "as",       "from",
                               "on",    "in",   "at",        "after",    "before",   "met",
                               "meets", "such", "including", "included", "includes", "between",
                               "among", "like", "while",     "when",     "whom",     "who"};
    return in(words, key);
}

// Words that may stand between a subject and its verb: "Lavrov also met", "X and Y sat".
bool is_filler_word(std::string_view key) {
    static const WordSet words{"also",         "had",        "has",      "have",       "was",
                               "were",         "is",         "are",      "will",       "would",
                               "then",         "later",      "and",      "personally", "reportedly",
                               "already",      "previously", "minister", "foreign",    "secretary",
                               "of",           "state",      "envoy",    "special",    "deputy",
                               "presidential", "aide",       "national", "security",   "adviser",
                               "advisor",      "today",      "yesterday"};
    return in(words, key);
}

// The subject goes on over names too, with their particles: "Lavrov and Rubio met", "Faisal bin
// Farhan and Musaed bin Muhammad took part".
bool is_subject_filler(const Token& token) {
    return token.capitalised || is_filler_word(token.key) ||
           name_words::particles().contains(token.key);
}

bool is_deputy(std::string_view key) { return key == "deputy" || key == "vice"; }

struct Reading {
    bool negotiating = false;
    bool leader = false;
    // A minister's office below the head of government ("First Deputy Prime Minister", "Defence
    // Minister"): the article's, whatever office the catalogue says the person holds today.
    bool minister = false;
    bool foreign_minister = false;
    bool more_than_quoted = false;  // named other than as the one speaking, or as absent
};

// The sentence around tokens [a, b), as [start, end): bounded like the zones below, so that a
// text without sentence ends stays linear.
struct SentenceBounds {
    std::size_t start = 0;
    std::size_t end = 0;
};

SentenceBounds sentence_around(const std::vector<Token>& tokens, std::size_t a, std::size_t b) {
    auto ends = [&](std::size_t k) {
        return tokens[k].before == Break::sentence || tokens[k].before == Break::paragraph;
    };
    constexpr std::size_t kMaxSentenceWords = 60;
    auto start = a;
    while (start > 0 && a - start < kMaxSentenceWords && !ends(start)) --start;
    auto end = b;
    while (end < tokens.size() && end - b < kMaxSentenceWords && !ends(end)) ++end;
    return {start, end};
}

// Whether the name at tokens [a, b) is the one speaking: "Lavrov said", "Lavrov also said",
// "Rubio, speaking at the conference"; "..., said Foreign Minister Lavrov", a verb opening the
// clause before the title ("Peskov said Lavrov would attend the talks" is Peskov speaking).
bool speaks(const std::vector<Token>& tokens, std::size_t a, std::size_t b,
            const SentenceBounds& sentence) {
    // Two more than the shared verbs of speech, here only: the person finder and the list
    // reading below use that list too, and were not measured with these.
    auto speech = [](std::string_view key) {
        return in(name_words::speech_verbs(), key) || key == "speaking" || key == "suggested";
    };
    constexpr std::size_t kSpeechAfter = 2, kSpeechBefore = 6;
    for (auto k = b; k < sentence.end && k < b + kSpeechAfter; ++k) {
        if (speech(tokens[k].key)) return true;
    }
    for (auto k = a; k > sentence.start && a - k < kSpeechBefore; --k) {
        if (!separates(tokens[k - 1].before)) continue;
        if (speech(tokens[k - 1].key)) return true;
        break;
    }
    return false;
}

// Whether the clause before the name says they are not there: "a delegation headed by Medinsky
// rather than officials such as Lavrov".
bool negated(const std::vector<Token>& tokens, std::size_t a, const SentenceBounds& sentence) {
    constexpr std::size_t kNegationReach = 10;  // about a clause
    for (auto k = std::max(sentence.start, a > kNegationReach ? a - kNegationReach : 0); k < a;
         ++k) {
        const std::string_view key = tokens[k].key;
        if (key == "rather" || key == "instead" || key == "without" || key == "not" ||
            key == "absence") {
            return true;
        }
    }
    return false;
}

// Whether the article names the person at tokens [a, b) other than as the one speaking, and not
// as someone absent: a foreign minister who is only quoted is a person of the article.
bool more_than_quoted(const std::vector<Token>& tokens, std::size_t a, std::size_t b) {
    const auto sentence = sentence_around(tokens, a, b);
    return !speaks(tokens, a, b, sentence) && !negated(tokens, a, sentence);
}

// A verb in the past between a name and the words before it ends the title: "The President
// thanked Yermak" is the president speaking, not Yermak's title. Titles are nouns ("envoy",
// "minister"), so any lower-case word in "-ed" will do.
bool is_past_verb(const Token& token) {
    constexpr std::size_t kMinLength = 4;  // "led", "red" are too short to tell
    return !token.capitalised && token.key.size() >= kMinLength && token.key.ends_with("ed");
}

// Whether a quotation mark stands between tokens k - 1 and k.
bool quote_between(const TokenizedText& field, std::size_t k) {
    const auto& tokens = field.tokens;
    const auto gap = field.text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
    for (const std::string_view mark : {"\"", "\u201c", "\u201d", "\u00ab", "\u00bb"}) {
        if (gap.find(mark) != std::string_view::npos) return true;
    }
    return false;
}

// The title before a name: up to six words back within the clause, stopping at a possessive,
// whose words are another person's ("Trump's special envoy Steve Witkoff"), and at a quotation
// mark, whose words are what someone said ("“... a special envoy,” Hayashi said").
void read_title(const TokenizedText& field, std::size_t a, Reading& reading) {
    const auto& tokens = field.tokens;
    constexpr std::size_t kMaxTitleWords = 6;
    std::vector<std::string_view> title;  // nearest first
    std::size_t k = a;
    for (; k > 0 && a - k < kMaxTitleWords; --k) {
        const auto b = tokens[k].before;
        // "his Foreign Minister, Hakan Fidan": a comma may separate a title from its name, but
        // not another name from it ("President Trump, Steve Witkoff").
        const bool title_before_comma =
            k == a && b == Break::clause &&
            (!tokens[k - 1].capitalised || in(name_words::titles(), tokens[k - 1].key) ||
             in(name_words::institutions(), tokens[k - 1].key));
        if ((separates(b) && !title_before_comma) || quote_between(field, k)) break;
        const auto& token = tokens[k - 1];
        if (token.possessive || ends_title(token.key) || is_past_verb(token)) break;
        title.push_back(token.key);
    }
    // "Borge Brende, president of the WEF, Andriy Yermak": a title between commas after another
    // name is that name's apposition.
    const bool past_comma = a > 0 && tokens[a].before == Break::clause;
    if (past_comma && k > 0 && k < a && tokens[k].before == Break::clause &&
        tokens[k - 1].capitalised) {
        title.clear();
    }
    for (std::size_t i = 0; i < title.size(); ++i) {
        const auto key = title[i];
        const auto before = i + 1 < title.size() ? title[i + 1] : std::string_view{};
        const auto after = i > 0 ? title[i - 1] : std::string_view{};
        if (is_negotiator_noun(key)) reading.negotiating = true;
        // "Head of the Office of the President Kirill Budanov", "aide to the President of the
        // Russian Federation Vladimir Medinsky": the leader is another person, whoever the
        // title's length. title[i + 1] is tokens[a - 2 - i], the word before it tokens[a - 3 - i].
        bool of_the = before == "the" && a >= i + 3 && !separates(tokens[a - 2 - i].before) &&
                      (tokens[a - 3 - i].key == "of" || tokens[a - 3 - i].key == "to");
        // "Aide to the Russian president Vladimir Medinsky": words may stand between the "the"
        // and the leader's title when another title opens the run.
        constexpr std::size_t kMaxBetween = 2;
        // title[j] is tokens[a - 1 - j]; the title may have stopped at the "to".
        for (auto j = i + 2; !of_the && j < title.size() && j <= i + 1 + kMaxBetween; ++j) {
            if (title[j] != "the" || a < j + 3 || separates(tokens[a - 1 - j].before) ||
                separates(tokens[a - 2 - j].before)) {
                continue;
            }
            of_the = (tokens[a - 2 - j].key == "of" || tokens[a - 2 - j].key == "to") &&
                     in(name_words::titles(), tokens[a - 3 - j].key);
        }
        // "Former Chancellor Celso Amorim", "ex-President X": no head now.
        const bool former =
            std::any_of(title.begin() + static_cast<std::ptrdiff_t>(i) + 1, title.end(),
                        [](std::string_view word) { return word == "former" || word == "ex"; });
        if (((key == "president" && !is_deputy(before)) || key == "chancellor" ||
             key == "premier" || key == "king" || key == "emir" ||
             (key == "prime" && after == "minister" && !is_deputy(before))) &&
            !of_the && !former) {
            reading.leader = true;
        }
        // title[i + 2] is the word before "prime": "Deputy Prime Minister" is no head.
        if (key == "minister" &&
            !(before == "prime" && !(i + 2 < title.size() && is_deputy(title[i + 2])))) {
            reading.minister = true;
        }
        const bool deputy = is_deputy(before);
        if (key == "foreign" && (after == "minister" || after == "secretary") && !deputy) {
            reading.foreign_minister = true;
        }
        // "Secretary of State": title holds it nearest first, so "state", "of", "secretary".
        if (key == "secretary" && i >= 2 && title[i - 1] == "of" && title[i - 2] == "state" &&
            !deputy) {
            reading.foreign_minister = true;
        }
    }
}

// An apposition after a name: ", head of the Russian delegation," ", Putin's investment envoy,".
void read_apposition(const std::vector<Token>& tokens, std::size_t b, Reading& reading) {
    if (b >= tokens.size() || tokens[b].before != Break::clause) return;
    constexpr std::size_t kMaxWords = 10;
    for (auto j = b; j < tokens.size() && j < b + kMaxWords; ++j) {
        if (j > b && separates(tokens[j].before)) break;
        if (is_negotiator_noun(tokens[j].key)) reading.negotiating = true;
        const bool deputy = j > b && is_deputy(tokens[j - 1].key);
        if (tokens[j].key == "foreign" && j + 1 < tokens.size() &&
            tokens[j + 1].key == "minister" && !deputy) {
            reading.foreign_minister = true;
        }
    }
}

// A name the sentence's subject is: "Russia's chief negotiator is Vladimir Medinsky",
// "Germany's representative at the peace summit in Geneva is Günter Sautter". The subject, in the
// sentence before "is" or "was", names a negotiator, or in a text about talks a representative.
void read_copula(const std::vector<Token>& tokens, std::size_t a, bool about_talks,
                 Reading& reading) {
    if (a < 2 || separates(tokens[a].before) || separates(tokens[a - 1].before)) return;
    const std::string_view verb = tokens[a - 1].key;
    if (verb != "is" && verb != "was") return;
    constexpr std::size_t kMaxSubjectWords = 12;
    for (auto k = a - 1; k > 0 && a - 1 - k < kMaxSubjectWords; --k) {
        const std::string_view key = tokens[k - 1].key;
        if (is_negotiator_noun(key) ||
            (about_talks && (key == "representative" || key == "representatives"))) {
            reading.negotiating = true;
            return;
        }
        if (tokens[k].before == Break::sentence || tokens[k].before == Break::paragraph) return;
    }
}

// Words after a verb that say where or when, not whom: "met in Guangzhou", "met on Friday".
bool is_place_or_time_word(std::string_view key) {
    static const WordSet words{"in",        "on",        "at",        "for",   "behind",
                               "last",      "yesterday", "today",     "again", "twice",
                               "privately", "briefly",   "separately"};
    return in(words, key);
}

// Whether one of `words` follows `j` within `reach` words of the same clause.
template <typename Predicate>
bool follows(const std::vector<Token>& tokens, std::size_t j, std::size_t reach,
             Predicate predicate) {
    for (auto k = j + 1; k < tokens.size() && k <= j + reach; ++k) {
        if (separates(tokens[k].before)) return false;
        if (predicate(tokens[k].key)) return true;
    }
    return false;
}

// The verb a name is the subject of: "Lavrov sat on the Russian side", "Umerov led the
// delegation", "Witkoff held talks with ...", "Sybiha joined the delegation". The subject may be
// a list of titled names: "Marco Rubio, adviser Mike Waltz and envoy Steve Witkoff held talks".
void read_verb(const std::vector<Token>& tokens, std::size_t a, std::size_t b, bool title_case,
               bool about_talks, Reading& reading) {
    constexpr std::size_t kMaxFiller = 16;
    auto start = b;
    // "Russia's commissioner, Maria Lvova-Belova, announced": the comma after a name between
    // commas closes the apposition, not the clause.
    bool between_commas = a > 0 && tokens[a].before == Break::clause && b < tokens.size() &&
                          tokens[b].before == Break::clause && !tokens[b].capitalised;
    // A title between commas after a name, the comma that closes it followed by a lower-case
    // word (a verb or "and"): where that word is, or `k` itself when no such title starts at k.
    auto past_apposition = [&](std::size_t k) {
        constexpr std::size_t kMaxAppositionWords = 12;
        if (k >= tokens.size() || tokens[k].before != Break::clause) return k;
        auto c = k + 1;
        while (c < tokens.size() && c - k < kMaxAppositionWords && !separates(tokens[c].before)) {
            ++c;
        }
        // The shape first, the lookups only for a clause that closes with a comma and a verb.
        auto titled = [&] {
            return std::any_of(
                tokens.begin() + static_cast<std::ptrdiff_t>(k),
                tokens.begin() + static_cast<std::ptrdiff_t>(c), [](const Token& token) {
                    return in(name_words::titles(), token.key) || is_negotiator_noun(token.key);
                });
        };
        const bool closed = c < tokens.size() && tokens[c].before == Break::clause &&
                            !tokens[c].capitalised && titled();
        return closed ? c : k;
    };
    // "Sonata Coulter, Assistant Secretary of State, led the US delegation": the verb comes
    // after a title between commas.
    if (!between_commas) {
        start = past_apposition(b);
        between_commas = start != b;
    }
    auto j = start;
    bool listed = false;  // a comma went on with a list of names, which an "and" must close
    bool joined = false;  // "X and Y met": an "and" joined another name to the subject
    // The name joined by "and" has its title between commas: "Shoigu and Ukraine's
    // infrastructure minister, Oleksandr Kubrakov, signed"; its second comma ends the subject.
    bool joined_apposition = false;
    // In a headline in title case every word is capitalised: only the filler words are filler.
    auto filler = [&](const Token& token) {
        return title_case ? is_filler_word(token.key) : is_subject_filler(token);
    };
    // The joined name's title in lower case, up to the name: "and Ukraine's infrastructure
    // minister Oleksandr Kubrakov". Returns where the name starts, or `k` itself.
    auto past_lower_case_title = [&](std::size_t k) {
        constexpr std::size_t kMaxTitleWords = 3;
        auto end = k;
        while (end < tokens.size() && end < k + kMaxTitleWords && !tokens[end].capitalised &&
               (end == k || !separates(tokens[end].before))) {
            ++end;
        }
        const bool titled =
            end > k && end < tokens.size() && tokens[end].capitalised &&
            (!separates(tokens[end].before) || tokens[end].before == Break::clause) &&
            in(name_words::titles(), tokens[end - 1].key);
        return titled ? end : k;
    };
    // The joined name has its own title between commas after it: "Rebeca Greenspan, Secretary
    // General of UNCTAD, and Martin Griffiths, head of the UN humanitarian agency, received".
    // Where the word after its closing comma is, once found.
    std::size_t joined_apposition_end = tokens.size();
    // The appositions' words are no filler.
    auto limit = start + kMaxFiller;
    while (j < tokens.size() && j < limit) {
        if (joined && !title_case && joined_apposition_end == tokens.size() &&
            tokens[j].before == Break::clause && !tokens[j].capitalised &&
            tokens[j - 1].capitalised) {
            const auto after = past_apposition(j);
            if (after == j) break;
            limit += after - j;
            j = joined_apposition_end = after;
            continue;
        }
        if (!filler(tokens[j])) {
            const auto name = joined && !title_case && !separates(tokens[j].before)
                                  ? past_lower_case_title(j)
                                  : j;
            if (name == j) break;
            j = name;
        }
        if (tokens[j].before == Break::clause && tokens[j].capitalised) {
            if (joined && !listed && !joined_apposition && j > 0 &&
                in(name_words::titles(), tokens[j - 1].key)) {
                joined_apposition = true;
            } else {
                listed = true;
            }
        } else if (separates(tokens[j].before) && !(j == start && between_commas) &&
                   j != joined_apposition_end) {
            break;
        }
        if (tokens[j].key == "and") {
            listed = false;
            joined = true;
        }
        ++j;
    }
    if (listed) return;
    const bool closes_apposition =
        j == joined_apposition_end || (joined_apposition && j < tokens.size() &&
                                       tokens[j].before == Break::clause && !tokens[j].capitalised);
    if (j >= tokens.size() ||
        (separates(tokens[j].before) && !(j == start && between_commas) && !closes_apposition)) {
        return;
    }
    // What the subject says of their own part: "Rubio had said earlier that he might join the
    // talks". Only a pronoun right after the verb of speech, a time and "that" between: "said
    // the Kremlin would ..." speaks of someone else.
    if (const std::string_view said = tokens[j].key;
        said == "said" || said == "says" || said == "announced" || said == "confirmed") {
        constexpr std::size_t kMaxBetween = 3;  // "earlier that", "on Monday that"
        auto k = j + 1;
        auto between = [](const Token& token) {
            return token.key == "that" || token.key == "earlier" || token.key == "on" ||
                   token.key == "today" || token.key == "yesterday" ||
                   name_words::is_calendar_word(token.key);
        };
        while (k < tokens.size() && k <= j + kMaxBetween && !separates(tokens[k].before) &&
               between(tokens[k])) {
            ++k;
        }
        const bool pronoun = k + 1 < tokens.size() && !separates(tokens[k].before) &&
                             (tokens[k].key == "he" || tokens[k].key == "she");
        if (pronoun) {
            auto verb_at = k + 1;
            auto modal = [](std::string_view key) {
                return key == "would" || key == "will" || key == "might" || key == "could" ||
                       key == "may" || key == "also" || key == "was" || key == "is";
            };
            while (verb_at < tokens.size() && !separates(tokens[verb_at].before) &&
                   modal(tokens[verb_at].key)) {
                ++verb_at;
            }
            if (verb_at < tokens.size() && !separates(tokens[verb_at].before)) j = verb_at;
        }
    }
    // "agreed to attend the meeting", "is to fly to the talks": the verb is the infinitive's.
    {
        const std::string_view key = tokens[j].key;
        const bool to_next = j + 2 < tokens.size() && tokens[j + 1].key == "to" &&
                             !separates(tokens[j + 1].before) && !separates(tokens[j + 2].before);
        if (key == "to" && j + 1 < tokens.size() && !separates(tokens[j + 1].before)) {
            ++j;
        } else if (to_next &&
                   (key == "agreed" || key == "expected" || key == "due" || key == "set" ||
                    key == "scheduled" || key == "plans" || key == "planned" || key == "going" ||
                    // "offered to mediate", "tried to broker a ceasefire", "is ready to host".
                    key == "offered" || key == "offers" || key == "tried" || key == "tries" ||
                    key == "sought" || key == "seeks" || key == "ready" || key == "willing")) {
            j += 2;
        } else if (j + 3 < tokens.size() &&
                   (key == "began" || key == "begun" || key == "made" || key == "launched") &&
                   (tokens[j + 1].key == "moves" || tokens[j + 1].key == "efforts" ||
                    tokens[j + 1].key == "attempts") &&
                   tokens[j + 2].key == "to" &&
                   std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(j + 1),
                                tokens.begin() + static_cast<std::ptrdiff_t>(j + 4),
                                [](const Token& token) { return separates(token.before); })) {
            // "have begun moves to mediate a ceasefire".
            j += 3;
        }
    }
    const auto verb = std::string_view(tokens[j].key);
    // "Discussions" are the talks, and a team or side is a party to them, only in a text about
    // them: elsewhere a team plays football and a side wins a match.
    auto talks = [about_talks](std::string_view key) {
        return key == "talks" || key == "delegation" || key == "consultations" ||
               (about_talks && (key == "discussions" || key == "team")) ||
               starts_with(key, "negotiation");
    };
    auto party = [about_talks](std::string_view key) { return about_talks && is_party_noun(key); };
    if (verb == "met" || verb == "meets" || verb == "meet") {
        // "met the Russian delegation"; "X and Y met in Guangzhou": each met the other.
        const bool each_other =
            joined && (j + 1 == tokens.size() || separates(tokens[j + 1].before) ||
                       is_place_or_time_word(tokens[j + 1].key));
        if (follows(tokens, j, 6, party) || each_other) reading.negotiating = true;
    } else if (verb == "led" || verb == "leads" || verb == "lead" || verb == "leading" ||
               verb == "headed" || verb == "heads" || verb == "heading" || verb == "chaired" ||
               verb == "chairs" || verb == "chairing" || verb == "hosted" || verb == "hosts" ||
               verb == "host" || verb == "hosting") {
        // "Umerov led the delegation", "Rubio will lead the delegation", "Fidan chaired the talks",
        // "Sullivan is leading Washington's delegation"; the host of the talks mediates them.
        if (follows(tokens, j, 4, talks)) reading.negotiating = true;
    } else if (verb == "received" || verb == "receives" || verb == "receiving") {
        // "received the Russian delegation", "received a group led by Deputy Foreign Minister
        // X": who receives a side of the talks hosts them.
        auto group_led = [&](std::size_t k) {
            return (tokens[k].key == "group" || tokens[k].key == "groups") &&
                   follows(tokens, k, 1,
                           [](std::string_view key) { return key == "led" || key == "headed"; });
        };
        bool hosts = follows(tokens, j, 4, talks) || follows(tokens, j, 4, party);
        for (auto k = j + 1; !hosts && about_talks && k < tokens.size() && k <= j + 3; ++k) {
            if (separates(tokens[k].before)) break;
            hosts = group_led(k);
        }
        if (hosts) reading.negotiating = true;
    } else if (verb == "told" || verb == "addressed" || verb == "welcomed" || verb == "greeted") {
        // "Fidan told the Russian and Ukrainian delegations as the talks began": who speaks to
        // both sides' delegations hosts them ("told reporters the delegations would meet" does
        // not: only the delegations' own words stand between).
        constexpr std::size_t kReach = 6;
        for (auto k = j + 1; k < tokens.size() && k <= j + kReach; ++k) {
            if (separates(tokens[k].before)) break;
            const std::string_view key = tokens[k].key;
            if (key == "delegations") {
                reading.negotiating = true;
                break;
            }
            if (!tokens[k].capitalised && key != "the" && key != "both" && key != "two" &&
                key != "and") {
                break;
            }
        }
    } else if (verb == "held" || verb == "hold" || verb == "holds" || verb == "holding") {
        // "held talks", "held a meeting with the Russian delegation".
        auto meeting = [](std::string_view key) { return key == "meeting" || key == "meetings"; };
        if (follows(tokens, j, 2, talks) ||
            (follows(tokens, j, 2, meeting) && follows(tokens, j, 7, party))) {
            reading.negotiating = true;
        }
        // In a text about talks, "held separate meetings with Lavrov and Kuleba".
        constexpr std::size_t kReach = 4;
        for (auto k = j + 1; about_talks && k + 1 < tokens.size() && k <= j + kReach; ++k) {
            if (separates(tokens[k].before) || separates(tokens[k + 1].before)) break;
            if (meeting(tokens[k].key) && tokens[k + 1].key == "with" && k + 2 < tokens.size() &&
                !separates(tokens[k + 2].before) && tokens[k + 2].capitalised) {
                reading.negotiating = true;
            }
        }
    } else if (verb == "represent" || verb == "represents" || verb == "represented") {
        // "Rubio, Witkoff and Kushner represent the American side".
        if (follows(tokens, j, 4, party) || follows(tokens, j, 5, talks)) {
            reading.negotiating = true;
        }
    } else if (verb == "flew" || verb == "fly" || verb == "flies" || verb == "travelled" ||
               verb == "traveled" || verb == "travels" || verb == "arrived" || verb == "arrives" ||
               verb == "went" || verb == "came") {
        // "flew to Washington for urgent talks", "arrived in Riyadh for the negotiations".
        constexpr std::size_t kReach = 7;
        for (auto k = j + 1; k + 1 < tokens.size() && k <= j + kReach; ++k) {
            if (separates(tokens[k].before)) break;
            if (tokens[k].key == "for" && follows(tokens, k, 3, talks)) {
                reading.negotiating = true;
                break;
            }
        }
    } else if (verb == "expected" || verb == "due") {
        // "is expected at the meeting in Denmark", "due in Geneva for the talks".
        auto gathering = [&](std::string_view key) {
            return talks(key) || (about_talks && (key == "meeting" || key == "summit"));
        };
        if (follows(tokens, j, 5, gathering)) reading.negotiating = true;
    } else if (verb == "sat" || verb == "sit" || verb == "sits") {
        // "sat on the Russian side"; in a text about talks, "sat across from" the other side.
        auto facing = [about_talks](std::string_view key) {
            return about_talks &&
                   (key == "side" || key == "across" || key == "opposite" || key == "down");
        };
        if (follows(tokens, j, 4, facing)) {
            reading.negotiating = true;
        }
    } else if (verb == "took" || verb == "take" || verb == "takes" || verb == "taking" ||
               verb == "joined" || verb == "joins" || verb == "join" || verb == "joining" ||
               verb == "attended" || verb == "attends" || verb == "attend" || verb == "attending" ||
               verb == "participated" || verb == "participates") {
        // "took part in the talks", "joined the delegation", "attended the negotiations"; in a
        // text about talks, their summit or meeting ("will take part in the summit").
        auto gathering = [about_talks](std::string_view key) {
            return about_talks && (key == "summit" || key == "meeting");
        };
        if (follows(tokens, j, 4, talks) || follows(tokens, j, 5, gathering)) {
            reading.negotiating = true;
        }
    } else if (starts_with(verb, "negotiat") || starts_with(verb, "mediat") || verb == "brokered" ||
               verb == "broker") {
        reading.negotiating = true;
    } else if (verb == "acted" || verb == "acts" || verb == "act" || verb == "acting" ||
               verb == "served" || verb == "serves" || verb == "serve" || verb == "serving") {
        // "acted as mediator", "served as an intermediary between the two sides".
        if (j + 1 < tokens.size() && tokens[j + 1].key == "as" &&
            !separates(tokens[j + 1].before) && follows(tokens, j + 1, 3, is_negotiator_noun)) {
            reading.negotiating = true;
        }
    } else if (about_talks && verb == "present" && j > b) {
        // In a text about talks, "Lavrov was present, together with ...", "General X, NATO's
        // commander, was also present": at the talks.
        auto k = j - 1;
        while (k > b && (tokens[k].key == "also" || tokens[k].key == "reportedly")) --k;
        if (tokens[k].key == "was" || tokens[k].key == "were") reading.negotiating = true;
    } else if (verb == "signed" && j + 2 < tokens.size() && tokens[j + 1].key == "for" &&
               !separates(tokens[j + 1].before) && !separates(tokens[j + 2].before) &&
               tokens[j + 2].capitalised) {
        // "Hulusi Akar signed for Turkey": signed an agreement on a party's behalf.
        reading.negotiating = true;
    } else if (verb == "reached" || verb == "struck" || verb == "agreed" || verb == "announced" ||
               verb == "signed" || verb == "sealed") {
        // "announced a deal with Ukraine", "reached an agreement with the Russian side": what
        // the two sides agreed, the person settled with the other. The other is a named party
        // or a side, not "a bakery chain".
        auto deal = [](std::string_view key) {
            return key == "deal" || key == "agreement" || key == "accord";
        };
        // In a text about talks, who signs the deal, or signs without an object, negotiated it:
        // "Shoigu signed first", "Kubrakov then signed the deal" (not "signed a decree").
        if (about_talks && verb == "signed") {
            const bool alone = j + 1 == tokens.size() || separates(tokens[j + 1].before) ||
                               is_place_or_time_word(tokens[j + 1].key) ||
                               tokens[j + 1].key == "first";
            auto paper = [&](std::string_view key) {
                return deal(key) || key == "document" || key == "memorandum";
            };
            if (alone || follows(tokens, j, 3, paper)) {
                reading.negotiating = true;
                return;
            }
        }
        // A deal outside a text about talks is a business's or a club's.
        if (!about_talks || !follows(tokens, j, 3, deal)) return;
        constexpr std::size_t kReach = 5;
        for (auto w = j + 1; w + 1 < tokens.size() && w <= j + kReach; ++w) {
            if (separates(tokens[w].before)) return;
            if (tokens[w].key != "with") continue;
            auto other = w + 1;
            if (tokens[other].key == "the" && other + 1 < tokens.size()) ++other;
            if (!separates(tokens[other].before) &&
                (tokens[other].capitalised || follows(tokens, other - 1, 3, party))) {
                reading.negotiating = true;
            }
            return;
        }
    }
}

// Marks the words that phrases about a side of the talks point at: the members a delegation
// "included" (or was "made up of") and whom a team "met" (to the end of the sentence), who it was
// "headed by" or "represented by", with whom "talks" were held (to the end of the clause), and in a
// text about talks who was "present" (to the end of the sentence) or in whose "presence" talks
// were held (to the end of the clause), and the people a caption lists (`title_case` marks the
// words of headlines, which are no captions).
std::vector<bool> negotiating_zones(const TokenizedText& field, bool about_talks,
                                    const std::vector<bool>& title_case) {
    const auto& tokens = field.tokens;
    std::vector<bool> marked(tokens.size());
    // In a text about talks, a sentence that is a list of titled names and nothing more, or ends
    // "at their meeting", is a caption of those at the talks: "US Secretary of State Marco Rubio
    // (2nd L), US National Security Advisor Mike Waltz (L), ... and Ukrainian Minister of Defence
    // Rustem Umerov (R) at their meeting".
    auto listed_word = [&](const Token& token) {
        const std::string_view key = token.key;
        const auto first = static_cast<unsigned char>(field.text[token.begin]);
        // Capitalised words, acronyms and the "L" and "R" of positions: "US", "(2nd L)".
        return token.capitalised || std::isupper(first) || key == "and" || key == "of" ||
               key == "the" || (!key.empty() && key.front() >= '0' && key.front() <= '9') ||
               name_words::particles().contains(key);
    };
    for (std::size_t start = 0; about_talks && start < tokens.size();) {
        auto end = start;
        std::size_t commas = 0;
        while (end < tokens.size() && listed_word(tokens[end]) && !title_case[end] &&
               (end == start || (tokens[end].before != Break::sentence &&
                                 tokens[end].before != Break::paragraph))) {
            commas += end > start && tokens[end].before == Break::clause;
            ++end;
        }
        const bool sentence_ends = end == tokens.size() || tokens[end].before == Break::sentence ||
                                   tokens[end].before == Break::paragraph;
        const bool at_meeting = end + 1 < tokens.size() && tokens[end].key == "at" &&
                                follows(tokens, end, 3, names_the_talks);
        constexpr std::size_t kMinWords = 6;
        if (commas >= 1 && end - start >= kMinWords && (sentence_ends || at_meeting)) {
            std::fill(marked.begin() + static_cast<std::ptrdiff_t>(start),
                      marked.begin() + static_cast<std::ptrdiff_t>(end), true);
        }
        // On to the next sentence.
        start = std::max(end, start + 1);
        while (start < tokens.size() && tokens[start].before != Break::sentence &&
               tokens[start].before != Break::paragraph) {
            ++start;
        }
    }
    // "made up of Head of the Office Kirill Budanov; Advisor Oleksandr Bevz; ...": a semicolon
    // goes on with a list that a whole sentence holds.
    auto after_semicolon = [&](std::size_t k) {
        auto at = tokens[k].begin;
        while (at > 0 && (field.text[at - 1] == ' ' || field.text[at - 1] == '\t')) --at;
        return at > 0 && field.text[at - 1] == ';';
    };
    // Bounded, so that a text without sentence ends stays linear; long enough for a delegation
    // listed member by member with their titles.
    constexpr std::size_t kMaxZoneWords = 120;
    auto colon_before = [&](std::size_t k) {
        const auto from = tokens[k - 1].end;
        return field.text.substr(from, tokens[k].begin - from).find(':') != std::string::npos;
    };
    // "The delegation was made up of:" and then one member a line: the lines after the colon are
    // the list while each is short and opens with a capital, as bulleted items do. Whether the
    // lines were such a list.
    auto marked_items_from = [&](std::size_t start) {
        if (start == 0 || start >= tokens.size() || tokens[start].before != Break::paragraph ||
            !colon_before(start)) {
            return false;
        }
        constexpr std::size_t kMaxItemWords = 16;  // a name and its title
        auto k = start;
        while (k < tokens.size() && tokens[k].capitalised) {
            auto end = k + 1;
            while (end < tokens.size() && tokens[end].before != Break::paragraph) ++end;
            if (end - k > kMaxItemWords || end - start > kMaxZoneWords) break;
            std::fill(marked.begin() + static_cast<std::ptrdiff_t>(k),
                      marked.begin() + static_cast<std::ptrdiff_t>(end), true);
            k = end;
        }
        return k > start;
    };
    auto mark_from = [&](std::size_t start, bool whole_sentence) {
        if (marked_items_from(start)) return;
        for (auto k = start; k < tokens.size() && k < start + kMaxZoneWords; ++k) {
            const auto b = tokens[k].before;
            if (k > start && b == Break::paragraph) break;
            if (k > start && b == Break::sentence && !(whole_sentence && after_semicolon(k))) break;
            if (k > start && !whole_sentence && b != Break::space && b != Break::join) break;
            // "... rather than Foreign Minister Sergey Lavrov": the list ends there.
            const std::string_view key = tokens[k].key;
            if (key == "rather" || key == "instead" || key == "except" || key == "not") break;
            marked[k] = true;
        }
    };
    // "held talks with Ukrainian President Volodymyr Zelenskyy, Head of the Office Andriy Yermak,
    // Foreign Minister Dmytro Kuleba and officials of ...": a list of titled names goes on past
    // its commas while the next item starts with a capital, up to an item that speaks (",
    // Lavrov said"); a colon opens it ("talks with a U.S. team: envoy Steve Witkoff, ...").
    // After a colon the rest of the sentence is the list, its items' appositions included:
    // "lead the Russian team: A, who heads ..., and B, an adviser to ...".
    auto mark_list_from = [&](std::size_t start, bool after_colon = false) {
        if (marked_items_from(start)) return;
        for (auto k = start; k < tokens.size() && k < start + kMaxZoneWords;) {
            auto end = k + 1;
            while (end < tokens.size() && !separates(tokens[end].before)) ++end;
            const bool speaks = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(k),
                                            tokens.begin() + static_cast<std::ptrdiff_t>(end),
                                            [](const Token& token) {
                                                return in(name_words::speech_verbs(), token.key) ||
                                                       is_cyrillic_speech_verb(token.key);
                                            });
            if (speaks && k > start) break;
            for (auto m = k; m < end; ++m) {
                const std::string_view word = tokens[m].key;
                if (word == "rather" || word == "instead" || word == "except" || word == "not") {
                    return;
                }
                marked[m] = true;
            }
            if (end >= tokens.size()) break;
            // "A, B, and Commissioner Josh Gruenbaum": the last item of a list of three or more
            // after a comma ("talks with Russia, and X agrees" lists one).
            const bool last_item = k > start && tokens[end].key == "and" &&
                                   end + 1 < tokens.size() && tokens[end + 1].capitalised &&
                                   !separates(tokens[end + 1].before);
            const bool goes_on = (tokens[end].before == Break::clause &&
                                  (tokens[end].capitalised || after_colon || last_item)) ||
                                 (tokens[end].before == Break::sentence && colon_before(end));
            if (!goes_on) break;
            k = end;
        }
    };
    // "headed by A, a senior director at the Council, and B, ...": after the first name's
    // apposition, an "and" with a capital goes on with the list.
    auto mark_name_after_apposition = [&](std::size_t start) {
        auto k = start + 1;
        while (k < tokens.size() && !separates(tokens[k].before)) ++k;
        if (k >= tokens.size() || tokens[k].before != Break::clause || tokens[k].capitalised) {
            return;
        }
        constexpr std::size_t kMaxAppositionWords = 14;
        auto j = k + 1;
        while (j < tokens.size() && j - k < kMaxAppositionWords && !separates(tokens[j].before)) {
            ++j;
        }
        if (j + 1 >= tokens.size() || tokens[j].before != Break::clause || tokens[j].key != "and") {
            return;
        }
        // Only a name, not the subject of a clause of its own ("and B welcomed the choice").
        auto end = j + 1;
        while (end < tokens.size() && !separates(tokens[end].before) &&
               is_subject_filler(tokens[end]) && tokens[end].key != "and") {
            ++end;
        }
        if (end > j + 1 && (end == tokens.size() || separates(tokens[end].before))) {
            mark_from(j + 1, false);
        }
    };
    // Whether the talks themselves are named just before word `i`, in its sentence.
    auto talks_before = [&](std::size_t i) {
        constexpr std::size_t kReach = 4;  // "the consultations were attended"
        for (auto k = i; k > 0 && i - k < kReach; --k) {
            if (tokens[k].before == Break::sentence || tokens[k].before == Break::paragraph) break;
            const std::string_view word = tokens[k - 1].key;
            if (names_the_talks(word) || word == "consultations") {
                return true;
            }
        }
        return false;
    };
    bool headed_by = false;    // the sentence so far said who headed or led something
    bool talks_named = false;  // the sentence so far named the talks
    // The sentence so far, and the one before, named a side of the talks or its members.
    bool group_named = false;
    bool group_named_before = false;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        // Views, as elsewhere here: their == compares lengths first, while GCC 12's
        // std::string == "literal" compares bytes for every one of the cue words below.
        const std::string_view key = tokens[i].key;
        const std::string_view next = tokens[i + 1].key;
        if (tokens[i].before == Break::sentence || tokens[i].before == Break::paragraph) {
            headed_by = false;
            talks_named = false;
            group_named_before = group_named;
            group_named = false;
            // "... a list of four experts for the talks was approved. They are A, ...; B, ...":
            // in a text about talks, who "they" are after a sentence about a side or its members.
            const bool they_are = key == "they" && (next == "are" || next == "were" ||
                                                    next == "include" || next == "included");
            if (about_talks && they_are && group_named_before && i + 2 < tokens.size() &&
                tokens[i + 2].capitalised && !separates(tokens[i + 1].before) &&
                !separates(tokens[i + 2].before)) {
                mark_from(i + 2, true);
            }
        }
        // Most words are too short or too long to be one: no lookup for them. In a text about
        // talks, "it" after a delegation is one too: "Besides Putin and Ushakov it will include
        // Foreign Minister Sergey Lavrov, ...".
        // Outside a text about talks, a team or side is a sports team or a cast, not a party to
        // talks ("Our team, made up of ..."); the nouns of the talks make the text about them.
        const bool party = about_talks && key.size() >= 4 && key.size() <= 13 && is_party_noun(key);
        group_named = group_named || party || key == "members" || key == "experts";
        // In a text about talks, whom an envoy's trip or entourage includes went with them:
        // "Those who made the trip included Secretary of the Army Dan Driscoll; Gen. ...", "The
        // secretary's party also includes Lt. Gen. ...". A party after a possessive travels; a
        // political party is named.
        const bool possessive_before =
            i > 0 && key == "party" && tokens[i - 1].possessive && tokens[i].before == Break::space;
        if (about_talks && (key == "trip" || key == "entourage" || possessive_before)) {
            constexpr std::size_t kReach = 3;  // "also", "reportedly"
            for (auto k = i + 1; k < tokens.size() && k <= i + kReach; ++k) {
                if (separates(tokens[k].before)) break;
                const std::string_view verb = tokens[k].key;
                if (verb == "included" || verb == "includes" || verb == "include") {
                    mark_from(k + 1, true);
                    break;
                }
            }
        }
        const bool people_noun = key == "negotiators" || key == "envoys" || key == "delegates";
        if (party &&
            (colon_before(i + 1) || (people_noun && tokens[i + 1].before == Break::clause))) {
            // "three US negotiators: Mike Waltz, Secretary of State Marco Rubio and ...",
            // "their leading business negotiators, on the American side Secretary Scott
            // Bessent and ...".
            mark_list_from(i + 1, true);
        } else if (party || (about_talks && key == "it")) {
            constexpr std::size_t kReach = 3;
            for (auto k = i + 1; k < tokens.size() && k <= i + kReach; ++k) {
                if (tokens[k].before == Break::sentence || tokens[k].before == Break::paragraph) {
                    break;
                }
                const std::string_view verb = tokens[k].key;
                // "The U.S. side will be Vice President J.D. Vance, Secretary of State ...".
                const bool be = verb == "be" || verb == "is" || verb == "are" || verb == "was" ||
                                verb == "were";
                if (party && be && k + 1 < tokens.size() && tokens[k + 1].capitalised &&
                    !separates(tokens[k + 1].before)) {
                    mark_list_from(k + 1);
                    break;
                }
                if (verb == "included" || verb == "includes" || verb == "including" ||
                    verb == "include" ||
                    // "The delegation counts several senior officials", not "counts on".
                    ((verb == "counts" || verb == "counted") && k + 1 < tokens.size() &&
                     tokens[k + 1].key != "on") ||
                    verb == "comprised" || verb == "comprises" || verb == "consisted" ||
                    verb == "consists" || verb == "met" || verb == "meets" || verb == "meet") {
                    // After "it", only a list of names: "it will include a meeting with adviser
                    // Yury Ushakov, the spokesman, Dmitry Peskov, told ..." names no Peskov.
                    if (party) {
                        mark_from(k + 1, true);
                    } else {
                        mark_list_from(k + 1);
                    }
                    break;
                }
                // "The delegation was made up of ...", "a team composed of ...".
                if (k + 1 < tokens.size() && !separates(tokens[k + 1].before) &&
                    ((verb == "made" && tokens[k + 1].key == "up") ||
                     (verb == "composed" && tokens[k + 1].key == "of"))) {
                    // The list starts after "of", which a colon may end: "made up of:".
                    const auto of = k + 2 < tokens.size() && tokens[k + 2].key == "of";
                    mark_from(of ? k + 3 : k + 2, true);
                    break;
                }
            }
        }
        // "З іншого боку", "с другой стороны" (on the other hand) name no side.
        const bool other_hand =
            i > 0 && (tokens[i - 1].key == "іншого" || tokens[i - 1].key == "одного" ||
                      tokens[i - 1].key == "другой" || tokens[i - 1].key == "одной");
        // In Ukrainian and Russian, a side of the talks and, later in its sentence, a verb of who
        // makes it up or heads it: the list after the verb, or after a colon that follows it.
        // "Український бік на переговорах представлятимуть четверо посадовців: ...", "До
        // американської команди увійдуть ...", "Делегацию возглавит ...".
        if (about_talks && is_cyrillic_party_noun(key) && !other_hand) {
            constexpr std::size_t kReach = 6;  // words to the verb, and from it to a colon
            const auto ends_sentence = [&](std::size_t k) {
                return tokens[k].before == Break::paragraph ||
                       (tokens[k].before == Break::sentence && !colon_before(k));
            };
            for (auto k = i + 1; k < tokens.size() && k <= i + kReach && !ends_sentence(k); ++k) {
                if (!is_cyrillic_membership_verb(tokens[k].key)) continue;
                auto start = k + 1;
                for (auto c = k + 1; c < tokens.size() && c <= k + kReach && !ends_sentence(c);
                     ++c) {
                    if (colon_before(c)) {
                        start = c;
                        break;
                    }
                }
                if (start < tokens.size() && !ends_sentence(start)) mark_list_from(start, true);
                break;
            }
        }
        // "Its other members include ...": in a text about talks, a delegation's.
        if (about_talks && (key == "members" || key == "member") &&
            (next == "include" || next == "included" || next == "includes" || next == "are" ||
             next == "were") &&
            !separates(tokens[i + 1].before)) {
            mark_from(i + 2, true);
        }
        // "The talks opened in the presence of Foreign Minister Hakan Fidan, who ...".
        if (about_talks && key == "presence" && next == "of" && !separates(tokens[i + 1].before)) {
            mark_from(i + 2, false);
        }
        // "Also present were Penny Pritzker, ..., and James O'Brien."
        if (about_talks && key == "present" && (next == "were" || next == "was") &&
            !separates(tokens[i + 1].before)) {
            mark_from(i + 2, true);
        }
        // In a text about talks, "A signed for Türkiye, B for Russia, C for Ukraine": the
        // sentence goes on with who signed for the other sides.
        if (about_talks && key == "signed" && next == "for" && !separates(tokens[i + 1].before)) {
            mark_from(i + 2, true);
        }
        if (next == "by" && !separates(tokens[i + 1].before)) {
            if (key == "represented") mark_from(i + 2, true);
            // "the consultations were attended by ...": who attended the talks.
            if (key == "attended" && about_talks && talks_before(i)) mark_from(i + 2, true);
            // In a text about talks, who signs the accord, and who convenes or hosts the talks.
            if (about_talks && key == "signed") mark_from(i + 2, true);
            // A brigade or a club is headed and led too: that heads a party only in a text
            // about talks.
            if (key == "mediated" || key == "brokered" || key == "facilitated" ||
                (about_talks && (key == "headed" || key == "led" || key == "chaired" ||
                                 key == "convened" || key == "hosted"))) {
                mark_from(i + 2, false);
                mark_name_after_apposition(i + 2);
                headed_by = true;
            }
            // "headed by A, a senior director, and by B": the sentence's second "by" heads too.
            if (key == "and" && headed_by) mark_from(i + 2, false);
            // In a text about talks, whom a negotiator is joined or accompanied by: "Ushakov
            // will be joined by Foreign Minister Sergei Lavrov, ...".
            if (about_talks && (key == "joined" || key == "accompanied")) mark_from(i + 2, true);
        }
        // "after mediation by X", "through the mediation of X": X mediated.
        if ((key == "mediation" && (next == "by" || next == "of")) &&
            !separates(tokens[i + 1].before)) {
            mark_from(i + 2, false);
        }
        // "mediated with help from X", "brokered with the help of X".
        if ((key == "mediated" || key == "brokered" || key == "facilitated") && next == "with") {
            auto k = i + 2;
            if (k < tokens.size() && tokens[k].key == "the") ++k;
            if (k + 1 < tokens.size() && tokens[k].key == "help" &&
                (tokens[k + 1].key == "from" || tokens[k + 1].key == "of") &&
                std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                             tokens.begin() + static_cast<std::ptrdiff_t>(k + 2),
                             [](const Token& token) { return separates(token.before); })) {
                mark_from(k + 2, false);
            }
        }
        // "headed by A, ..., together with senior official B"; "X took part in the
        // consultations, together with General B"; the list goes on past its commas
        // ("together with his British counterpart, Jonathan Powell, ...").
        if ((headed_by || talks_named) && (key == "together" || key == "along") && next == "with" &&
            !separates(tokens[i + 1].before)) {
            mark_list_from(i + 2);
        }
        // "led by Andrew Peek of the National Security Council, with Michael Anton of the State
        // Department alongside him": a "with" after the comma goes on with who headed it.
        if (headed_by && key == "with" && tokens[i].before == Break::clause &&
            tokens[i + 1].capitalised && !separates(tokens[i + 1].before)) {
            mark_list_from(i + 1);
        }
        // In a text about talks, "With him are Deputy Foreign Minister A, Ambassador B and ...":
        // a leader's companions, after a sentence about the delegation.
        if (about_talks && key == "with" && i + 2 < tokens.size() &&
            (tokens[i].before == Break::sentence || tokens[i].before == Break::paragraph) &&
            (next == "him" || next == "her" || next == "them") &&
            (tokens[i + 2].key == "are" || tokens[i + 2].key == "were" ||
             tokens[i + 2].key == "is" || tokens[i + 2].key == "was") &&
            !separates(tokens[i + 1].before) && !separates(tokens[i + 2].before)) {
            mark_from(i + 3, true);
        }
        // "the U.S. will send adviser Jake Sullivan and Victoria Nuland to the Copenhagen
        // meeting": whom a side sends to the talks.
        if (about_talks && (key == "send" || key == "sends" || key == "sent" || key == "sending")) {
            constexpr std::size_t kMaxSentWords = 24, kMaxPlaceWords = 4;
            for (auto k = i + 1; k + 1 < tokens.size() && k <= i + kMaxSentWords; ++k) {
                if (tokens[k].before == Break::sentence || tokens[k].before == Break::paragraph) {
                    break;
                }
                if (tokens[k].key != "to") continue;
                bool to_talks = false;
                for (auto t = k + 1; t < tokens.size() && t <= k + kMaxPlaceWords; ++t) {
                    if (separates(tokens[t].before)) break;
                    to_talks = to_talks || names_the_talks(tokens[t].key);
                }
                if (to_talks) {
                    std::fill(marked.begin() + static_cast<std::ptrdiff_t>(i + 1),
                              marked.begin() + static_cast<std::ptrdiff_t>(k), true);
                }
                break;
            }
        }
        talks_named =
            talks_named ||
            (about_talks && (names_the_talks(key) || key == "consultations" || key == "signed"));
        // "envoys Witkoff, Kushner and Josh Gruenbaum": a plural title before a list of names is
        // each name's.
        if (about_talks &&
            (key == "envoys" || key == "negotiators" || key == "mediators" || key == "delegates") &&
            tokens[i + 1].capitalised && !separates(tokens[i + 1].before)) {
            mark_list_from(i + 1);
        }
        // In a text about talks, whom a negotiator faces: "sat across from his Russian
        // counterpart, Sergei Lavrov", "met his counterpart Hakan Fidan".
        if (about_talks && (key == "counterpart" || key == "counterparts") &&
            (tokens[i + 1].before == Break::space || tokens[i + 1].before == Break::clause) &&
            tokens[i + 1].capitalised) {
            mark_from(i + 1, false);
        }
        // "the head of Brazil's delegation, foreign policy adviser Celso Amorim": the clause
        // after a delegation's head names them.
        if ((key == "head" || key == "leader" || key == "chief") && next == "of") {
            constexpr std::size_t kReach = 4;  // "of the Russian government's delegation"
            for (auto k = i + 2; k < tokens.size() && k <= i + 1 + kReach; ++k) {
                if (separates(tokens[k].before)) break;
                const std::string_view noun = tokens[k].key;
                if (noun != "delegation" && noun != "team") continue;
                if (k + 1 < tokens.size() && tokens[k + 1].before == Break::clause) {
                    mark_from(k + 1, false);
                }
                break;
            }
        }
        if (key == "talks" || starts_with(key, "negotiation")) {
            if (next == "with" && !separates(tokens[i + 1].before)) mark_list_from(i + 2);
            // "talks between A and B", and the same with where and when between: "rounds of
            // talks took place in Turkey between A and B". Only "between" reaches over words:
            // "talks on Friday with reporters" are no talks with the reporters.
            constexpr std::size_t kMaxWordsBefore = 6;  // "took place in Turkey on Friday"
            for (auto k = i + 1; k < tokens.size() && k <= i + 1 + kMaxWordsBefore; ++k) {
                if (separates(tokens[k].before)) break;
                if (tokens[k].key == "between") {
                    mark_list_from(k + 1);
                    break;
                }
            }
        }
        // In a text about talks, calls with officials are part of them: "spoke by phone with
        // ...", "telephone conversations with ...", "a phone call with ...".
        if (about_talks && next == "with" && !separates(tokens[i + 1].before) && i > 0 &&
            !separates(tokens[i].before)) {
            const std::string_view before = tokens[i - 1].key;
            const bool by_phone = (key == "phone" || key == "telephone") && before == "by";
            if (by_phone) mark_from(i + 2, false);
        }
        // "a call with" is by phone whatever qualifies it, before or after: "a good call with",
        // "a phone call of almost an hour with".
        if (about_talks && i > 0 && !separates(tokens[i].before)) {
            const std::string_view before = tokens[i - 1].key;
            const bool call = key == "call" || key == "calls" ||
                              ((key == "conversation" || key == "conversations") &&
                               (before == "phone" || before == "telephone"));
            constexpr std::size_t kMaxQualifierWords = 5;  // "of almost an hour"
            for (auto k = i + 1; call && k < tokens.size() && k <= i + 1 + kMaxQualifierWords;
                 ++k) {
                if (separates(tokens[k].before)) break;
                if (tokens[k].key == "with") {
                    mark_from(k + 1, false);
                    break;
                }
            }
        }
        // "After eight hours of talks with Ukrainian delegates in Jeddah, Marco Rubio said ...":
        // the subject after an opening clause about talks with someone held them ("After the
        // talks, X consulted ..." says nothing of who held them).
        if ((key == "after" || key == "following") &&
            (tokens[i].before == Break::sentence || tokens[i].before == Break::paragraph)) {
            constexpr std::size_t kMaxClauseWords = 16;
            bool about_talks = false;
            for (auto k = i + 1; k < tokens.size() && k <= i + kMaxClauseWords; ++k) {
                const auto b = tokens[k].before;
                if (b == Break::sentence || b == Break::paragraph) break;
                if (b == Break::clause) {
                    if (about_talks) mark_from(k, false);
                    break;
                }
                const std::string_view word = tokens[k].key;
                about_talks =
                    about_talks ||
                    ((word == "talks" || starts_with(word, "negotiation") || word == "meeting") &&
                     k + 1 < tokens.size() && tokens[k + 1].key == "with");
            }
        }
    }
    return marked;
}

bool has(const std::vector<std::string>& roles, std::string_view role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

void read_roles(const std::vector<TokenizedText>& fields, std::vector<ArticlePerson>& people) {
    bool about_talks = false;
    for (const auto& field : fields) {
        const auto& tokens = field.tokens;
        for (std::size_t k = 0; k < tokens.size() && !about_talks; ++k) {
            about_talks =
                is_talks_word(tokens[k].key) ||
                (k + 1 < tokens.size() && is_peace_effort(tokens[k].key, tokens[k + 1])) ||
                is_negotiated_accord(tokens, k);
        }
    }
    std::vector<std::vector<bool>> zones;
    std::vector<std::vector<bool>> title_case;
    for (const auto& field : fields) {
        title_case.push_back(in_title_case(field));
        zones.push_back(negotiating_zones(field, about_talks, title_case.back()));
    }
    // Each mention as tokens [a, b) of its field.
    struct TokenSpan {
        std::size_t field, a, b;
    };
    std::vector<std::vector<TokenSpan>> spans(people.size());
    std::vector<Reading> readings(people.size());
    for (std::size_t p = 0; p < people.size(); ++p) {
        auto& reading = readings[p];
        for (const auto& mention : people[p].mentions) {
            if (mention.field >= fields.size()) continue;
            const auto& field = fields[mention.field];
            const auto a = token_at(field, mention.begin);
            auto b = a;
            while (b < field.tokens.size() && field.tokens[b].begin < mention.end) {
                if (zones[mention.field][b]) reading.negotiating = true;
                ++b;
            }
            if (a == b) continue;
            spans[p].push_back({mention.field, a, b});
            read_title(field, a, reading);
            read_apposition(field.tokens, b, reading);
            read_copula(field.tokens, a, about_talks, reading);
            read_verb(field.tokens, a, b, title_case[mention.field][a], about_talks, reading);
            // "Marco Rubio, who headed the US team, said": the relative clause's verb is theirs.
            if (b + 1 < field.tokens.size() && field.tokens[b].before == Break::clause &&
                field.tokens[b].key == "who") {
                read_verb(field.tokens, a, b + 1, title_case[mention.field][a], about_talks,
                          reading);
            }
            reading.more_than_quoted =
                reading.more_than_quoted || more_than_quoted(field.tokens, a, b);
        }
        reading.foreign_minister =
            reading.foreign_minister || has(people[p].roles, "foreign_minister");
    }
    std::vector<bool> leader(people.size()), negotiator(people.size());
    for (std::size_t p = 0; p < people.size(); ++p) {
        const auto& roles = people[p].roles;
        const auto& reading = readings[p];
        const bool known_negotiator = has(roles, "negotiator") || has(roles, "mediator");
        // The catalogue's head of state or government was a minister in an older article.
        leader[p] = reading.leader || (has(roles, "leader") && !reading.minister);
        // The widely known negotiators negotiate in any text about the talks; a foreign
        // minister among them not where the article only quotes them.
        negotiator[p] = !leader[p] && (reading.negotiating ||
                                       (about_talks && known_negotiator &&
                                        (!reading.foreign_minister || reading.more_than_quoted)));
    }
    // In a text about talks, the one name of a list whose other names (two or more) all
    // negotiate negotiates with them: "Steve Witkoff, Jared Kushner and Josh Gruenbaum spent four
    // hours with Putin". Only names joined by commas and a closing "and", nothing between them;
    // and not the first, whose comma may close an opening clause instead ("According to
    // spokesman Dmitry Peskov, Ushakov and Zuppi are to discuss ...").
    if (about_talks) {
        struct Listed {
            TokenSpan span;
            std::size_t person;
        };
        std::vector<Listed> named;
        for (std::size_t p = 0; p < people.size(); ++p) {
            for (const auto& span : spans[p]) named.push_back({span, p});
        }
        std::sort(named.begin(), named.end(), [](const Listed& x, const Listed& y) {
            return std::pair(x.span.field, x.span.a) < std::pair(y.span.field, y.span.a);
        });
        // 1 for "A, B", 2 for "A and B" or "A, and B", 0 if the names are not listed together.
        auto link = [&](const TokenSpan& first, const TokenSpan& second) {
            if (first.field != second.field) return 0;
            const auto& tokens = fields[first.field].tokens;
            if (second.a == first.b) return tokens[second.a].before == Break::clause ? 1 : 0;
            const bool joined_by_and = second.a == first.b + 1 && tokens[first.b].key == "and" &&
                                       (tokens[first.b].before == Break::space ||
                                        tokens[first.b].before == Break::clause) &&
                                       tokens[second.a].before == Break::space;
            return joined_by_and ? 2 : 0;
        };
        for (std::size_t i = 0; i < named.size();) {
            auto j = i + 1;
            int last_link = 0;
            while (j < named.size() && (last_link = link(named[j - 1].span, named[j].span)) == 1) {
                ++j;
            }
            const bool closed = j < named.size() && last_link == 2;
            if (closed) ++j;
            constexpr std::size_t kMinListed = 3;
            if (closed && j - i >= kMinListed) {
                std::vector<std::size_t> negotiating, not_negotiating;  // distinct people
                for (auto k = i; k < j; ++k) {
                    const auto p = named[k].person;
                    auto& side = negotiator[p] ? negotiating : not_negotiating;
                    if (std::find(side.begin(), side.end(), p) == side.end()) side.push_back(p);
                }
                if (negotiating.size() >= 2 && not_negotiating.size() == 1 &&
                    !leader[not_negotiating.front()] &&
                    named[i].person != not_negotiating.front()) {
                    negotiator[not_negotiating.front()] = true;
                }
            }
            i = j;
        }
    }
    // In a text about talks, a foreign minister named together with a negotiator goes with them:
    // "Foreign Minister Sergey Lavrov and adviser Yuri Ushakov arrived in Riyadh".
    auto joined = [&](const TokenSpan& first, const TokenSpan& second) {
        constexpr std::size_t kMaxBetween = 5;  // "and", then a title: "and senior adviser"
        if (first.field != second.field || second.a <= first.b ||
            second.a - first.b > kMaxBetween) {
            return false;
        }
        const auto& tokens = fields[first.field].tokens;
        // "Secretary of State Marco Rubio with Foreign Minister Andrii Sybiha" too.
        if (tokens[first.b].key != "and" && tokens[first.b].key != "with") return false;
        for (auto k = first.b; k <= second.a; ++k) {
            if (separates(tokens[k].before)) return false;
        }
        return true;
    };
    // ... or meets one, or calls or speaks to one: "Fidan is expected to meet ... Aide Vladimir
    // Medinsky", "Szijjarto reported telephone conversations with Yuri Ushakov", "Rubio spoke to
    // Foreign Secretary David Lammy" (not "spoke with reporters about"). A minister who meets such
    // a minister meets the talks too, so this goes on while it finds someone.
    auto meets = [&](const TokenSpan& first, const TokenSpan& second) {
        constexpr std::size_t kMaxBetween = 30;  // within a sentence of a list of titled names
        if (first.field != second.field || second.a <= first.b ||
            second.a - first.b > kMaxBetween) {
            return false;
        }
        const auto& tokens = fields[first.field].tokens;
        bool meeting = false;
        for (auto k = first.b; k <= second.a; ++k) {
            const auto b = tokens[k].before;
            if (b == Break::sentence || b == Break::paragraph) return false;
            const std::string_view key = tokens[k].key;
            // "X stressed the weight of the meeting between officials and Y": a meeting between
            // others.
            if (meeting && key == "between") return false;
            meeting =
                meeting || key == "meet" || key == "meets" || key == "met" || key == "meeting" ||
                key == "phone" || key == "telephone" || key == "call" || key == "calls" ||
                key == "conversation" || key == "conversations" || key == "hosted" ||
                key == "hosts" || key == "received" || key == "receives" ||
                ((key == "spoke" || key == "speaks" || key == "talked") && k + 2 <= second.a &&
                 (tokens[k + 1].key == "to" || tokens[k + 1].key == "with") &&
                 tokens[k + 2].capitalised);
        }
        return meeting;
    };
    // Two foreign ministers who meet negotiate, in a text about talks or not: "Kuleba Meets Wang
    // Yi", "Rubio held a meeting with Lavrov" (on the sidelines of another summit). A minister
    // who meets a negotiator, or goes with one, does so only in a text about talks.
    auto minister = [&](std::size_t p) { return readings[p].foreign_minister && !leader[p]; };
    for (bool found = true; found;) {
        found = false;
        for (std::size_t p = 0; p < people.size(); ++p) {
            if (!minister(p) || negotiator[p]) continue;
            for (std::size_t q = 0; q < people.size() && !negotiator[p]; ++q) {
                if (q == p || !(negotiator[q] || minister(q))) continue;
                if (!about_talks && !minister(q)) continue;
                for (const auto& mine : spans[p]) {
                    for (const auto& theirs : spans[q]) {
                        const bool met = meets(mine, theirs) || meets(theirs, mine);
                        if ((met && (about_talks || minister(q))) ||
                            (about_talks && negotiator[q] &&
                             (joined(mine, theirs) || joined(theirs, mine)))) {
                            negotiator[p] = true;
                            found = true;
                        }
                    }
                }
            }
        }
    }
    for (std::size_t p = 0; p < people.size(); ++p) {
        auto& roles = people[p].roles;
        std::erase(roles, "negotiator");
        if (!leader[p]) std::erase(roles, "leader");
        if (leader[p] && !has(roles, "leader")) roles.insert(roles.begin(), "leader");
        if (negotiator[p]) roles.insert(roles.begin(), "negotiator");
    }
}

}  // namespace talksearch::indexer
