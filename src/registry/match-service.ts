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

/** Optimal-string-alignment distance: edits, with a swap of two neighbours ("citirx") counting as one. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const similarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);

/** Below this, a typo-tolerant match is more likely a different word than a misspelling. */
const FUZZY_THRESHOLD = 0.8;
/** Short names ("VPN", "M365") only match exactly: one edit turns them into other words. */
const FUZZY_MIN_LENGTH = 5;
/** The shortest word recognised as the head of a compound; shorter ones end too many unrelated words. */
const COMPOUND_HEAD_MIN = 6;

function scorePhrase(queryTokens: string[], phrase: string): { score: number; fuzzy: boolean } {
  const phraseTokens = phrase.split(' ');
  const query = queryTokens.join(' ');
  if (query === phrase) return { score: 1, fuzzy: false };
  let best = { score: 0, fuzzy: false };
  const width = phraseTokens.length;
  for (let start = 0; start + width <= queryTokens.length; start += 1) {
    const window = queryTokens.slice(start, start + width).join(' ');
    // Between two services named outright, the one named first is usually the subject ("citrix hangt, kan niet inloggen").
    if (window === phrase) return { score: 0.95 - Math.min(start, 40) / 1000, fuzzy: false };
    // Lengths alone bound the similarity; most pairs are ruled out without computing the edit distance.
    const lengthBound = 1 - Math.abs(window.length - phrase.length) / Math.max(window.length, phrase.length, 1);
    if (phrase.length >= FUZZY_MIN_LENGTH && lengthBound >= FUZZY_THRESHOLD) {
      const score = similarity(window, phrase);
      if (score >= FUZZY_THRESHOLD && score * 0.9 > best.score) best = { score: score * 0.9, fuzzy: true };
    }
  }
  // Dutch compounds put the head last: "werktelefoon" is a "telefoon", "laptopscherm" a "scherm".
  if (best.score < 0.85 && width === 1 && phrase.length >= COMPOUND_HEAD_MIN && queryTokens.some((token) => token.length > phrase.length && token.endsWith(phrase))) {
    best = { score: 0.85, fuzzy: true };
  }
  // "workspace" alone still points at "Citrix Workspace", but weaker than a full mention.
  if (best.score < 0.6 && queryTokens.length < width && phrase.includes(query) && query.length >= 4) {
    best = { score: 0.6, fuzzy: true };
  }
  return best;
}

/**
 * Ranks the services a text mentions: a bare term ("citrix") or a whole question ("is de VPN stuk?").
 * @returns matches best first, at most one per service.
 */
export function matchServices(text: string, catalog: readonly ServiceNames[]): ServiceMatch[] {
  const queryTokens = normalize(text).split(' ').filter(Boolean);
  if (queryTokens.length === 0) return [];
  const matches: ServiceMatch[] = [];
  for (const service of catalog) {
    let best: ServiceMatch | undefined;
    const names = [
      { text: service.name, kind: 'name' as const },
      ...service.aliases.map((alias) => ({ text: alias, kind: 'alias' as const })),
    ];
    for (const name of names) {
      const phrase = normalize(name.text);
      if (!phrase) continue;
      const { score, fuzzy } = scorePhrase(queryTokens, phrase);
      if (score > 0 && (!best || score > best.score)) {
        best = { service: service.name, score, matchedBy: fuzzy ? 'fuzzy' : name.kind, via: name.text };
      }
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score || a.service.localeCompare(b.service));
}
