/** @module Service matching: finds which registered services a term or a sentence is about, forgiving typos. */

/** A service with every name people use for it. */
export interface ServiceNames {
  name: string;
  aliases: readonly string[];
}

export interface ServiceMatch {
  service: string;
  /** 0..1; 1 is an exact name or alias. */
  score: number;
  matchedBy: 'name' | 'alias' | 'fuzzy';
  /** The name or alias that matched. */
  via: string;
}

/** Lower case, accents and punctuation removed, so "Wi-Fi", "wifi" and "WiFi" meet as far as they can. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Optimal-string-alignment distance (edits, with a swap of two neighbours — "citirx" — counting as one), or
 * `limit + 1` as soon as it is certain to exceed `limit`: matching runs this against every service name for every
 * question, and almost every pair is far apart, so three reused rows and an early exit keep it cheap.
 */
function editDistance(a: string, b: string, limit: number): number {
  const cols = b.length + 1;
  let older = new Int32Array(cols);
  let previous = new Int32Array(cols);
  let current = new Int32Array(cols);
  for (let j = 0; j < cols; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (older[j - 2] as number) + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [older, previous, current] = [previous, current, older];
  }
  return previous[b.length] as number;
}

const letterCounts = new Int32Array(256);

/**
 * A lower bound on the edit distance from letter counts alone: an edit changes at most two counts by one, so
 * strings whose counts differ by more than twice the limit cannot be within it. Counts are kept modulo 256, which
 * can only lower the bound.
 */
function countGap(a: string, b: string): number {
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i) & 255;
    letterCounts[code] = (letterCounts[code] as number) + 1;
  }
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i) & 255;
    letterCounts[code] = (letterCounts[code] as number) - 1;
  }
  let gap = 0;
  for (const text of [a, b]) {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i) & 255;
      gap += Math.abs(letterCounts[code] as number);
      letterCounts[code] = 0;
    }
  }
  return gap;
}

/** 1 for equal strings, falling with each edit; anything below `floor` comes back as 0 without being computed exactly. */
function similarity(a: string, b: string, floor: number): number {
  const longest = Math.max(a.length, b.length, 1);
  const limit = Math.floor(longest * (1 - floor));
  if (countGap(a, b) > 2 * limit) return 0;
  const distance = editDistance(a, b, limit);
  return distance > limit ? 0 : 1 - distance / longest;
}

/** Below this, a typo-tolerant match is more likely a different word than a misspelling. */
const FUZZY_THRESHOLD = 0.8;
/** Short names ("VPN", "M365") only match exactly: one edit turns them into other words. */
const FUZZY_MIN_LENGTH = 5;
/** The shortest word recognised as the head of a compound; shorter ones end too many unrelated words. */
const COMPOUND_HEAD_MIN = 6;
/** What must follow a service named as a compound's first part, so "printers" is not read as a compound. */
const COMPOUND_REST_MIN = 4;

/** The query's consecutive token windows of one width, joined, built once per width per query. */
type Windows = (width: number) => readonly string[];

function scorePhrase(queryTokens: readonly string[], query: string, windowsOf: Windows, phrase: string, width: number): { score: number; fuzzy: boolean } {
  if (query === phrase) return { score: 1, fuzzy: false };
  let best = { score: 0, fuzzy: false };
  const windows = windowsOf(width);
  for (let start = 0; start < windows.length; start += 1) {
    const window = windows[start] as string;
    // Between two services named outright, the one named first is usually the subject ("citrix hangt, kan niet inloggen").
    if (window === phrase) return { score: 0.95 - Math.min(start, 40) / 1000, fuzzy: false };
    // Lengths alone bound the similarity; most pairs are ruled out without computing the edit distance.
    const lengthBound = 1 - Math.abs(window.length - phrase.length) / Math.max(window.length, phrase.length, 1);
    if (phrase.length >= FUZZY_MIN_LENGTH && lengthBound >= FUZZY_THRESHOLD) {
      const score = similarity(window, phrase, FUZZY_THRESHOLD);
      if (score >= FUZZY_THRESHOLD && score * 0.9 > best.score) best = { score: score * 0.9, fuzzy: true };
    }
  }
  // Dutch compounds put the head last: "werktelefoon" is a "telefoon", "laptopscherm" a "scherm".
  if (best.score < 0.85 && width === 1 && phrase.length >= COMPOUND_HEAD_MIN && queryTokens.some((token) => token.length > phrase.length && token.endsWith(phrase))) {
    best = { score: 0.85, fuzzy: true };
  }
  // A service can also be the first part: a "netwerkstoring" is a fault in the network. Weaker, because the head
  // names something else that may belong to another service ("telefoonnummer").
  if (best.score < 0.8 && width === 1 && phrase.length >= COMPOUND_HEAD_MIN && queryTokens.some((token) => token.length >= phrase.length + COMPOUND_REST_MIN && token.startsWith(phrase))) {
    best = { score: 0.8, fuzzy: true };
  }
  // "workspace" alone still points at "Citrix Workspace", but weaker than a full mention.
  if (best.score < 0.6 && queryTokens.length < width && phrase.includes(query) && query.length >= 4) {
    best = { score: 0.6, fuzzy: true };
  }
  return best;
}

/** A name or alias, normalised once per catalog rather than on every question. */
interface PreparedName {
  service: string;
  kind: 'name' | 'alias';
  text: string;
  phrase: string;
  width: number;
}

// Catalogs are the registry snapshot's arrays, replaced (not changed) when contracts are ingested.
const preparedCatalogs = new WeakMap<readonly ServiceNames[], PreparedName[]>();

function prepare(catalog: readonly ServiceNames[]): PreparedName[] {
  let prepared = preparedCatalogs.get(catalog);
  if (!prepared) {
    prepared = catalog.flatMap((service) =>
      [{ text: service.name, kind: 'name' as const }, ...service.aliases.map((alias) => ({ text: alias, kind: 'alias' as const }))]
        .map((name) => ({ service: service.name, ...name, phrase: normalize(name.text) }))
        .filter((name) => name.phrase)
        .map((name) => ({ ...name, width: name.phrase.split(' ').length })),
    );
    preparedCatalogs.set(catalog, prepared);
  }
  return prepared;
}

export function matchServices(text: string, catalog: readonly ServiceNames[]): ServiceMatch[] {
  const queryTokens = normalize(text).split(' ').filter(Boolean);
  if (queryTokens.length === 0) return [];
  const query = queryTokens.join(' ');
  const windowCache = new Map<number, string[]>();
  const windowsOf: Windows = (width) => {
    let windows = windowCache.get(width);
    if (!windows) {
      windows = [];
      for (let start = 0; start + width <= queryTokens.length; start += 1) windows.push(queryTokens.slice(start, start + width).join(' '));
      windowCache.set(width, windows);
    }
    return windows;
  };
  const best = new Map<string, ServiceMatch>();
  for (const name of prepare(catalog)) {
    const { score, fuzzy } = scorePhrase(queryTokens, query, windowsOf, name.phrase, name.width);
    const current = best.get(name.service);
    if (score > 0 && (!current || score > current.score)) {
      best.set(name.service, { service: name.service, score, matchedBy: fuzzy ? 'fuzzy' : name.kind, via: name.text });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.service.localeCompare(b.service));
}
