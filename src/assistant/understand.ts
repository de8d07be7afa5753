/**
 * @module Question understanding: intent, language, the services a question is about and the moment it refers to.
 * Rules, not a model: they run offline, in microseconds, and every decision can be traced to a phrase.
 */
import { detectLanguage, type Language, PRIORITIES, type Priority } from '../contracts/index.js';
import { matchServices, normalize, type ServiceMatch, type ServiceNames } from '../registry/index.js';
import type { Glossary } from '../retrieval/index.js';
import { findTimeReference, type TimeReference } from './time-words.js';
import type { Intent } from './types.js';

export interface Understanding {
  intent: Intent;
  language: Language;
  /** Services the question names, best first (may be empty; retrieval can still suggest one). */
  services: ServiceMatch[];
  time?: TimeReference;
  /** The ticket priority the question names ("P2", "prio 1", "severity 1"), if any. */
  priority?: Priority;
  /** Glossary concepts found, a sign the question is about IT services at all. */
  concepts: string[];
  /** The topics it asks after ("how fast" → response and resolution times), from the glossary. */
  topics: string[];
}

export interface UnderstandContext {
  services: readonly ServiceNames[];
  glossary: Glossary;
  defaultLanguage: Language;
  now: Date;
  timezone: string;
}

const GREETING = /^(hi|hoi|hallo|hey|hello|hee|hai|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon|evening)|thanks|thank you|thx|bedankt|dank je( wel)?|dankjewel|top|ok(e|ay)?|cheers)\b/;
const RATING = /^(\d|10)( ?\/ ?10)?$|\b(rate|rating|beoordeling|beoordeel|cijfer|score|geef .* een)\b.*\b(\d|10)\b/;
const RESPONSIBILITY = new RegExp(
  [
    '\\b(who|wie)\\b.*\\b(responsible|accountable|verantwoordelijk|aanspreekbaar|gaat over|beheert|levert|regelt|in charge|owns|eigenaar)\\b',
    '\\b(which|what|welke|wat voor)\\b.*\\b(company|supplier|party|vendor|provider|leverancier|partij|bedrijf|firma)\\b',
    '\\bwho (handles|manages|supports|provides|delivers|runs|looks after|maintains|do i (call|contact|ask))\\b',
    '\\bwie (moet ik|kan ik|bel ik|doet|ondersteunt|onderhoudt|is de leverancier|zit er achter)\\b',
    '\\b(supplier|leverancier|vendor) (for|of|van|voor)\\b',
    '\\bverantwoordelijke? (voor|partij)\\b',
    '\\b(is|are|zijn|is het)\\b.*\\b(accountable|responsible|verantwoordelijk|aanspreekbaar)\\b',
  ].join('|'),
);
/** A report of something broken, in the first person or the present tense. */
const PROBLEM = /\b(doet het niet|doen het niet|werkt niet|werken niet|werkt nog steeds niet|kapot|stuk|storing|plat|ligt eruit|ligt plat|eruit|down|crash(t|ed|es)?|broken|not working|doesn ?t work|don ?t work|isn ?t working|can ?t|cannot|kan niet|kan ik niet|lukt niet|foutmelding|error|hangt|hangen|vastgelopen|bevriest|freezes|frozen|traag|slow|valt weg|valt steeds weg|drops|dropping|keeps dropping|cracked|gebarsten|geen verbinding|no connection|offline|outage|uitval|geblokkeerd|blocked|locked out|kwijt|lost|gehackt|hacked|phishing|virus|doesn ?t|does not|won ?t|will not|niet meer|gaat niet|nobody|no one|niemand|not detected)\b/;
/** Phrasings that ask what the contract says about a problem rather than report one. */
const HYPOTHETICAL = /\b(what if|what happens|wat als|wat gebeurt|how (fast|quickly|soon|long)|hoe (snel|lang|vlug)|binnen (welke|hoeveel)|within how|is .* covered|are .* covered|gedekt|valt .* onder|falls under|what (is|are) the|wat (is|zijn) de|penalt\w*|boete\w*|servicecredit\w*|service credits?|sla|contract\w*|claus\w*|artikel\w*|response times?|resolution times?|responstijd\w*|oplostijd\w*|hersteltijd\w*|availability|beschikbaarheid|guarantee\w*|garantie\w*|allowed|mag|mogen|does .* include|inbegrepen|compensat\w*|vergoed\w*)\b/;
/** "P1", "p1-storing", "prio 2", "priority 3", "prioriteit 1", "severity 1", "sev1", on normalised text. */
const PRIORITY = /\b(?:p|prio|priority|prioriteit|severity|sev)\s?([1-4])\b/;
const FIRST_PERSON = /\b(i|my|me|we|our|ik|mijn|me|we|wij|ons|onze)\b/;

/** Decides what kind of message this is; the order of the checks is the order of precedence. */
function classify(text: string, services: ServiceMatch[], concepts: string[]): Intent {
  const words = text.split(' ').filter(Boolean);
  if (GREETING.test(text) && words.length <= 4) return 'greeting';
  if (RATING.test(text)) return 'rating';
  if (RESPONSIBILITY.test(text)) return 'responsibility';
  if (PROBLEM.test(text) && (!HYPOTHETICAL.test(text) || (FIRST_PERSON.test(text) && !text.includes('what if') && !text.includes('wat als')))) {
    return 'incident';
  }
  if (services.length === 0 && concepts.length === 0) return 'out_of_scope';
  return 'coverage';
}

/** Security subjects: whatever application they happened in, they are the security service's business. */
const SECURITY_TOPIC = /\b(phishing|phishingmail|malware|ransomware|virus|datalek|data breach|gehackt|hacked|verdachte (mail|link)|suspicious (e ?mail|link))\b/;
/**
 * Signs that an account or device may be compromised right now: a report of a security incident, not a question
 * ("I clicked a link in an email and typed my password" is for the SOC, and urgent).
 */
const COMPROMISE = /\b(clicked (on )?(a|the|that) link|op (een|de|die) link geklikt|typed (in )?my password|entered my password|wachtwoord (ingevuld|ingetypt|ingevoerd)|gehackt|hacked|ransomware)\b/;

/** The registry's security service, if it has one: the one its names call security. */
function securityService(services: UnderstandContext['services']): ServiceMatch | undefined {
  const [match] = matchServices('security', services);
  return match && match.score >= 0.9 ? { ...match, score: 0.96 } : undefined;
}

function priorityIn(text: string): Priority | undefined {
  const level = PRIORITY.exec(text)?.[1];
  return level ? PRIORITIES[Number(level) - 1] : undefined;
}

/** Reads a question. */
export function understand(question: string, context: UnderstandContext): Understanding {
  const text = normalize(question);
  const named = matchServices(question, context.services).filter((match) => match.score >= 0.75);
  const compromised = COMPROMISE.test(text);
  const security = compromised || SECURITY_TOPIC.test(text) ? securityService(context.services) : undefined;
  const services = security ? [security, ...named.filter((match) => match.service !== security.service)] : named;
  const hits = context.glossary.match(question);
  const language = detectLanguage(question, hits.language ?? context.defaultLanguage);
  return {
    intent: compromised ? 'incident' : classify(text, services, hits.concepts),
    language,
    services,
    time: findTimeReference(question, context.now, context.timezone),
    priority: priorityIn(text),
    concepts: hits.concepts,
    topics: hits.topics,
  };
}
