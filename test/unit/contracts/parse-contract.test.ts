import { describe, expect, it } from 'vitest';
import { parseContract } from '../../../src/contracts/index.js';
import { contractFile } from '../../helpers/contracts.js';

const parse = (text: string, file = 'contracts/test.md') => parseContract({ file, text, hash: 'h' });

function problemsOf(text: string) {
  const outcome = parse(text);
  if (outcome.ok) throw new Error('expected the contract to be rejected');
  return outcome.problems;
}

describe('parseContract: valid contracts', () => {
  it('normalises the front matter and splits the body', () => {
    const outcome = parse(
      contractFile({
        extra: [
          'title: Test SLA',
          'valid_from: 2026-01-01',
          'valid_to: 2026-12-31',
          'support_hours: { default: "mon-fri 08:00-18:00", P1: "24/7" }',
          'targets: { P1: { response: 15m, resolution: 4h } }',
          'supplier_contact: { slack_channel: "#sup-test", email: help@test.example }',
          'service_aliases: { Test Service: [tester, 112] }',
          'visibility: { restricted: [3] }',
        ].join('\n'),
      }),
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { meta, clauses } = outcome.contract;
    expect(meta).toMatchObject({
      id: 'SLA-TEST-1',
      type: 'SLA',
      language: 'en',
      validFrom: '2026-01-01',
      contact: { slackChannel: '#sup-test', email: 'help@test.example' },
      serviceAliases: { 'Test Service': ['tester', '112'] },
      targets: { P1: { response: { amount: 15, unit: 'minutes' }, resolution: { amount: 4, unit: 'hours' } } },
    });
    expect(meta.supportHours?.byPriority.P1).toEqual({ spec: '24/7', always: true });
    expect(meta.supportHours?.holidays).toBe('closed');
    expect(clauses.map((clause) => [clause.number, clause.restricted])).toEqual([
      ['1', false],
      ['2', false],
      ['3', true],
    ]);
    // 4 fixed fields and 8 extra lines after the opening ---, the closing ---, then title, blank line, clause 1.
    expect(clauses[0]?.line).toBe(17);
  });

  it('keeps unknown front-matter keys as metadata instead of rejecting them', () => {
    const outcome = parse(contractFile({ extra: 'cost_centre: IT-042\nowner: { name: Anna }' }));
    expect(outcome.ok && outcome.contract.meta.metadata).toEqual({ cost_centre: 'IT-042', owner: { name: 'Anna' } });
  });

  it('detects the language of the body when the front matter does not say', () => {
    const body = '## 1. Reikwijdte\nDe leverancier lost storingen op binnen de kantoortijden van de gemeente.';
    const outcome = parse(contractFile({ body }));
    expect(outcome.ok && outcome.contract.meta.language).toBe('nl');
  });
});

describe('parseContract: every kind of bad input is located and explained', () => {
  it('rejects a file without front matter at line 1', () => {
    expect(problemsOf('# Just a heading\n\nText.')).toEqual([
      { file: 'contracts/test.md', line: 1, message: expect.stringContaining('missing YAML front matter') },
    ]);
  });

  it('reports YAML syntax errors at their line', () => {
    const text = '---\nid: SLA-X\ntype: SLA\nsupplier: [unclosed\nservices: [A]\n---\nbody';
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/^YAML:/);
    expect(problem?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a duplicate key at its line', () => {
    const [problem] = problemsOf('---\nid: SLA-X\ntype: SLA\ntype: OLA\nsupplier: S\nservices: [A]\n---\n## 1. A\ntext');
    expect(problem).toMatchObject({ line: 4, message: expect.stringMatching(/unique/i) });
  });

  it('names each missing required field', () => {
    const problems = problemsOf('---\nid: SLA-X\n---\n## 1. A\ntext');
    expect(problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^type: /),
        'supplier: required field is missing',
        'services: required field is missing',
      ]),
    );
  });

  it('points at the line of a wrong value', () => {
    const text = contractFile({ extra: 'language: fr\nvalid_from: 2026-13-45\ntargets: { P1: { response: soon } }' });
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 6, message: expect.stringMatching(/^language: /) }),
        expect.objectContaining({ line: 7, message: expect.stringMatching(/^valid_from: /) }),
        expect.objectContaining({ line: 8, message: 'targets.P1.response: "soon" is not a duration like 15m, 4h or 3d' }),
      ]),
    );
  });

  it('rejects an invalid id, type, empty services and a malformed contact', () => {
    const text = '---\nid: sla x\ntype: SOW\nsupplier: S\nservices: []\nsupplier_contact: { email: nope, slack_channel: general }\n---\n## 1. A\ntext';
    const messages = problemsOf(text).map((problem) => problem.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id: use uppercase/),
        expect.stringMatching(/^type: /),
        'services: list at least one service',
        'supplier_contact.email: expected an e-mail address',
        'supplier_contact.slack_channel: expected #channel-name or a channel id',
      ]),
    );
  });

  it('rejects a validity period that ends before it starts', () => {
    const messages = problemsOf(contractFile({ extra: 'valid_from: 2026-06-01\nvalid_to: 2026-01-01' })).map((p) => p.message);
    expect(messages).toContain('valid_to: valid_to is before valid_from');
  });

  it('rejects aliases for a service the contract does not list', () => {
    const messages = problemsOf(contractFile({ extra: 'service_aliases: { Other: [x] }' })).map((p) => p.message);
    expect(messages).toContain('service_aliases.Other: aliases given for "Other", which is not in services');
  });

  it('rejects a restricted section that does not exist, so a typo cannot leave prices public', () => {
    const [problem] = problemsOf(contractFile({ extra: 'visibility:\n  restricted: ["3", "8"]' }));
    expect(problem).toMatchObject({ line: 7, message: expect.stringContaining('no section "8"') });
  });

  it('rejects malformed support hours', () => {
    const [problem] = problemsOf(contractFile({ extra: 'support_hours: "always"' }));
    expect(problem?.message).toMatch(/^support_hours/);
  });

  it('rejects a contract with no text', () => {
    expect(problemsOf(contractFile({ body: '' }))[0]?.message).toBe('the contract has no text after the front matter');
  });
});
