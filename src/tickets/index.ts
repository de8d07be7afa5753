/** @module Tickets: opened from any surface, routed to the accountable supplier with SLA due times, fully audited. */
export { canTransition, type ChangeDeps, changeTicket, closeOnRating, isOpen, STATUS_ACTIONS, TICKET_ACTIONS, type TicketAction, type TicketChange } from './lifecycle.js';
export { type ActorRole, CONFIRMATION_SAFETY_NET_MS, confirmationKey, JOB_KINDS, notificationsFor } from './notifications.js';
export { type Reroute, type RerouteDeps, rerouteTicket } from './reroute.js';
export { CLOCK_STATES, type ClockState, dueTime, dueTimes, elapsedSupportMinutes, type SlaStatus, type SlaTerms, slaStatus, slaTerms } from './sla-clock.js';
export { openTicket, type OpenTicketDeps, SERVICE_MATCH_THRESHOLD, ticketId, type TicketInput, ticketInputSchema } from './open-ticket.js';
export { citeClause, describeClause, type Route, routeTicket } from './route.js';
export { DEFAULT_MATRIX, type Level, LEVELS, type PriorityMatrix, readService, type ServiceReading, type Triage, triage } from './triage.js';
export * from './types.js';
export { ESCALATE_JOB, type EscalationDeps, recordEscalation, sweepSla } from './escalation.js';
