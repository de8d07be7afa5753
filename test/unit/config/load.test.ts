import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../../../src/config/index.js';
import { ConfigError } from '../../../src/errors.js';
import { DEFAULT_MATRIX } from '../../../src/tickets/index.js';

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

describe('SPOSA_PRIORITY_MATRIX', () => {
  it('is the ITIL matrix when unset or empty', () => {
    expect(loadConfig({}).priorityMatrix).toEqual(DEFAULT_MATRIX);
    expect(loadConfig({ SPOSA_PRIORITY_MATRIX: '' }).priorityMatrix).toEqual(DEFAULT_MATRIX);
  });

  it('changes the cells it names and keeps the others, however it is spaced or capitalised', () => {
    const matrix = loadConfig({ SPOSA_PRIORITY_MATRIX: 'high:medium=P1, Low:High=p2' }).priorityMatrix;
    expect(matrix).toEqual({
      high: { high: 'P1', medium: 'P1', low: 'P3' },
      medium: { high: 'P2', medium: 'P3', low: 'P4' },
      low: { high: 'P2', medium: 'P4', low: 'P4' },
    });
    expect(DEFAULT_MATRIX.high.medium).toBe('P2'); // the default itself is left alone
  });

  it.each([
    ['a level that does not exist', 'hoog:high=P1', /"hoog:high=P1" is not a cell/],
    ['a priority that does not exist', 'high:high=P5', /"high:high=P5" is not a cell/],
    ['a cell without a priority', 'high:high', /"high:high" is not a cell/],
    ['JSON', '{"high":{"high":"P1"}}', /is not a cell/],
    ['the same cell twice', 'high:high=P1,high:high=P2', /high:high is given twice/],
    ['no cells at all', ' , ', /no cells given/],
  ])('stops at start on %s, naming the variable and what it expects', (_name, value, problem) => {
    expect(() => loadConfig({ SPOSA_PRIORITY_MATRIX: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SPOSA_PRIORITY_MATRIX: value })).toThrow(problem);
    expect(() => loadConfig({ SPOSA_PRIORITY_MATRIX: value })).toThrow(
      /SPOSA_PRIORITY_MATRIX: .*expected comma-separated impact:urgency=priority cells such as high:medium=P1,low:high=P2/,
    );
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
