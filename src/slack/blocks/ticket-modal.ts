/** @module Block Kit for the "Open a ticket" modal: service, priority and the reporter's own words, prefilled. */
import type { ModalView, PlainTextOption } from '@slack/types';
import type { Priority } from '../../contracts/index.js';
import { TICKET_FIELD, VIEW } from '../ids.js';
import { truncate } from '../mrkdwn.js';

export interface TicketDraft {
  service?: string;
  priority?: Priority;
  description: string;
}

/** Where the ticket came from, carried through the modal so the reporter's thread can be kept informed. */
export interface TicketOrigin {
  channel?: string;
  thread?: string;
  turnId?: number;
}

const PRIORITIES: { value: Priority; label: string }[] = [
  { value: 'P1', label: 'P1 — critical: many people cannot work' },
  { value: 'P2', label: 'P2 — high: I cannot work, no workaround' },
  { value: 'P3', label: 'P3 — normal: hindered, a workaround exists' },
  { value: 'P4', label: 'P4 — low: a question or a small inconvenience' },
];

const option = (value: string, label = value): PlainTextOption => ({ text: { type: 'plain_text', text: truncate(label, 75) }, value });

/** Slack allows 100 options in a static select. */
const MAX_OPTIONS = 100;

export function buildTicketModal(draft: TicketDraft, services: readonly string[], origin: TicketOrigin): ModalView {
  const serviceOptions = services.slice(0, MAX_OPTIONS).map((service) => option(service));
  const selectedService = serviceOptions.find((o) => o.value === draft.service);
  const priority = PRIORITIES.find((p) => p.value === (draft.priority ?? 'P3')) ?? PRIORITIES[2];
  return {
    type: 'modal',
    callback_id: VIEW.ticket,
    private_metadata: JSON.stringify(origin),
    title: { type: 'plain_text', text: 'Open a ticket' },
    submit: { type: 'plain_text', text: 'Open ticket' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: TICKET_FIELD.service,
        label: { type: 'plain_text', text: 'Service' },
        element: {
          type: 'static_select',
          action_id: 'value',
          placeholder: { type: 'plain_text', text: 'Which service is affected?' },
          options: serviceOptions,
          ...(selectedService ? { initial_option: selectedService } : {}),
        },
      },
      {
        type: 'input',
        block_id: TICKET_FIELD.priority,
        label: { type: 'plain_text', text: 'How bad is it?' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: PRIORITIES.map((p) => option(p.value, p.label)),
          ...(priority ? { initial_option: option(priority.value, priority.label) } : {}),
        },
      },
      {
        type: 'input',
        block_id: TICKET_FIELD.description,
        label: { type: 'plain_text', text: 'What is wrong? (your own words are kept)' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 3_000,
          initial_value: truncate(draft.description, 3_000),
        },
      },
    ],
  };
}
