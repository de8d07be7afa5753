/** @module The assistant's own words, in Dutch and English. Contract quotes are never translated. */
import type { Language } from '../contracts/index.js';

export interface Messages {
  greeting: string;
  rating: string;
  outOfScope: string;
  noClause: string;
  offerTicket: string;
  according: (source: string) => string;
  alsoRelevant: string;
  withheld: (clauses: string) => string;
  accountable: (supplier: string, service: string, contract: string) => string;
  behind: (parties: string) => string;
  noContract: (service: string) => string;
  incident: (service: string, supplier: string, contract: string) => string;
  incidentUnknownService: string;
  supportOpen: (supplier: string, service: string, when: string, hours: string) => string;
  supportClosed: (supplier: string, service: string, when: string, hours: string, reason: string) => string;
  supportOnlyUrgent: (supplier: string, service: string, when: string, urgentHours: string, hours: string) => string;
  opensAgain: (when: string) => string;
  holidayReason: (name: string) => string;
  outsideHoursReason: string;
  supportHours: (hours: string) => string;
  /** One priority's targets; `hours` is the support time they are counted in. */
  target: (supplier: string, service: string, priority: string, response?: string, resolution?: string, hours?: string) => string;
  contact: (contact: string) => string;
  whenNow: string;
}

const en: Messages = {
  greeting:
    'Hi! I am SPOSA. Ask me what our IT contracts cover ("is the service desk open in the evening?"), who is responsible for a service ("who handles VPN?"), or tell me what is broken and I will get it to the right supplier.',
  rating: 'Thank you! Ratings are asked for once a ticket is resolved; you will get a short question then.',
  outOfScope:
    'That is outside what I can help with. I answer questions about IT services and their contracts, and I route IT problems to the supplier that is accountable.',
  noClause: 'I could not find a clause in the contracts that answers this, so I will not guess.',
  offerTicket: 'Shall I open a ticket so a person picks it up?',
  according: (source) => `According to ${source}:`,
  alsoRelevant: 'Also relevant:',
  withheld: (clauses) =>
    `There is a restricted clause on this (${clauses}). Only service managers may read it; ask your IT service manager.`,
  accountable: (supplier, service, contract) => `${supplier} is accountable for ${service} under ${contract}.`,
  behind: (parties) => `Behind it: ${parties}.`,
  noContract: (service) => `No contract in force covers ${service} today.`,
  incident: (service, supplier, contract) =>
    `This sounds like an incident with ${service}. ${supplier} is accountable for it under ${contract}.`,
  incidentUnknownService:
    'This sounds like an incident, but I could not tell which service it is about. Which service or application is affected?',
  supportOpen: (supplier, service, when, hours) => `Yes: ${supplier} supports ${service} ${when} (${hours}).`,
  supportClosed: (supplier, service, when, hours, reason) =>
    `No: ${supplier} does not support ${service} ${when} (${hours}; ${reason}).`,
  supportOnlyUrgent: (supplier, service, when, urgentHours, hours) =>
    `Only for urgent incidents: ${supplier} handles P1 incidents on ${service} ${when} (${urgentHours}); other requests wait for normal support hours (${hours}).`,
  opensAgain: (when) => `Support opens again ${when}.`,
  holidayReason: (name) => `it is a public holiday: ${name}`,
  outsideHoursReason: 'outside support hours',
  supportHours: (hours) => `Support hours: ${hours}.`,
  target: (supplier, service, priority, response, resolution, hours) =>
    `${priority} on ${service}: ${supplier} must ${[response && `respond within ${response}`, resolution && `resolve it within ${resolution}`].filter(Boolean).join(' and ')}${hours ? `, counted in ${priority} support time (${hours})` : ''}.`,
  contact: (contact) => `Contact: ${contact}.`,
  whenNow: 'right now',
};

const nl: Messages = {
  greeting:
    'Hoi! Ik ben SPOSA. Vraag me wat onze IT-contracten dekken ("werkt de servicedesk \'s avonds?"), wie verantwoordelijk is voor een dienst ("wie gaat over de VPN?"), of vertel wat er stuk is en ik zet het door naar de juiste leverancier.',
  rating: 'Dank je! Een beoordeling vragen we zodra een melding is opgelost; je krijgt dan een korte vraag.',
  outOfScope:
    'Daar kan ik je niet mee helpen. Ik beantwoord vragen over IT-diensten en hun contracten, en ik zet IT-storingen door naar de verantwoordelijke leverancier.',
  noClause: 'Ik vond geen artikel in de contracten dat dit beantwoordt, dus ik ga niet gokken.',
  offerTicket: 'Zal ik een melding aanmaken zodat iemand ernaar kijkt?',
  according: (source) => `Volgens ${source}:`,
  alsoRelevant: 'Ook relevant:',
  withheld: (clauses) =>
    `Hierover staat een vertrouwelijk artikel in het contract (${clauses}). Alleen servicemanagers mogen dat inzien; vraag het je IT-servicemanager.`,
  accountable: (supplier, service, contract) => `${supplier} is verantwoordelijk voor ${service} onder ${contract}.`,
  behind: (parties) => `Daarachter: ${parties}.`,
  noContract: (service) => `Er is vandaag geen geldig contract voor ${service}.`,
  incident: (service, supplier, contract) =>
    `Dit klinkt als een storing in ${service}. ${supplier} is daarvoor verantwoordelijk onder ${contract}.`,
  incidentUnknownService:
    'Dit klinkt als een storing, maar ik kan niet zien om welke dienst het gaat. Welke dienst of applicatie werkt niet?',
  supportOpen: (supplier, service, when, hours) => `Ja: ${supplier} ondersteunt ${service} ${when} (${hours}).`,
  supportClosed: (supplier, service, when, hours, reason) =>
    `Nee: ${supplier} ondersteunt ${service} ${when} niet (${hours}; ${reason}).`,
  supportOnlyUrgent: (supplier, service, when, urgentHours, hours) =>
    `Alleen voor spoedstoringen: ${supplier} pakt P1-storingen in ${service} ${when} op (${urgentHours}); andere verzoeken wachten op de normale ondersteuningstijden (${hours}).`,
  opensAgain: (when) => `De ondersteuning gaat weer open op ${when}.`,
  holidayReason: (name) => `het is een feestdag: ${name}`,
  outsideHoursReason: 'buiten de ondersteuningstijden',
  supportHours: (hours) => `Ondersteuningstijden: ${hours}.`,
  target: (supplier, service, priority, response, resolution, hours) =>
    `${priority} in ${service}: ${supplier} moet ${[response && `binnen ${response} reageren`, resolution && `het binnen ${resolution} oplossen`].filter(Boolean).join(' en ')}${hours ? `, gerekend in de ondersteuningstijd voor ${priority} (${hours})` : ''}.`,
  contact: (contact) => `Contact: ${contact}.`,
  whenNow: 'op dit moment',
};

export const MESSAGES: Record<Language, Messages> = { en, nl };
