#include "indexer/name_words.h"

namespace talksearch::indexer::name_words {

// Titles and roles: before a name they say a person follows ("Governor Alexander Bogomaz"); in an
// apposition they say the name before was a person's ("..., a spokesman of the corps").
const WordSet& titles() {
    static const WordSet words{"minister",
                               "president",
                               "premier",
                               "chancellor",
                               "secretary",
                               "governor",
                               "ambassador",
                               "commissioner",
                               "general",
                               "major",
                               "colonel",
                               "lieutenant",
                               "lt",
                               "col",
                               "gen",
                               "maj",
                               "captain",
                               "capt",
                               "sergeant",
                               "sgt",
                               "admiral",
                               "marshal",
                               "commander",
                               "chief",
                               "head",
                               "spokesman",
                               "spokeswoman",
                               "spokesperson",
                               "envoy",
                               "negotiator",
                               "mediator",
                               "aide",
                               "adviser",
                               "advisor",
                               "mayor",
                               "senator",
                               "sen",
                               "gov",
                               "rep",
                               "amb",
                               "representative",
                               "congressman",
                               "congresswoman",
                               "chairman",
                               "chairwoman",
                               "director",
                               "deputy",
                               "ombudsman",
                               "official",
                               "diplomat",
                               "oligarch",
                               "sheikh",
                               "king",
                               "queen",
                               "prince",
                               "emir",
                               "pope",
                               "patriarch",
                               "tsar",
                               "emperor",
                               "journalist",
                               "correspondent",
                               "analyst",
                               "officer",
                               "lawmaker",
                               "mp",
                               "leader",
                               "founder",
                               "coordinator",
                               "judge",
                               "prosecutor",
                               "activist",
                               "businessman",
                               "billionaire",
                               "mr",
                               "mrs",
                               "ms",
                               "dr",
                               "professor",
                               "prof",
                               "cardinal",
                               "archbishop",
                               "bishop",
                               "nuncio",
                               "delegate",
                               "member",
                               "speaker",
                               "governor-general",
                               "commissar",
                               "pilot",
                               "soldier",
                               "serviceman",
                               "servicewoman",
                               "volunteer",
                               "resident",
                               "witness",
                               "blogger",
                               "editor",
                               "reporter",
                               "secretary-general",
                               "press",
                               "spokespeople",
                               "lawyer",
                               "attorney",
                               "corporal",
                               "cpl",
                               "private",
                               "pte",
                               "pvt",
                               "writer",
                               "novelist",
                               "poet",
                               "historian",
                               "economist",
                               "politician",
                               "commentator",
                               "broadcaster",
                               "presenter",
                               "podcaster",
                               "researcher",
                               "scientist",
                               "priest"};
    return words;
}

// Words of places and organisations, and the adjectives of the peoples the news names most
// ("Ukrainian Marines", "Russian Railways"): a capitalised run holding one names no person.
const WordSet& institutions() {
    static const WordSet words{
        "oblast",       "oblasts",      "region",        "regions",    "district",
        "province",     "city",         "town",          "village",    "independent",
        "council",      "ministry",     "forces",        "force",      "army",
        "corps",        "staff",        "times",         "news",       "agency",
        "group",        "directorate",  "convention",    "airport",    "palace",
        "forest",       "street",       "square",        "avenue",     "road",
        "university",   "union",        "party",         "committee",  "office",
        "house",        "bank",         "fund",          "post",       "media",
        "project",      "plant",        "station",       "base",       "command",
        "service",      "guard",        "brigade",       "battalion",  "regiment",
        "division",     "fleet",        "navy",          "court",      "parliament",
        "assembly",     "duma",         "rada",          "government", "administration",
        "department",   "institute",    "center",        "centre",     "foundation",
        "company",      "corporation",  "airlines",      "railways",   "energy",
        "nuclear",      "power",        "river",         "sea",        "lake",
        "island",       "bridge",       "cathedral",     "church",     "museum",
        "hotel",        "stadium",      "park",          "channel",    "network",
        "television",   "tv",           "radio",         "journal",    "herald",
        "gazette",      "tribune",      "telegraph",     "monitor",    "review",
        "magazine",     "pravda",       "telegram",      "facebook",   "twitter",
        "youtube",      "organisation", "organization",  "alliance",   "treaty",
        "agreement",    "accord",       "declaration",   "summit",     "conference",
        "forum",        "initiative",   "plan",          "operation",  "war",
        "front",        "direction",    "sector",        "zone",       "republic",
        "federation",   "kingdom",      "states",        "nations",    "emirates",
        "peninsula",    "valley",       "offensive",     "democrats",  "republicans",
        "images",       "photo",        "press",         "prize",      "award",
        "cup",          "league",       "games",         "olympics",   "paralympics",
        "championship", "festival",     "day",           "week",       "monday",
        "tuesday",      "wednesday",    "thursday",      "friday",     "saturday",
        "sunday",       "january",      "february",      "march",      "april",
        "may",          "june",         "july",          "august",     "september",
        "october",      "november",     "december",      "north",      "south",
        "east",         "west",         "northern",      "southern",   "eastern",
        "western",      "central",      "international", "national",   "federal",
        "state",        "royal",        "joint",         "armed",      "defense",
        "affairs",      "defence",      "foreign",       "security",   "intelligence",
        "general",      "supreme",      "ukrainian",     "russian",    "american",
        "british",      "turkish",      "polish",        "belarusian", "chinese",
        "european",     "hungarian",    "qatari",        "saudi",      "emirati",
        "italian",      "iranian",      "israeli",       "moldovan",   "estonian",
        "latvian",      "lithuanian",   "finnish",       "swedish",    "norwegian",
        "danish",       "dutch",        "belgian",       "spanish",    "canadian",
        "japanese",     "korean",       "syrian",        "crimean",    "chechen",
        "soviet",       "business",     "room",          "consortium", "deutsche",
        "social",       "brigades",     "battalions",    "regiments",  "divisions",
        "saint",        "st",           "holy",          "accords",    "harbor",
        "harbour",      "formula",      "port",          "ports",      "terminal",
        "commission",   "cooperation",  "partnership",   "theme",      "license",
        "licence",      "plugin",       "headquarters",  "secretariat"};
    return words;
}

// Capitalised at the start of a sentence, never part of a name: "Besides Medinsky", "Will Kyiv".
const WordSet& function_words() {
    static const WordSet words{
        "the",        "a",          "an",        "and",         "or",           "but",
        "if",         "when",       "while",     "after",       "before",       "since",
        "as",         "at",         "in",        "on",          "of",           "for",
        "from",       "to",         "with",      "by",          "about",        "according",
        "besides",    "meanwhile",  "however",   "also",        "earlier",      "later",
        "then",       "now",        "still",     "yet",         "both",         "all",
        "some",       "many",       "most",      "several",     "this",         "that",
        "these",      "those",      "his",       "her",         "their",        "its",
        "our",        "my",         "your",      "he",          "she",          "they",
        "we",         "it",         "i",         "there",       "here",         "speaking",
        "writing",    "citing",     "asked",     "under",       "over",         "during",
        "despite",    "although",   "though",    "because",     "unlike",       "like",
        "among",      "between",    "without",   "within",      "across",       "against",
        "toward",     "towards",    "near",      "why",         "what",         "who",
        "how",        "where",      "which",     "whose",       "will",         "would",
        "may",        "might",      "can",       "could",       "should",       "must",
        "did",        "does",       "do",        "has",         "have",         "had",
        "was",        "were",       "is",        "are",         "be",           "been",
        "said",       "says",       "not",       "no",          "yes",          "last",
        "next",       "first",      "new",       "top",         "former",       "acting",
        "late",       "dear",       "sir",       "lady",        "lord",         "today",
        "yesterday",  "tomorrow",   "overnight", "read",        "watch",        "see",
        "more",       "only",       "even",      "just",        "so",           "such",
        "every",      "each",       "neither",   "nor",         "once",         "until",
        "upon",       "via",        "thus",      "instead",     "indeed",       "background",
        "update",     "editor",     "note",      "afterwards",  "afterward",    "finally",
        "previously", "separately", "moreover",  "furthermore", "nevertheless", "nonetheless",
        "otherwise",  "therefore",  "initially", "currently",   "recently",     "tonight"};
    return words;
}

// Verbs that attribute speech to the name next to them: "Bogomaz wrote", "said Marta Kos".
const WordSet& speech_verbs() {
    static const WordSet words{"said",       "says",       "told",      "tells",        "wrote",
                               "writes",     "added",      "adds",      "stated",       "noted",
                               "explained",  "claimed",    "announced", "warned",       "stressed",
                               "confirmed",  "insisted",   "argued",    "posted",       "replied",
                               "responded",  "commented",  "urged",     "acknowledged", "admitted",
                               "emphasised", "emphasized", "described", "denied",       "reported",
                               "accused",    "condemned",  "called",    "asked"};
    return words;
}

bool is_outlet_noun(std::string_view key) {
    static const WordSet words{"outlet",  "newspaper", "daily",       "weekly",  "magazine",
                               "channel", "website",   "broadcaster", "portal",  "tabloid",
                               "paper",   "journal",   "publication", "station", "agency",
                               "service", "platform",  "site",        "app"};
    return words.contains(key);
}

bool is_organisation_noun(std::string_view key) {
    static const WordSet words{"group",   "organisation", "organization", "foundation", "charity",
                               "company", "firm",         "movement",     "initiative", "project",
                               "network", "association",  "fund",         "ngo",        "band"};
    return words.contains(key);
}

bool is_weapon_noun(std::string_view key) {
    static const WordSet words{"missile", "missiles", "rocket",   "rockets",  "drone", "drones",
                               "system",  "systems",  "tank",     "tanks",    "jet",   "jets",
                               "fighter", "fighters", "launcher", "launchers"};
    return words.contains(key);
}

bool is_vessel_noun(std::string_view key) {
    static const WordSet words{"ship",      "ships",      "vessel",    "vessels",  "cruiser",
                               "cruisers",  "frigate",    "frigates",  "corvette", "corvettes",
                               "submarine", "submarines", "warship",   "warships", "tanker",
                               "tankers",   "destroyer",  "destroyers"};
    return words.contains(key);
}

bool is_title_only_capitalised(std::string_view key) { return key == "private"; }

bool is_one_name_title(std::string_view key) {
    return key == "pope" || key == "patriarch" || key == "king" || key == "queen" ||
           key == "tsar" || key == "emperor";
}

// Days and months: capitalised, and next to names in datelines ("On 5 June Viktor Kovalenko").
bool is_calendar_word(std::string_view key) {
    static const WordSet words{"monday",    "tuesday", "wednesday", "thursday", "friday",
                               "saturday",  "sunday",  "january",   "february", "march",
                               "april",     "may",     "june",      "july",     "august",
                               "september", "october", "november",  "december"};
    return words.contains(key);
}

bool is_age_word(std::string_view key) {
    static const WordSet words{
        "two",     "three",     "four",     "five",     "six",      "seven",    "eight",
        "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty",   "thirty",   "forty",
        "fifty",   "sixty",     "seventy",  "eighty",   "ninety"};
    return words.contains(key);
}

bool is_roman_numeral(std::string_view word) {
    constexpr std::size_t kMaxLetters = 6;
    return !word.empty() && word.size() <= kMaxLetters &&
           word.find_first_not_of("IVXLC") == std::string_view::npos;
}

bool is_world_region(std::string_view key) {
    static const WordSet words{"europe",  "africa",  "asia",     "eurasia",   "americas",
                               "pacific", "oceania", "atlantic", "antarctica"};
    return words.contains(key);
}

// Lower-case words inside names: "Tamim bin Hamad al-Thani", "Ursula von der Leyen".
const WordSet& particles() {
    static const WordSet words{"bin", "ibn", "al",  "el",  "de",  "da", "di",
                               "du",  "van", "von", "der", "den", "la", "le"};
    return words;
}

}  // namespace talksearch::indexer::name_words
