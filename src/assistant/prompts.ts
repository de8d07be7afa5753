/** @module Prompt files: every prompt lives in prompts/ as text, loaded once and identified by a content hash. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PROMPTS_DIR = new URL('../../prompts/', import.meta.url);

export interface Prompt {
  name: string;
  /** First 12 hex digits of the file's SHA-256: logged with every generated answer, so answers trace to a prompt. */
  version: string;
  /** Fills `{{name}}` placeholders. */
  render(values: Record<string, string>): string;
}

const cache = new Map<string, Prompt>();

/** Loads `prompts/<name>.md`. */
export function loadPrompt(name: string): Prompt {
  const cached = cache.get(name);
  if (cached) return cached;
  const template = readFileSync(new URL(`${name}.md`, PROMPTS_DIR), 'utf8');
  const prompt: Prompt = {
    name,
    version: createHash('sha256').update(template).digest('hex').slice(0, 12),
    render: (values) =>
      template.replace(/\{\{(\w+)\}\}/g, (_placeholder, key: string) => {
        const value = values[key];
        if (value === undefined) throw new Error(`prompt ${name} needs a value for {{${key}}}`);
        return value;
      }),
  };
  cache.set(name, prompt);
  return prompt;
}
