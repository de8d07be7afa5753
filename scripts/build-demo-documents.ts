/**
 * Builds the demo corpus's PDF and DOCX contracts from their text sources in contracts/_sources, because
 * real SLAs arrive as PDFs. Run after editing a source: `npx tsx scripts/build-demo-documents.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { textToDocx, textToPdf } from './lib/documents.js';

const CONTRACTS = path.resolve('contracts');
const DOCUMENTS: { source: string; output: string }[] = [
  { source: 'uc-printing-2026.txt', output: 'uc-printing-2026.pdf' },
  { source: 'sla-zaaksysteem-2026.txt', output: 'sla-zaaksysteem-2026.docx' },
];

for (const { source, output } of DOCUMENTS) {
  const text = await readFile(path.join(CONTRACTS, '_sources', source), 'utf8');
  const bytes = output.endsWith('.pdf') ? await textToPdf(text) : await textToDocx(text);
  await writeFile(path.join(CONTRACTS, output), bytes);
  console.log(`wrote contracts/${output} (${bytes.length} bytes)`);
}
