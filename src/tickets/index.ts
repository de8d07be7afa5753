/** @module Tickets: opened from any surface, routed to the accountable supplier with SLA due times, fully audited. */
export { openTicket, type OpenTicketDeps, ticketId, type TicketInput, ticketInputSchema } from './open-ticket.js';
export { type Route, routeTicket } from './route.js';
export * from './types.js';
