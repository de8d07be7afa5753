/** @module `sposa who SERVICE`: who is accountable for a service, under which contract, reachable how. */
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../errors.js';
import { type Command, EXIT } from '../context.js';
import { accountabilityJson, renderAccountability } from '../render.js';

export const whoCommand: Command = {
  name: 'who',
  usage: 'sposa who SERVICE [--at YYYY-MM-DD] [--json]',
  summary: 'who is responsible for a service (names, aliases and typos work)',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, at: { type: 'string' } },
    });
    const term = positionals.join(' ').trim();
    if (!term) throw new InvalidInputError(`name a service, e.g. sposa who citrix\nusage: ${this.usage}`);
    let at: Date | undefined;
    if (values.at !== undefined) {
      at = new Date(`${values.at}T12:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.at) || Number.isNaN(at.getTime())) {
        throw new InvalidInputError(`--at expects a date like 2026-03-01, got "${values.at}"`);
      }
    }
    const result = await (await context.sposa()).who(term, at);
    context.stdout.write(values.json ? `${JSON.stringify(accountabilityJson(result), null, 2)}\n` : renderAccountability(result));
    return EXIT.ok;
  },
};
