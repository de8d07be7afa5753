/** Builders for contract files in temporary folders, so each test states exactly the input it needs. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ContractFileOptions {
  id?: string;
  type?: 'SLA' | 'OLA' | 'UC';
  supplier?: string;
  services?: string[];
  /** Extra front-matter lines, written as given (YAML). */
  extra?: string;
  body?: string;
}

export const DEFAULT_BODY = `# Service Level Agreement Test

## 1. Scope
The supplier delivers the Test Service to the organisation.

## 2. Support hours
Support is given on working days from 08:00 to 18:00.

## 3. Penalties
A penalty of EUR 500 applies per hour of unavailability.
`;

/** A Markdown contract with valid front matter unless the options break it. */
export function contractFile(options: ContractFileOptions = {}): string {
  const services = options.services ?? ['Test Service'];
  return [
    '---',
    `id: ${options.id ?? 'SLA-TEST-1'}`,
    `type: ${options.type ?? 'SLA'}`,
    `supplier: ${options.supplier ?? 'Test Supplier B.V.'}`,
    `services: [${services.join(', ')}]`,
    ...(options.extra ? [options.extra] : []),
    '---',
    options.body ?? DEFAULT_BODY,
  ].join('\n');
}

/** A temporary contracts folder; `cleanup` removes it. */
export async function contractsDir(files: Record<string, string | Buffer>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'sposa-contracts-'));
  await writeFiles(dir, files);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeFiles(dir: string, files: Record<string, string | Buffer>) {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
}
