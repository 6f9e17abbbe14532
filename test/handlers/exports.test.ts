// Export › Excel workbook, CSV and Negotiation pack through the contract, as both the desktop and
// browser mode call it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFlatText } from '../support/pdf-text.ts';
import { errorOf, makeHarness, ok, useTempDirs } from './helpers.ts';

describe('exportReport', () => {
  const tempDir = useTempDirs();

  it('writes the workbook, the CSV table and the negotiation pack of the document on screen', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    const base = { documentId, structures: ['sliding-royalty'], scenario: 'low-price' };
    expect(ok(await harness.call('exportReport', { ...base, format: 'xlsx', target: { name: 'model.xlsx' } }))).toEqual({ name: 'model.xlsx' });
    expect(readFileSync(join(harness.documentsFolder, 'model.xlsx')).subarray(0, 2).toString()).toBe('PK');
    ok(await harness.call('exportReport', { ...base, format: 'csv', target: { name: 'years.csv' } }));
    expect(readFileSync(join(harness.documentsFolder, 'years.csv'), 'utf8')).toMatch(/^Line,Unit,2027,/);
    ok(await harness.call('exportReport', { ...base, format: 'pdf', structures: ['sliding-royalty', 'state-carry-offtake'], target: { name: 'pack.pdf' } }));
    expect(readFileSync(join(harness.documentsFolder, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the changes of the last recorded round in the pack', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('recordRevision', { documentId, structureId: 'sliding-royalty', party: 'Ministry', note: null }));
    const project = structuredClone(opened.project);
    project.structures.find((s) => s.id === 'sliding-royalty')!.terms.fiscal.incomeTax.rate = '0.31';
    ok(await harness.call('exportReport', { documentId, project, format: 'pdf', structures: ['sliding-royalty'], scenario: 'base', target: { name: 'round.pdf' } }));
    const text = await pdfFlatText(readFileSync(join(harness.documentsFolder, 'round.pdf')));
    expect(text).toContain('Changes in the last round');
    expect(text).toMatch(/Income tax rate 28 % 31 %/);
  });

  it('says which file name will not do, and which structure does not exist', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const request = { documentId: opened.document.documentId, structures: ['sliding-royalty'], scenario: 'base' };
    expect(errorOf(await harness.call('exportReport', { ...request, format: 'xlsx', target: { name: 'model.pdf' } })).message).toBe('The file name must end in .xlsx.');
    expect(errorOf(await harness.call('exportReport', { ...request, structures: ['nope'], format: 'csv', target: { name: 'x.csv' } })).code).toBe('unknown-structure');
  });

  it('refuses to write an export over the open project file, which stays as it was', async () => {
    const dir = tempDir();
    const projectPath = join(dir, 'deal.orebridge');
    const harness = makeHarness(tempDir, {
      mode: 'desktop', documentsFolder: null,
      dialogs: { chooseOpenPath: async () => null, chooseSavePath: async () => projectPath },
    });
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('saveDocumentAs', { documentId }));
    const size = statSync(projectPath).size;
    const refused = errorOf(await harness.call('exportReport', { documentId, format: 'pdf', structures: ['sliding-royalty'], scenario: 'base' }));
    expect(refused.message).toBe(`The export would overwrite the project file ${projectPath}; choose another file name.`);
    expect(statSync(projectPath).size).toBe(size);
  });
});
