import { seededRandom } from './seeded_random.mjs';

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

// The generator's seed: the key's FNV-1a hash.
function seedOf(key) {
  let hash = 2166136261;
  for (const ch of key) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

export function prose(key, count = 40) {
  const random = seededRandom(seedOf(key));
  const words = [];
  for (let i = 0; i < count; i++) words.push(random.pick(WORDS));
  return `${words.join(' ')}.`;
}
