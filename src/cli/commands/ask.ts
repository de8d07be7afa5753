/** @module `sposa ask "QUESTION"`: the assistant's answer with its citations, as a person or a script reads it. */
import { parseArgs } from 'node:util';
import type { Answer } from '../../assistant/index.js';
import { InvalidInputError } from '../../errors.js';
import { type Command, EXIT } from '../context.js';

/** The JSON shape of `sposa ask --json`. */
export function answerJson(answer: Answer) {
  return {
    intent: answer.intent,
    language: answer.language,
    answer: answer.text,
    service: answer.service ?? null,
    supplier: answer.supplier ?? null,
    contractId: answer.contractId ?? null,
    citations: answer.citations.map(({ contractId, clause, heading, quote }) => ({ contractId, clause, heading, quote })),
    withheld: answer.withheld,
    suggestTicket: answer.suggestTicket,
    mode: answer.mode,
  };
}

function renderAnswer(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length) {
    lines.push('', 'Sources:');
    for (const citation of answer.citations) {
      lines.push(`  - ${citation.contractId}${citation.clause ? ` §${citation.clause}` : ''} ${citation.heading}`.trimEnd());
    }
  }
  if (answer.suggestTicket) lines.push('', '(A ticket can be opened for this.)');
  return `${lines.join('\n')}\n`;
}

export const askCommand: Command = {
  name: 'ask',
  usage: 'sposa ask "QUESTION" [--user ID] [--json]',
  summary: 'ask the assistant; answers cite the contract clauses they rest on',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { user: { type: 'string' }, json: { type: 'boolean' } },
    });
    const question = positionals.join(' ').trim();
    if (!question) throw new InvalidInputError(`ask a question, e.g. sposa ask "werkt de servicedesk 's avonds?"\nusage: ${this.usage}`);
    const answer = await (await context.sposa()).ask(question, { asker: { id: values.user ?? 'cli' } });
    context.stdout.write(values.json ? `${JSON.stringify(answerJson(answer), null, 2)}\n` : renderAnswer(answer));
    return EXIT.ok;
  },
};
