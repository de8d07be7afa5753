/** @module Front-matter schema: validates a contract's YAML header and normalises it into ContractMeta. */
import { z } from 'zod';
import { parseDuration, parseSupportSchedule } from './support-hours.js';
import { CONTRACT_TYPES, type ContractMeta, LANGUAGES, PRIORITIES, type Priority, type SupportSchedule } from './types.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-31')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real date');

const schedule = z.string().transform((spec, context) => {
  const parsed = parseSupportSchedule(spec);
  if ('error' in parsed) {
    context.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

const duration = z.string().transform((text, context) => {
  const parsed = parseDuration(text);
  if ('error' in parsed) {
    context.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Names people type may be numbers in YAML (an alias "112" or "4G"); they are still names. */
const name = z.union([z.string(), z.number().transform(String)]).pipe(nonEmpty);

const supportHours = z.strictObject({
  default: schedule,
  P1: schedule.optional(),
  P2: schedule.optional(),
  P3: schedule.optional(),
  P4: schedule.optional(),
  holidays: z.enum(['open', 'closed']).optional(),
});

const contact = z.strictObject({
  slack_channel: z.string().regex(/^#[\w-]+$|^C[A-Z0-9]+$/, 'expected #channel-name or a channel id').optional(),
  email: z.email('expected an e-mail address').optional(),
  webhook: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  phone: z.string().optional(),
  escalation: z.string().optional(),
});

/** Keys SPOSA understands; anything else is kept as metadata. */
export const KNOWN_KEYS = [
  'id', 'type', 'supplier', 'services', 'title', 'language', 'customer', 'underpins', 'valid_from', 'valid_to',
  'service_aliases', 'supplier_contact', 'support_hours', 'targets', 'availability', 'xla', 'visibility',
] as const;

/** The front matter as written in a contract file (snake_case, YAML types). */
export const frontMatterSchema = z
  .looseObject({
    id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'use uppercase letters, digits and dashes, e.g. SLA-CITRIX-2026'),
    type: z.enum(CONTRACT_TYPES),
    supplier: nonEmpty,
    services: z.array(nonEmpty).min(1, 'list at least one service'),
    title: z.string().optional(),
    language: z.enum(LANGUAGES).optional(),
    customer: z.string().optional(),
    underpins: z.array(z.string()).optional(),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    service_aliases: z.record(z.string(), z.array(name)).optional(),
    supplier_contact: contact.optional(),
    support_hours: z.union([schedule.transform((value) => ({ default: value })), supportHours]).optional(),
    targets: z
      .partialRecord(z.enum(PRIORITIES), z.strictObject({ response: duration.optional(), resolution: duration.optional() }))
      .optional(),
    availability: z.number().min(0).max(100).optional(),
    xla: z
      .strictObject({
        happiness: z.number().min(-100).max(100).optional(),
        average_rating: z.number().min(0).max(10).optional(),
        response_rate: z.number().min(0).max(100).optional(),
      })
      .optional(),
    visibility: z.strictObject({ restricted: z.array(z.coerce.string()).default([]) }).optional(),
  })
  .superRefine((value, context) => {
    if (value.valid_from && value.valid_to && value.valid_from > value.valid_to) {
      context.addIssue({ code: 'custom', path: ['valid_to'], message: 'valid_to is before valid_from' });
    }
    for (const service of Object.keys(value.service_aliases ?? {})) {
      if (!value.services.includes(service)) {
        context.addIssue({
          code: 'custom',
          path: ['service_aliases', service],
          message: `aliases given for "${service}", which is not in services`,
        });
      }
    }
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Turns validated front matter into the domain's ContractMeta; `language` is decided by the caller when absent. */
export function toContractMeta(front: FrontMatter, language: ContractMeta['language']): ContractMeta {
  const metadata = Object.fromEntries(
    Object.entries(front).filter(([key]) => !(KNOWN_KEYS as readonly string[]).includes(key)),
  );
  const hours = front.support_hours;
  // The one-string form ("24/7") has no overrides; reading both forms through this view keeps one code path.
  const overrides = hours as (Partial<Record<Priority, SupportSchedule>> & { holidays?: 'open' | 'closed' }) | undefined;
  const byPriority: ContractMeta['targets'] = {};
  for (const [priority, target] of Object.entries(front.targets ?? {})) {
    if (target) byPriority[priority as Priority] = target;
  }
  return {
    id: front.id,
    type: front.type,
    supplier: front.supplier.trim(),
    services: front.services.map((service) => service.trim()),
    title: front.title,
    language,
    customer: front.customer,
    underpins: front.underpins ?? [],
    validFrom: front.valid_from,
    validTo: front.valid_to,
    serviceAliases: front.service_aliases ?? {},
    contact: {
      slackChannel: front.supplier_contact?.slack_channel,
      email: front.supplier_contact?.email,
      webhook: front.supplier_contact?.webhook,
      phone: front.supplier_contact?.phone,
      escalation: front.supplier_contact?.escalation,
    },
    supportHours: hours && {
      default: hours.default,
      byPriority: Object.fromEntries(PRIORITIES.flatMap((p) => (overrides?.[p] ? [[p, overrides[p]]] : []))),
      holidays: overrides?.holidays ?? (hours.default.always ? 'open' : 'closed'),
    },
    targets: byPriority,
    availability: front.availability,
    xla: front.xla && {
      happiness: front.xla.happiness,
      averageRating: front.xla.average_rating,
      responseRate: front.xla.response_rate,
    },
    restricted: front.visibility?.restricted ?? [],
    metadata,
  };
}
