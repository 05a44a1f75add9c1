// Seeded hostile query strings for the end-to-end tests and scripts/reliability: the query
// language's operators, quotes, parentheses, fields, NEAR/ADJ and wildcards, mixed with unicode,
// control characters, very long words and raw bytes. The same seed gives the same queries.

import { seededRandom } from './seeded_random.mjs';

const PIECES = [
  'peace', 'talks', 'Geneva', 'Odessa', 'Kiev', 'negotiat*', 'ic*', 'a*', '*', '**', 'title:',
  'title:talk*', 'title:"peace talks"', 'city:', 'city:Odesa', 'city:"Kryvyi Rih"',
  'negotiator:Medinsky', 'organization:NATO', 'jtitle:', 'colour:blue', 'xwildcard:',
  'xtitlewildcard:ta', 'AND', 'OR', 'NOT', 'XOR', 'NEAR', 'NEAR/3', 'NEAR/0', 'NEAR/99999999999',
  'ADJ', 'ADJ/2', 'NEAR:-', 'and', 'or', '(', ')', '((', '))', '"', '""', '"peace talks"',
  '"negotiat* talks"', '-', '+', '-peace', '+talks', '^', '\\a', '\\', '~', '..', '1..9',
  '2025..2026', '&', '|', '&&', "'", ':', '::', '[', ']', '{', '}', '<', '>', '%', '%00', '#', '?',
  '=', ';', 'Одеса', 'Київ', '日本語', '\u{1F600}', 'e\u0301', '\u00A0', '\u200B', '\uFEFF', '\t',
  '\n', '\r', '\u0001', '\u0000', '\u007F', 'ﬁ',
];

// One query text.
export function hostileQuery(random) {
  const roll = random.int(10);
  if (roll === 0) return 'w'.repeat(1 + random.int(1200));  // very long words, around the limit
  if (roll === 1) {  // random code points, controls included
    let text = '';
    for (let n = 1 + random.int(40); n > 0; n--) {
      text += String.fromCodePoint(random.pick([random.int(0x80), random.int(0x800),
        random.int(0xd800), 0x10000 + random.int(0x1000)]));
    }
    return text;
  }
  let query = '';
  for (let n = 1 + random.int(14); n > 0; n--) {
    if (query && random.int(3) !== 0) query += ' ';
    query += random.pick(PIECES);
  }
  return query;
}

// `count` request paths: mostly /api/search, some /api/doc and /api/suggest, some raw bytes
// that are not always UTF-8.
export function hostilePaths(seed, count, docIds) {
  const random = seededRandom(seed);
  const paths = [];
  for (let i = 0; i < count; i++) {
    const q = hostileQuery(random);
    const endpoint = random.int(10);
    if (endpoint === 0) {
      paths.push(`/api/doc/${encodeURIComponent(random.pick(docIds))}?q=${encodeURIComponent(q)}`);
    } else if (endpoint === 1) {
      paths.push(`/api/suggest?q=${encodeURIComponent(q)}`);
    } else if (endpoint === 2) {
      const bytes = Array.from({ length: 1 + random.int(30) }, () => random.int(256));
      paths.push(`/api/search?q=${bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`);
    } else {
      paths.push(`/api/search?q=${encodeURIComponent(q)}`);
    }
  }
  return paths;
}
