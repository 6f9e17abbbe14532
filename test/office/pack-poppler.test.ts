// The negotiation pack read by Poppler (`npm run test:office`): pdftotext finds on every page the
// same text as PDF.js does in npm test (test/reports/pack.test.ts), so that reading is not ours
// alone, and pdftoppm renders a page to look at (test-artifacts/pack-page-3.png). Fails in one
// line saying what to install when Poppler is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { negotiationPack } from '../../electron/reports/pack/index.ts';
import { REPO } from '../support/cli.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { PDFTOPPM, PDFTOTEXT, requireTool } from '../support/system-tool.ts';

/** The page's characters other than white space, sorted: the same text however a reader lays it out. */
const lettersOf = (page: string) => [...page.replace(/\s+/g, '')].sort().join('');

describe('the negotiation pack read by Poppler', () => {
  it('has on every page the text PDF.js reads, and renders a page', async () => {
    const pdftotext = requireTool(PDFTOTEXT);
    const pdftoppm = requireTool(PDFTOPPM);
    const path = exampleProjectPaths().find((p) => p.includes('northern-spodumene'))!;
    const pack = await negotiationPack(loadExample(path), { structures: ['sliding-royalty', 'state-carry-offtake'], scenario: 'base' });
    if (!pack.ok) throw new Error(pack.error.message);
    const target = join(mkdtempSync(join(tmpdir(), 'orebridge-pack-')), 'pack.pdf');
    writeFileSync(target, pack.bytes);

    const poppler = execFileSync(pdftotext, ['-layout', target, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
    const pdfjs = await pdfPages(pack.bytes);
    expect(poppler).toHaveLength(pdfjs.length);
    expect(poppler.map(lettersOf)).toEqual(pdfjs.map(lettersOf));
    expect(poppler.join(' ').replace(/\s+/g, ' ')).toContain('Page 10 of 10');

    // A page to look at: the benefit split and partner metrics.
    const artifacts = join(REPO, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    execFileSync(pdftoppm, ['-f', '3', '-l', '3', '-r', '80', '-png', '-singlefile', target, join(artifacts, 'pack-page-3')]);
    expect(statSync(join(artifacts, 'pack-page-3.png')).size).toBeGreaterThan(10_000);
  });
});
