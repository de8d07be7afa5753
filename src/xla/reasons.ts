/**
 * @module What reporters can pick, in Dutch and English: reasons per score band (what went well for 9–10, what went
 * wrong for 0–6; 7–8 gets none, a comment says more there) and how much work time they lost.
 */
import type { Language } from '../contracts/index.js';
import type { Band } from './types.js';

type Labels = Record<Language, string>;

export const REASONS: Record<Band, Record<string, Labels>> = {
  promoter: {
    fast: { en: 'Solved quickly', nl: 'Snel opgelost' },
    first_time_fix: { en: 'Fixed the first time', nl: 'In één keer goed' },
    kept_informed: { en: 'Kept me informed', nl: 'Goed op de hoogte gehouden' },
    friendly: { en: 'Friendly and clear', nl: 'Vriendelijk en duidelijk' },
    easy_to_report: { en: 'Easy to report', nl: 'Makkelijk te melden' },
  },
  passive: {},
  detractor: {
    too_slow: { en: 'Took too long', nl: 'Duurde te lang' },
    not_fixed: { en: 'Not really fixed', nl: 'Niet echt opgelost' },
    not_informed: { en: 'Not kept informed', nl: 'Niet op de hoogte gehouden' },
    passed_around: { en: 'Passed from team to team', nl: 'Van team naar team gestuurd' },
    had_to_chase: { en: 'I had to chase it', nl: 'Ik moest er achteraan zitten' },
    unclear: { en: 'Unclear communication', nl: 'Onduidelijke communicatie' },
  },
};

/** The reason codes of a band, in display order. */
export const reasonCodes = (band: Band): string[] => Object.keys(REASONS[band]);

export const reasonLabel = (code: string, language: Language): string =>
  Object.values(REASONS).find((labels) => code in labels)?.[code]?.[language] ?? code;

/** "How much work time did you lose?": a few honest buckets beat a free number nobody measured. */
export const LOST_TIME_CHOICES: readonly { minutes: number; label: Labels }[] = [
  { minutes: 0, label: { en: 'None', nl: 'Geen' } },
  { minutes: 15, label: { en: 'About 15 minutes', nl: 'Ongeveer een kwartier' } },
  { minutes: 30, label: { en: 'About half an hour', nl: 'Ongeveer een half uur' } },
  { minutes: 60, label: { en: 'About an hour', nl: 'Ongeveer een uur' } },
  { minutes: 120, label: { en: 'A couple of hours', nl: 'Een paar uur' } },
  { minutes: 240, label: { en: 'Half a day', nl: 'Een halve dag' } },
  { minutes: 480, label: { en: 'A day or more', nl: 'Een dag of meer' } },
];
