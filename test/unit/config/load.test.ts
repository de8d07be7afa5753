import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../../../src/config/index.js';
import { ConfigError } from '../../../src/errors.js';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.resolve('.sposa', 'pgdata') });
    expect(config.contractsDir).toBe(path.resolve('contracts'));
    expect(config.timezone).toBe('Europe/Amsterdam');
  });

  it('treats empty variables as unset, as .env files write them', () => {
    expect(loadConfig({ DATABASE_URL: '', SPOSA_TIMEZONE: '' }).database.kind).toBe('embedded');
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const url = 'postgres://sposa@db.internal:5432/sposa';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
  });

  it('names the variable and what it expects when a value is wrong', () => {
    expect(() => loadConfig({ SPOSA_TIMEZONE: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPOSA_TIMEZONE: 'Mars/Olympus' })).toThrow(/SPOSA_TIMEZONE[\s\S]*IANA time zone/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL[\s\S]*postgres:\/\//);
  });

  it('documents every variable of the schema in .env.example, and no others', () => {
    const example = readFileSync('.env.example', 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});

describe('loadConfig error messages', () => {
  it('never echoes a value that may hold credentials', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db' })).toThrow(/^(?![\s\S]*hunter2)/);
  });

  it('echoes a harmless wrong value so the user sees the typo', () => {
    expect(() => loadConfig({ SPOSA_TIMEZONE: 'Europe/Amsterdan' })).toThrow(/got "Europe\/Amsterdan"/);
  });
});
