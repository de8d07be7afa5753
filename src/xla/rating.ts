/**
 * @module Recording a rating: one per ticket, only once the ticket is resolved. A second click updates the same
 * rating; what a click does not say (reasons, comment, lost time) is kept from before. Rating a resolved ticket closes
 * it, in the same transaction, as the reporter's step in its audit trail.
 */
import { z } from 'zod';
import { ErrorCode, InvalidInputError, NotFoundError, SposaError } from '../errors.js';
import type { Clock } from '../shared/clock.js';
import { closeOnRating, type TicketStatus } from '../tickets/index.js';
import { reasonCodes } from './reasons.js';
import { bandOf, type RatedTicket, type Rating, type RatingStore, type SlaOutcome } from './types.js';

/** A working week is the most lost time a reporter can sensibly tell; anything above is a typo. */
const MAX_LOST_MINUTES = 5 * 8 * 60;

export const ratingInputSchema = z.object({
  ticketId: z.string().trim().min(1, 'name the ticket'),
  score: z.number().int('a whole number').min(0, 'from 0').max(10, 'to 10'),
  reasons: z.array(z.string()).optional(),
  comment: z.string().trim().max(2_000).optional(),
  lostMinutes: z.number().int('whole minutes').min(0).max(MAX_LOST_MINUTES, `at most ${MAX_LOST_MINUTES} minutes`).optional(),
  /** Who rates; absent when an adapter rates on the reporter's behalf (the CLI, the demo seed). */
  raterId: z.string().min(1).optional(),
});
export type RatingInput = z.input<typeof ratingInputSchema>;

const RATEABLE: ReadonlySet<TicketStatus> = new Set(['resolved', 'closed']);

/** The SLA clocks stop at the first response (acknowledgement, or the resolution itself) and at resolution. */
export function slaOutcome(ticket: Pick<RatedTicket, 'responseDue' | 'resolutionDue' | 'acknowledgedAt' | 'resolvedAt'>): SlaOutcome {
  const respondedAt = ticket.acknowledgedAt ?? ticket.resolvedAt;
  const met = (at: string | undefined, due: string | undefined) => (at && due ? Date.parse(at) <= Date.parse(due) : undefined);
  const responseMet = met(respondedAt, ticket.responseDue);
  const resolutionMet = met(ticket.resolvedAt, ticket.resolutionDue);
  return { ...(responseMet === undefined ? {} : { responseMet }), ...(resolutionMet === undefined ? {} : { resolutionMet }) };
}

/**
 * Records or updates the rating of a ticket and closes it if it is still resolved, in one transaction. A ticket closed
 * already (by an earlier rating, or by staff) keeps its status and gets its rating recorded or updated all the same.
 * @throws InvalidInputError for input that does not validate, a ticket that is not resolved, or reasons of another band;
 * NotFoundError for an unknown ticket; a forbidden SposaError when someone other than the reporter rates.
 */
export async function recordRating(input: RatingInput, deps: { store: RatingStore; clock: Clock }): Promise<Rating> {
  const parsed = ratingInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const { ticketId, score, raterId } = parsed.data;
  const allowed = reasonCodes(bandOf(score));
  const foreign = (parsed.data.reasons ?? []).filter((reason) => !allowed.includes(reason));
  if (foreign.length) throw new InvalidInputError(`reasons: ${foreign.join(', ')} do not fit a score of ${score} (choose from: ${allowed.join(', ') || 'none'})`);

  return deps.store.transaction(async (writer) => {
    const ticket = await writer.lockTicket(ticketId);
    if (!ticket) throw new NotFoundError(`no ticket ${ticketId}`);
    if (!RATEABLE.has(ticket.status)) throw new InvalidInputError(`ticket ${ticket.id} is ${ticket.status}; only a resolved or closed ticket can be rated`);
    if (raterId && raterId !== ticket.reporterId) throw new SposaError(ErrorCode.Forbidden, `only the reporter of ${ticket.id} can rate it`);
    const before = await writer.get(ticket.id);
    const at = deps.clock().toISOString();
    // A new score may change the band; reasons picked for the old band no longer describe it.
    const reasons = (parsed.data.reasons ?? before?.reasons ?? []).filter((reason) => allowed.includes(reason));
    const comment = parsed.data.comment ?? before?.comment;
    const lostMinutes = parsed.data.lostMinutes ?? before?.lostMinutes;
    const rating: Rating = {
      ticketId: ticket.id,
      reporterId: ticket.reporterId,
      score,
      reasons,
      ...(comment ? { comment } : {}),
      ...(lostMinutes === undefined ? {} : { lostMinutes }),
      service: ticket.service,
      supplier: ticket.supplier,
      contractId: ticket.contractId,
      ...slaOutcome(ticket),
      ratedAt: before?.ratedAt ?? at,
      updatedAt: at,
    };
    await writer.save(rating);
    await closeOnRating(writer.tickets, ticket.id, at);
    return rating;
  });
}
