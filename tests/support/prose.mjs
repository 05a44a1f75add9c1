// Text of its own for each fixture article: articles whose bodies are mostly the same words are
// copies of one story to the indexer, and a search shows one of them. `prose(key)` is always
// the same for one key, and shares no run of four words with another key's but by rare chance.

const WORDS = `ceasefire delegation envoy summit corridor prisoner exchange grain port drone missile
  frontline oblast treaty sanctions mediator council statement minister adviser convoy shelling
  evacuation reactor border bridge harbour refinery pipeline airfield brigade battalion winter
  energy talks memorandum guarantee referendum parliament embassy ambassador foreign ministry
  humanitarian observers monitors mission dialogue agenda proposal framework draft clause
  withdrawal deployment artillery reconstruction donors pledge loan reserves tariffs shipping
  insurance tanker cargo customs checkpoint curfew sirens shelters hospital volunteers refugees
  census schools railway locomotive substation transformer blackout generator fuel harvest`
  .split(/\s+/).filter(Boolean);

// A small seeded generator (mulberry32) keyed by the string.
function generator(key) {
  let state = 2166136261;
  for (const ch of key) state = Math.imul(state ^ ch.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function prose(key, count = 40) {
  const next = generator(key);
  const words = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  return `${words.join(' ')}.`;
}
