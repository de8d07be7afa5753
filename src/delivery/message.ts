/**
 * @module What a supplier receives about a ticket event: a JSON document for their systems (webhook) and the same
 * facts as text for people (Slack, e-mail), in the language of their contract.
 */
import type { Language } from '../contracts/index.js';
import type { Ticket, TicketEvent } from '../tickets/index.js';

/** The webhook body, documented in the README; `delivery` lets a receiver ignore a redelivery it already has. */
export interface SupplierMessage {
  delivery: string;
  event: string;
  at: string;
  note?: string;
  ticket: {
    id: string;
    status: string;
    service: string;
    priority: string;
    description: string;
    contractId: string;
    explanation: string;
    responseDue: string | null;
    resolutionDue: string | null;
    createdAt: string;
  };
  /** Where to send acknowledge / comment / resolve: signed POSTs with the supplier's key. */
  updateUrl: string;
}

export function supplierMessage(ticket: Ticket, event: TicketEvent, publicUrl: string): SupplierMessage {
  const note = typeof event.data.note === 'string' ? event.data.note : undefined;
  return {
    delivery: `${ticket.id}/${event.id}`,
    event: event.type,
    at: event.at,
    ...(note ? { note } : {}),
    ticket: {
      id: ticket.id,
      status: ticket.status,
      service: ticket.service,
      priority: ticket.priority,
      description: ticket.description,
      contractId: ticket.contractId,
      explanation: ticket.explanation,
      responseDue: ticket.responseDue ?? null,
      resolutionDue: ticket.resolutionDue ?? null,
      createdAt: ticket.createdAt,
    },
    updateUrl: `${publicUrl.replace(/\/$/, '')}/api/supplier/tickets/${ticket.id}/events`,
  };
}

const HEADLINES: Record<Language, Record<string, string>> = {
  en: {
    routed: 'New ticket', rerouted: 'Ticket rerouted to you', commented: 'Comment on ticket', resumed: 'Reporter answered: clock running again',
    reopened: 'Ticket reopened', cancelled: 'Ticket cancelled', closed: 'Ticket closed',
    'response-at-risk': 'Reminder: response due soon', 'resolution-at-risk': 'Reminder: resolution due soon',
    'response-breached': 'Response time breached: escalated', 'resolution-breached': 'Resolution time breached: escalated',
  },
  nl: {
    routed: 'Nieuwe melding', rerouted: 'Melding naar u doorgezet', commented: 'Opmerking bij melding', resumed: 'Melder heeft geantwoord: de klok loopt weer',
    reopened: 'Melding heropend', cancelled: 'Melding ingetrokken', closed: 'Melding gesloten',
    'response-at-risk': 'Herinnering: reactietijd loopt bijna af', 'resolution-at-risk': 'Herinnering: oplostijd loopt bijna af',
    'response-breached': 'Reactietijd overschreden: geëscaleerd', 'resolution-breached': 'Oplostijd overschreden: geëscaleerd',
  },
};

export function headline(event: string, language: Language): string {
  return HEADLINES[language][event] ?? event;
}

/** Plain text for e-mail and Slack's notification text: headline, ticket, due times and the reporter's words. */
export function messageText(message: SupplierMessage, language: Language): string {
  const { ticket } = message;
  const labels = language === 'nl'
    ? { due: 'Reactie uiterlijk', fix: 'Oplossing uiterlijk', words: 'Melding', note: 'Toelichting', update: 'Bijwerken' }
    : { due: 'Response due', fix: 'Resolution due', words: 'Report', note: 'Note', update: 'Update' };
  return [
    `${headline(message.event, language)}: ${ticket.id} (${ticket.priority}, ${ticket.service})`,
    ticket.explanation,
    `${labels.words}: "${ticket.description}"`,
    ...(message.note ? [`${labels.note}: ${message.note}`] : []),
    `${labels.due}: ${ticket.responseDue ?? '-'} · ${labels.fix}: ${ticket.resolutionDue ?? '-'}`,
    `${labels.update}: ${message.updateUrl}`,
  ].join('\n');
}
