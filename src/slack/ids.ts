/** @module Every action_id, callback_id and command SPOSA registers with Slack, in one place. */
export const ACTION = {
  openTicket: 'sposa_open_ticket',
  feedback: 'sposa_answer_feedback',
  /** Buttons on a ticket in a supplier's channel; the value is the ticket id. */
  supplierAcknowledge: 'sposa_supplier_acknowledge',
  supplierResolve: 'sposa_supplier_resolve',
  supplierNeedInfo: 'sposa_supplier_need_info',
  /** The 0–10 buttons of a rating request; each button's action_id ends in its score (ids must be unique per block). */
  ratePrefix: 'sposa_rate_',
  /** The link button to the XLA dashboard (managers' Home tab and /sposa report); its click is acknowledged by the catch-all. */
  openDashboard: 'sposa_open_dashboard',
} as const;

export const VIEW = {
  ticket: 'sposa_ticket_modal',
  /** The supplier's question to the reporter; private_metadata carries the ticket id and the channel. */
  needInfo: 'sposa_need_info_modal',
  rating: 'sposa_rating_modal',
} as const;

export const NEED_INFO_FIELD = { question: 'need_info_question' } as const;

export const SHORTCUT = {
  reportIncident: 'sposa_report_incident',
} as const;

export const COMMAND = '/sposa';

/** Block ids of the ticket modal's inputs, read back on submission. */
export const TICKET_FIELD = {
  service: 'ticket_service',
  priority: 'ticket_priority',
  description: 'ticket_description',
} as const;

/** Block ids of the rating modal's inputs. */
export const RATING_FIELD = {
  reasons: 'rating_reasons',
  comment: 'rating_comment',
  lostTime: 'rating_lost_time',
} as const;
