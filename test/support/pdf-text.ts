// A PDF's text, page by page, read by Mozilla's PDF.js (the `pdfjs-dist` dev-dependency) so that
// `npm test` needs no Poppler. Each page's text runs are put back into lines by their baseline and
// read left to right, with a space where the gap between two runs is wider than a thin one, as
// `pdftotext -layout` would read them once its padding spaces are collapsed.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Run { text: string; x: number; y: number; width: number; height: number }

/** Two runs whose baselines are closer than this fraction of the text height share a line. */
const SAME_LINE = 0.4;
/** A gap wider than this fraction of the text height between two runs is a space. */
const WORD_GAP = 0.15;

function linesOf(runs: Run[]): string[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - run.y) <= SAME_LINE * Math.max(l[0]!.height, run.height, 1));
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of line) {
      if (text !== '' && run.x - end > WORD_GAP * Math.max(run.height, 1)) text += ' ';
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** The text of every page of the PDF, one string per page, lines separated by "\n". */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // PDF.js takes ownership of the buffer it is given; hand it a copy.
  const loading = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const document = await loading.promise;
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        runs.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
      }
      pages.push(linesOf(runs).filter((line) => line !== '').join('\n'));
      page.cleanup();
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

/** All the PDF's text with every run of white space made one space (lines and pages too). */
export async function pdfFlatText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join(' ').replace(/\s+/g, ' ');
}
