/** @module Tickets: opened from any surface, routed to the accountable supplier with SLA due times, fully audited. */
export { ACTIONS, canTransition, changeTicket, type TicketAction } from './lifecycle.js';
export { openTicket, type OpenTicketDeps, ticketId, type TicketInput, ticketInputSchema } from './open-ticket.js';
export { type Route, routeTicket } from './route.js';
export { DEFAULT_MATRIX, type Level, type Triage, triage } from './triage.js';
export * from './types.js';
