/** @module `sposa rate TICKET_ID SCORE`: records a rating as the reporter would, for a resolved ticket. */
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../errors.js';
import { type Command, EXIT } from '../context.js';

const USAGE = 'sposa rate TICKET_ID SCORE [--comment TEXT] [--lost-time MINUTES] [--reason CODE]... [--json]';

/** Whole numbers only: "7.5" or "7x" is a typo, not a 7. */
function wholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new InvalidInputError(`${name} expects a whole number, got "${text}"\nusage: ${USAGE}`);
  return Number(text);
}

export const rateCommand: Command = {
  name: 'rate',
  usage: USAGE,
  summary: 'rate how a resolved ticket went, 0–10, as its reporter would',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { comment: { type: 'string' }, 'lost-time': { type: 'string' }, reason: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    });
    const [ticketId, scoreText] = positionals;
    if (!ticketId || scoreText === undefined) throw new InvalidInputError(`name a ticket and a score from 0 to 10, e.g. sposa rate INC-2026-00001 8\nusage: ${USAGE}`);
    const sposa = await context.sposa();
    const rating = await sposa.xla.rate({
      ticketId,
      score: wholeNumber(scoreText, 'SCORE') as number,
      comment: values.comment,
      lostMinutes: wholeNumber(values['lost-time'], '--lost-time'),
      reasons: values.reason,
    });
    context.stdout.write(values.json ? `${JSON.stringify(rating, null, 2)}\n` : `${rating.ticketId} rated ${rating.score}/10 (${rating.supplier}, ${rating.service}).\n`);
    return EXIT.ok;
  },
};
