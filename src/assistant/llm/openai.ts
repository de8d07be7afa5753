/**
 * @module OpenAI-written answers, grounded and checked: the model sees only retrieved clauses (as data), must
 * answer in a JSON schema, and every citation must name a given clause and quote it verbatim, or it is dropped.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import { citationFor, citationHeading, clauseLabel, isVerbatim } from '../citations.js';
import { loadPrompt } from '../prompts.js';
import type { AnswerGenerator, GenerateRequest, GenerationResult } from './generator.js';

/** The model's reply, validated before anything in it is trusted. */
export const modelAnswerSchema = z.strictObject({
  answer: z.string().min(1).max(2_000),
  supported: z.boolean(),
  citations: z.array(z.strictObject({ id: z.string(), quote: z.string().min(1).max(1_000) })).max(8),
});

/** Earlier turns sent along for follow-ups; more adds cost, not understanding. */
const HISTORY_TURNS = 4;

export interface OpenAIGeneratorOptions {
  client: OpenAI;
  model: string;
}

export function openAIGenerator({ client, model }: OpenAIGeneratorOptions): AnswerGenerator {
  const prompt = loadPrompt('answer');
  const responseFormat = {
    type: 'json_schema' as const,
    json_schema: { name: 'grounded_answer', strict: true, schema: z.toJSONSchema(modelAnswerSchema) as Record<string, unknown> },
  };

  return {
    async generate(request: GenerateRequest): Promise<GenerationResult> {
      const byId = new Map(request.clauses.map((hit, index) => [`C${index + 1}`, hit.clause]));
      const payload = {
        question: request.question,
        history: request.history.slice(-HISTORY_TURNS),
        clauses: [...byId].map(([id, clause]) => ({
          id,
          contract: clause.contractId,
          supplier: clause.supplier,
          clause: clauseLabel(clause),
          heading: citationHeading(clause),
          text: clause.text,
        })),
      };
      let content: string | null | undefined;
      try {
        const completion = await client.chat.completions.create({
          model,
          temperature: 0,
          response_format: responseFormat,
          messages: [
            { role: 'system', content: prompt.render({ language: request.language === 'nl' ? 'Dutch' : 'English' }) },
            { role: 'user', content: JSON.stringify(payload) },
          ],
        });
        content = completion.choices[0]?.message.content;
      } catch (error) {
        const reason = error instanceof OpenAI.APIConnectionTimeoutError ? 'timeout' : 'error';
        return { ok: false, reason, detail: error instanceof Error ? error.message : String(error) };
      }
      let parsed: z.infer<typeof modelAnswerSchema>;
      try {
        parsed = modelAnswerSchema.parse(JSON.parse(content ?? ''));
      } catch (error) {
        return { ok: false, reason: 'invalid_output', detail: error instanceof Error ? error.message.slice(0, 300) : undefined };
      }
      if (!parsed.supported) return { ok: false, reason: 'unsupported' };
      const citations = parsed.citations.flatMap(({ id, quote }) => {
        const clause = byId.get(id);
        // A citation of a clause we did not give, or a "quote" that is not in it, is a hallucination: drop it.
        return clause && isVerbatim(quote, clause.text) ? [citationFor(clause, quote.trim())] : [];
      });
      if (citations.length === 0) return { ok: false, reason: 'no_valid_citations' };
      const unique = citations.filter((citation, index) => citations.findIndex((other) => other.contractId === citation.contractId && other.clause === citation.clause) === index);
      return { ok: true, text: parsed.answer.trim(), citations: unique };
    },
  };
}
