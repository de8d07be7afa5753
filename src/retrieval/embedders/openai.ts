/** @module OpenAI embedder: any server speaking the OpenAI embeddings API (OpenAI, Azure, Ollama, vLLM). */
import type OpenAI from 'openai';
import type { Embedder } from '../types.js';

/** Inputs per request; the API accepts up to 2048, smaller batches keep a single failure cheap. */
const BATCH_SIZE = 256;

export interface OpenAIEmbedderOptions {
  client: OpenAI;
  model: string;
  dimensions: number;
}

/**
 * Creates an embedder backed by the OpenAI API.
 * @param options.dimensions the model's vector size (1536 for text-embedding-3-small), checked on every answer.
 */
export function openAIEmbedder({ client, model, dimensions }: OpenAIEmbedderOptions): Embedder {
  return {
    id: `openai-${model}-${dimensions}`,
    dimensions,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const batch = texts.slice(start, start + BATCH_SIZE);
        const response = await client.embeddings.create({ model, input: [...batch] });
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        if (ordered.length !== batch.length) throw new Error(`embedding API returned ${ordered.length} vectors for ${batch.length} texts`);
        for (const item of ordered) {
          if (item.embedding.length !== dimensions) {
            throw new Error(`embedding model ${model} returned ${item.embedding.length} dimensions, expected ${dimensions}`);
          }
          vectors.push(Float32Array.from(item.embedding));
        }
      }
      return vectors;
    },
  };
}
