/** @module Every action_id, callback_id and command SPOSA registers with Slack, in one place. */
export const ACTION = {
  openTicket: 'sposa_open_ticket',
  feedback: 'sposa_answer_feedback',
  /** The 0–10 buttons of a rating request; each button's action_id ends in its score (ids must be unique per block). */
  ratePrefix: 'sposa_rate_',
} as const;

export const VIEW = {
  ticket: 'sposa_ticket_modal',
  rating: 'sposa_rating_modal',
} as const;

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
