import { describe, expect, it } from 'vitest';
import { chunkText, splitClauses } from '../../../src/contracts/index.js';

const markdown = `# Service Level Agreement Network

Preamble: this agreement is between the municipality and NetLink.

## 1. Scope
NetLink delivers the network.

1. Bring the router back online.
2. Report to the service desk.

## 4. Support hours
Intro to support.

4.1 Office hours
During office hours the service desk answers within 15 minutes.

4.2 Outside office hours P1 incidents are handled 24/7 by the on-call engineer.

### 4.3 Priority matrix
| Impact \\ Urgency | High | Low |
|---|---|---|
| 4.4 High | P1 | P2 |
| Low | P2 | P3 |

99.8 % availability per month is the target.

## 9. Penalties
9.1 A penalty of EUR 1,000 per hour applies.

### 9.2 Service credits
Credits are 5 % of the monthly fee.

## 10. Reporting
Monthly reports.
`;

describe('splitClauses on Markdown', () => {
  const { clauses, sections } = splitClauses(markdown, { restricted: ['9'], firstLine: 10 });
  const byNumber = (number: string) => clauses.find((clause) => clause.number === number);

  it('treats the first title as the document title and keeps the preamble as a clause', () => {
    expect(clauses[0]).toMatchObject({ number: undefined, heading: 'Service Level Agreement Network', headingPath: [] });
    expect(clauses[0]?.text).toContain('Preamble');
  });

  it('keeps numbered headings with their number, heading and path', () => {
    expect(byNumber('1')).toMatchObject({ heading: 'Scope', headingPath: ['1. Scope'] });
    expect(byNumber('4.3')).toMatchObject({ heading: 'Priority matrix', headingPath: ['4. Support hours', '4.3 Priority matrix'] });
  });

  it('leaves numbered list items inside their clause', () => {
    expect(byNumber('1')?.text).toContain('1. Bring the router back online.');
    expect(byNumber('2')).toBeUndefined();
  });

  it('splits numbered paragraphs that continue the section numbering', () => {
    expect(byNumber('4.1')).toMatchObject({ heading: 'Office hours', headingPath: ['4. Support hours', '4.1 Office hours'] });
    expect(byNumber('4.1')?.text).toBe('During office hours the service desk answers within 15 minutes.');
    expect(byNumber('4.2')).toMatchObject({ heading: undefined });
    expect(byNumber('4.2')?.text).toContain('P1 incidents are handled 24/7');
  });

  it('keeps a table whole, rows that look numbered included, and does not take figures for clause numbers', () => {
    const matrix = byNumber('4.3')?.text ?? '';
    expect(matrix).toContain('| 4.4 High | P1 | P2 |');
    expect(matrix).toContain('| Low | P2 | P3 |');
    expect(matrix).toContain('99.8 % availability');
    expect(byNumber('4.4')).toBeUndefined();
  });

  it('records the source line of every clause', () => {
    const lines = markdown.split('\n');
    for (const clause of clauses.filter((c) => c.number)) {
      const index = clause.line - 10;
      expect(lines[index]).toContain(clause.number);
    }
  });

  it('restricts a section and all of its sub-clauses, and nothing else', () => {
    expect(clauses.filter((clause) => clause.restricted).map((clause) => clause.number)).toEqual(['9.1', '9.2']);
  });

  it('lists every section heading, including those with no text of their own', () => {
    expect(sections.map((section) => section.number)).toContain('9');
  });
});

describe('splitClauses on plain text', () => {
  const text = `MAINTENANCE AGREEMENT

1. Scope
1.1 The supplier maintains all printers.
1.2 Toner is included.
2. Support hours
2.1 Support runs on working days 08:00-17:00.
99.8 percent of printers must work.
3. Exclusions
3.1 Damage caused by misuse is excluded.`;

  it('splits on the numbering alone', () => {
    const { clauses } = splitClauses(text);
    expect(clauses.map((clause) => clause.number)).toEqual([undefined, '1.1', '1.2', '2.1', '3.1']);
    expect(clauses[3]).toMatchObject({ headingPath: ['2 Support hours', '2.1'] });
    expect(clauses[3]?.text).toContain('99.8 percent of printers must work.');
  });
});

describe('chunkText', () => {
  it('keeps short text whole', () => {
    expect(chunkText('short', 100)).toEqual(['short']);
  });

  it('cuts long text at paragraph ends with one paragraph of overlap', () => {
    const paragraphs = Array.from({ length: 6 }, (_, index) => `Paragraph ${index} ${'word '.repeat(20).trim()}.`);
    const chunks = chunkText(paragraphs.join('\n\n'), 300);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(300 + paragraphs[0]!.length);
    for (let index = 1; index < chunks.length; index += 1) {
      const lastOfPrevious = chunks[index - 1]!.split('\n\n').at(-1)!;
      expect(chunks[index]!.startsWith(lastOfPrevious)).toBe(true);
    }
    expect(chunks.join('\n\n')).toContain('Paragraph 5');
  });

  it('never cuts a table, however long', () => {
    const table = ['| a | b |', '|---|---|', ...Array.from({ length: 40 }, (_, i) => `| row ${i} | value ${i} |`)].join('\n');
    const chunks = chunkText(`Intro text.\n\n${table}\n\nOutro text.`, 200);
    expect(chunks.some((chunk) => chunk.includes(table))).toBe(true);
  });

  it('splits a long clause into chunks that all cite the clause', () => {
    const long = `## 5. Long clause\n${Array.from({ length: 12 }, (_, i) => `Sentence block ${i}. ${'text '.repeat(30)}`).join('\n\n')}`;
    const { clauses } = splitClauses(long, { maxChars: 500 });
    expect(clauses.length).toBeGreaterThan(2);
    expect(new Set(clauses.map((clause) => clause.number))).toEqual(new Set(['5']));
    expect(clauses.map((clause) => clause.chunk)).toEqual(clauses.map((_, index) => index));
  });
});
