/**
 * @module Demo data: a year of plausible tickets and ratings over the demo corpus, so the XLA dashboard means
 * something on first run. Tickets go through the real opening, lifecycle and rating paths with a moving clock, so
 * they are ordinary rows with audit events. Deterministic: the same end date and seed give the same data.
 * One supplier, Nimbus (Citrix), is seeded as the watermelon: it meets its SLA, and people are unhappy anyway.
 */
import { openSposa, type Sposa } from '../compose.js';
import type { Config } from '../config/index.js';
import type { Priority } from '../contracts/index.js';
import { localDate } from '../shared/clock.js';
import type { Db } from '../store/index.js';
import { routeTicket } from '../tickets/index.js';
import { bandOf, LOST_TIME_CHOICES, reasonCodes } from '../xla/index.js';

/** How a supplier treats tickets in the demo: how often it meets its SLA, and what people think of it. */
interface Profile {
  slaMet: number;
  /** Mean score and spread of a normal-ish distribution, clipped to 0–10. */
  mean: number;
  spread: number;
}

const DEFAULT_PROFILE: Profile = { slaMet: 0.93, mean: 8.6, spread: 1.1 };
const PROFILES: Record<string, Profile> = {
  // The watermelon: always on time, rarely fixed for good.
  'Nimbus Workspace B.V.': { slaMet: 1, mean: 5.2, spread: 1.8 },
  // Plainly red: late, and people notice.
  'NetLink Telecom B.V.': { slaMet: 0.78, mean: 6.6, spread: 2 },
  // Its contract sets an XLA happiness target of 40; it clears it.
  'HelpPoint Services B.V.': { slaMet: 0.95, mean: 8.9, spread: 1 },
  'Wolkwerk Cloud Services B.V.': { slaMet: 0.96, mean: 8.6, spread: 1.1 },
};

/** What people report, per service, in their own words (Dutch mostly, as in the organisation). */
const PROBLEMS: Record<string, readonly string[]> = {
  'Citrix Workspace': ['Citrix start niet op', 'Mijn Citrix sessie bevriest steeds', 'The Citrix workspace keeps logging me out', 'Citrix is erg traag vandaag'],
  Network: ['Geen netwerk op de tweede verdieping', 'Netwerk valt steeds weg', 'The network drops every few minutes'],
  VPN: ['VPN verbindt niet vanaf thuis', 'I cannot connect to the VPN'],
  'Wi-Fi': ['Wifi in de raadszaal werkt niet', 'The Wi-Fi in meeting room 3 is down'],
  'Microsoft 365': ['Teams start niet', 'OneDrive synchroniseert niet', 'Outlook keeps asking for my password'],
  'E-mail': ['Ik kan geen mail versturen', 'Mail to external addresses bounces'],
  'Service Desk': ['Ik krijg de servicedesk niet te pakken', 'Vraag over mijn account'],
  'Workplace Hardware': ['Mijn laptopscherm is gebarsten', 'Docking station werkt niet', 'My keyboard stopped working'],
  'Mobile Phones': ['Werktelefoon start niet meer', 'My work phone does not receive mail'],
  Printing: ['Printer op de eerste verdieping print niet', 'Printer jams all the time'],
  Hosting: ['Server van de afdeling reageert niet'],
  Zaaksysteem: ['Zaaksysteem geeft een foutmelding bij opslaan', 'Cannot open cases in the zaaksysteem'],
  'HR & Payroll': ['Mijn loonstrook staat er niet in', 'Verlofaanvraag lukt niet'],
  'Security Monitoring': ['Verdachte mail ontvangen', 'Phishing mail in my inbox'],
  'Identity & Access': ['Account geblokkeerd', 'Ik heb geen toegang tot de gedeelde map'],
  'Functional Management': ['Rechten in de applicatie kloppen niet'],
};

const COMMENTS = {
  promoter: ['Snel en vriendelijk geholpen', 'Binnen een uur opgelost, top!', 'Quick and clear, thanks', 'Duidelijk uitgelegd wat er mis was'],
  passive: ['Prima, maar het duurde wel even', 'Fine, took a while though', 'Opgelost, geen bijzonderheden'],
  detractor: [
    'Melding gesloten maar het probleem kwam terug', 'Weer hetzelfde probleem als vorige week', 'Niks gehoord tot het ineens gesloten was',
    'Van team naar team doorgestuurd', 'Took days and I could not work', 'Still not fixed, closed anyway', 'Drie dagen gewacht, werk kwijt',
  ],
};

const PRIORITY_WEIGHTS: [Priority, number][] = [['P1', 0.03], ['P2', 0.17], ['P3', 0.7], ['P4', 0.1]];
const REPORTERS = Array.from({ length: 80 }, (_, i) => `U-DEMO-${String(i + 1).padStart(3, '0')}`);
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded, and the demo must come out the same every time. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let roll = next();
    for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
    return items[items.length - 1]?.[0] as T;
  };
  // The sum of three uniforms: bell-shaped enough for satisfaction scores.
  const bell = (mean: number, spread: number) => mean + spread * ((next() + next() + next() - 1.5) * 2);
  return { next, pick, weighted, bell };
}

export interface SeedOptions {
  /** The last day of the demo year; tickets are spread over the 365 days before it. */
  end: Date;
  seed?: number;
  /** Average tickets per working day. */
  ticketsPerDay?: number;
}

export interface SeedSummary {
  tickets: number;
  ratings: number;
}

/** Seeds the demo year only into a database with no tickets at all: demo data must never mix with real tickets. */
export async function seedDemoIfEmpty(sposa: Sposa, options: SeedOptions): Promise<SeedSummary | undefined> {
  if ((await sposa.tickets.list({ limit: 1 })).length) return undefined;
  return seedDemo(sposa.config, sposa.db, options);
}

/** Writes the demo year into a database that already holds the demo contracts. */
async function seedDemo(config: Config, db: Db, options: SeedOptions): Promise<SeedSummary> {
  const random = prng(options.seed ?? 2026);
  let now = new Date(options.end.getTime() - 365 * DAY);
  const sposa: Sposa = await openSposa(config, { db, clock: () => now });
  const registry = await sposa.registry();
  const services = registry.services.map((service) => service.name).filter((name) => PROBLEMS[name]);
  const summary: SeedSummary = { tickets: 0, ratings: 0 };
  const perDay = options.ticketsPerDay ?? 3;
  const seeded: string[] = [];

  for (let day = new Date(now); day < options.end; day = new Date(day.getTime() + DAY)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const count = Math.floor(random.next() * perDay * 2 + 0.5);
    for (let i = 0; i < count; i += 1) {
      const service = random.pick(services);
      // Before a service's contract starts there is nobody to route to; real tickets would not exist either.
      const route = await routeTicket(registry, service, localDate(day, config.timezone));
      if (!route) continue;
      const profile = PROFILES[route.supplier] ?? DEFAULT_PROFILE;
      now = new Date(day.getTime() + (6 * 60 + Math.floor(random.next() * 9 * 60)) * MINUTE);
      const opened = await sposa.openTicket({
        service,
        priority: random.weighted(PRIORITY_WEIGHTS),
        description: random.pick(PROBLEMS[service] ?? []),
        reporterId: random.pick(REPORTERS),
        origin: { surface: 'slack' },
      });
      seeded.push(opened.id);
      // On time: somewhere in the first 80 % of the allowed time; late: up to half as long again past the due time.
      const when = (due: string | undefined, fallbackMs: number) => {
        const meets = random.next() < profile.slaMet;
        const start = Date.parse(opened.createdAt);
        const allowed = due ? Date.parse(due) - start : fallbackMs;
        return new Date(start + Math.max(MINUTE, meets ? allowed * (0.1 + 0.7 * random.next()) : allowed * (1.05 + 0.5 * random.next())));
      };
      const acknowledged = when(opened.responseDue, 2 * 60 * MINUTE);
      now = acknowledged;
      await sposa.changeTicket({ id: opened.id, action: 'acknowledge', actor: route.supplier, role: 'supplier' });
      now = new Date(Math.max(when(opened.resolutionDue, 2 * DAY).getTime(), acknowledged.getTime() + MINUTE));
      // Still open when the demo year ends: withdrawn, so the demo has no live tickets to escalate.
      if (now >= options.end) {
        await sposa.changeTicket({ id: opened.id, action: 'cancel', actor: 'demo', role: 'staff', note: 'demo data' });
        continue;
      }
      await sposa.changeTicket({ id: opened.id, action: 'resolve', actor: route.supplier, role: 'supplier' });
      summary.tickets += 1;
      const resolvedAt = now;
      await sposa.xla.markAsked(opened.id, resolvedAt);
      if (random.next() < 0.62) {
        now = new Date(resolvedAt.getTime() + Math.floor(random.next() * 20 * 60) * MINUTE);
        const score = Math.max(0, Math.min(10, Math.round(random.bell(profile.mean, profile.spread))));
        const band = bandOf(score);
        const codes = reasonCodes(band);
        await sposa.xla.rate({
          ticketId: opened.id,
          score,
          reasons: codes.length ? [...new Set([random.pick(codes), random.pick(codes)])] : [],
          ...(random.next() < 0.45 ? { comment: random.pick(COMMENTS[band]) } : {}),
          lostMinutes: band === 'promoter' ? random.pick([0, 0, 15]) : random.pick(LOST_TIME_CHOICES.map((choice) => choice.minutes)),
        });
        summary.ratings += 1;
      } else {
        await sposa.xla.markReminded(opened.id, new Date(resolvedAt.getTime() + config.ratingReminderHours * 60 * MINUTE));
      }
    }
  }
  // Demo history is not news: nothing about it is delivered to suppliers, reporters or managers.
  await sposa.jobs.cancelWhere('ticketId', seeded, now);
  return summary;
}
