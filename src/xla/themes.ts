/**
 * @module Comment themes: which recurring complaints and praise people write about, by counting word stems in Dutch
 * and English. Deterministic and explainable to a supplier at a review table, which a model would not be.
 */

/** Each theme and the stems that signal it (matched at the start of a word, case-insensitively). */
const THEMES: Record<string, readonly string[]> = {
  'waiting / slow': ['wacht', 'lang', 'traag', 'dagen', 'slow', 'wait', 'took', 'long', 'days', 'delay', 'vertraag'],
  'not informed': ['niks gehoord', 'niets gehoord', 'geen update', 'terugkoppel', 'informeer', 'geïnformeerd', 'no update', 'not informed', 'heard nothing', 'never heard', 'communicat', 'communic'],
  'not fixed / came back': ['opnieuw', 'weer ', 'nog steeds', 'kwam terug', 'komt terug', 'again', 'still', 'came back', 'recurr', 'niet opgelost', 'not fixed'],
  'passed around': ['doorverwezen', 'doorgestuurd', 'ander team', 'pingpong', 'ping-pong', 'transferred', 'another team', 'passed', 'bounced'],
  'lost work': ['werk kwijt', 'kwijt', 'verloren', 'lost', 'deadline', 'niet werken', "couldn't work", 'could not work'],
  'fast help': ['snel', 'vlot', 'direct', 'quick', 'fast', 'prompt', 'immediately'],
  'friendly / clear': ['vriendelijk', 'duidelijk', 'behulpzaam', 'netjes', 'friendly', 'clear', 'helpful', 'kind', 'polite'],
};

export interface Theme {
  theme: string;
  comments: number;
}

const normalise = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}'\- ]+/gu, ' ').replace(/\s+/g, ' ')} `;

/** The themes of a set of comments, most common first; a comment counts once per theme however often it repeats it. */
export function commentThemes(comments: readonly string[], limit = 5): Theme[] {
  const texts = comments.map(normalise);
  return Object.entries(THEMES)
    .map(([theme, stems]) => ({ theme, comments: texts.filter((text) => stems.some((stem) => text.includes(` ${stem}`))).length }))
    .filter((entry) => entry.comments > 0)
    .sort((a, b) => b.comments - a.comments || a.theme.localeCompare(b.theme))
    .slice(0, limit);
}
