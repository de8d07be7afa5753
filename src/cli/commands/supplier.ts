/**
 * @module `sposa supplier key NAME` and `sposa supplier deliveries`: what an operator needs to connect a supplier's
 * system (its signing key) and to see whether deliveries are getting through.
 */
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../errors.js';
import { type Command, EXIT } from '../context.js';

const USAGE = 'sposa supplier key NAME | deliveries [--json]';

export const supplierCommand: Command = {
  name: 'supplier',
  usage: USAGE,
  summary: 'a supplier’s webhook signing key; the delivery queue and what failed',
  async run(args, context) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const sposa = await context.sposa();
    if (verb === 'key') {
      const named = positionals.join(' ').trim().toLowerCase();
      const suppliers = await sposa.suppliers();
      const supplier = suppliers.find((candidate) => candidate.toLowerCase() === named);
      if (!supplier) throw new InvalidInputError(`name a supplier exactly as in its contract; known: ${suppliers.join(', ')}`);
      context.stdout.write(`${await sposa.supplierKey(supplier)}\n`);
      return EXIT.ok;
    }
    if (verb === 'deliveries') {
      const counts = await sposa.jobs.counts();
      const failed = await sposa.jobs.failed();
      if (values.json) context.stdout.write(`${JSON.stringify({ ...counts, failedJobs: failed }, null, 2)}\n`);
      else {
        context.stdout.write(`${counts.pending} pending, ${counts.done} done, ${counts.failed} failed\n`);
        for (const job of failed) context.stdout.write(`  #${job.id} ${job.kind} ${JSON.stringify(job.payload)} after ${job.attempts} attempts: ${job.lastError}\n`);
      }
      return EXIT.ok;
    }
    throw new InvalidInputError(`unknown supplier command "${verb ?? ''}"\nusage: ${USAGE}`);
  },
};
