// Exports from the workspace in browser mode: Export › Excel workbook, CSV and Negotiation pack
// through the in-app picker, and a results table saved as CSV; each file is checked on disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useBrowserMode, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode();

async function exportAs(page: Page, item: string, title: string, fileName: string): Promise<void> {
  await page.locator('.export-menu > summary').click();
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: item }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('textbox', { name: 'File name' }).fill(fileName);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

describe('exports from the workspace (browser mode)', { timeout: 120_000 }, () => {
  it('exports the workbook, the CSV and the negotiation pack of the structure on screen, and a table as CSV', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(page);

    await exportAs(page, 'Excel workbook…', 'Export Excel workbook', 'spodumene model');
    await page.getByText('Exported spodumene model.xlsx.').waitFor();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(mode().documentsFolder, 'spodumene model.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Inputs', 'Calculation', 'Results']);
    expect(book.definedNames.getRanges('NPV')?.ranges).toHaveLength(1);

    await exportAs(page, 'CSV…', 'Export CSV', 'spodumene years');
    await page.getByText('Exported spodumene years.csv.').waitFor();
    const csv = readFileSync(join(mode().documentsFolder, 'spodumene years.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Line,Unit,2027,2028,/);
    expect(csv).toContain('Free cash flow,US$,');

    await exportAs(page, 'Negotiation pack (PDF)…', 'Export negotiation pack', 'spodumene pack');
    await page.getByText('Exported spodumene pack.pdf.').waitFor({ timeout: 30_000 });
    expect(readFileSync(join(mode().documentsFolder, 'spodumene pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Results', exact: true }).click();
    await page.getByRole('button', { name: 'Save the benefit split table as CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save Benefit split as CSV' });
    await dialog.getByRole('textbox', { name: 'File name' }).fill('split');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved split.csv.').waitFor();
    const split = readFileSync(join(mode().documentsFolder, 'split.csv'), 'utf8').split('\r\n');
    expect(split[0]).toBe('Party,Present value,Share of pre-tax PV,Undiscounted total (real)');
    expect(split[1]).toMatch(/^National Lithium Corporation,"US\$ [\d,]+",/);
    await screenshot(page, 'exports');
  });
});
