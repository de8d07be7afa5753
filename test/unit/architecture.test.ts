import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAINS = ['contracts', 'registry', 'retrieval', 'assistant', 'tickets', 'xla', 'shared'];
const FORBIDDEN = [/^@slack\//, /^pg$/, /^@electric-sql\//, /\/(slack|store|cli|console|http)\//, /^node:http/];

function filesUnder(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture: the core knows nothing of Slack, databases or the environment', () => {
  const files = DOMAINS.flatMap((domain) => filesUnder(path.join('src', domain)));

  it('scans the domain folders', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s imports no adapter, driver or process.env', (file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
    expect(imports.filter((specifier) => FORBIDDEN.some((pattern) => pattern.test(specifier)))).toEqual([]);
    expect(source).not.toMatch(/process\.env/);
  });
});
