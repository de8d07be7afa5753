/** @module Plain descriptions of registry facts, shared by every adapter and the assistant. */
import type { SupportHours } from '../contracts/index.js';
import type { RegisteredContract } from './types.js';

/** "mon-fri 07:00-19:00; P1 24/7; public holidays closed" */
export function describeSupportHours(hours: SupportHours | undefined): string {
  if (!hours) return 'not stated in the contract';
  const parts = [hours.default.spec];
  for (const [priority, schedule] of Object.entries(hours.byPriority)) parts.push(`${priority} ${schedule?.spec}`);
  if (!hours.default.always) parts.push(`public holidays ${hours.holidays}`);
  return parts.join('; ');
}

/** The ways to reach a supplier, most direct first. */
export function describeContact(contract: Pick<RegisteredContract, 'contact'>): string {
  const { slackChannel, email, phone, webhook } = contract.contact;
  return [slackChannel, email, phone, webhook && `webhook ${webhook}`].filter(Boolean).join(' · ') || 'none listed';
}

/** "SLA SLA-CITRIX-2026" */
export const describeContract = (contract: Pick<RegisteredContract, 'type' | 'id'>) => `${contract.type} ${contract.id}`;
