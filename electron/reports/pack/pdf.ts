// Lays the negotiation pack's content out as an A4 PDF with pdfkit: headings, fact lists,
// tables that break across pages with their header repeated, a bar chart, and on every page the
// date and "Page i of n".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PackBlock, PackContent } from '../../../shared/reports/pack-content.ts';
import type { Table } from '../../../shared/reports/table.ts';

/** Where the pack's fonts are: build/fonts from source; the packaged app passes its resources folder. */
export const SOURCE_FONTS_FOLDER = join(import.meta.dirname, '..', '..', '..', 'build', 'fonts');

const MARGIN = 50;
const FOOTER = 30;
const INK = '#1d2733';
const MUTED = '#5b6675';
const RULE = '#c9d1db';
const SHADE = '#f1f4f7';
const ACCENT = '#2f6f9f';
const NEGATIVE = '#b5543c';

type Doc = PDFKit.PDFDocument;

export async function packPdf(content: PackContent, fontsFolder = SOURCE_FONTS_FOLDER): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true,
    info: { Title: content.title, Author: 'Orebridge', Subject: content.subtitle, CreationDate: new Date(`${content.date}T00:00:00Z`) } });
  doc.registerFont('regular', readFileSync(join(fontsFolder, 'LiberationSans-Regular.ttf')));
  doc.registerFont('bold', readFileSync(join(fontsFolder, 'LiberationSans-Bold.ttf')));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(20).fillColor(INK).text(content.title);
  doc.moveDown(0.2).font('regular').fontSize(11).fillColor(MUTED).text(content.subtitle);
  doc.moveDown(0.8);
  content.sections.forEach((section, i) => {
    // A section starts on a new page when little room is left on this one.
    if (i > 0 && bottom(doc) - doc.y < 160) doc.addPage();
    heading(doc, section.title);
    for (const block of section.blocks) writeBlock(doc, block);
    doc.moveDown(0.8);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 10;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(`Orebridge negotiation pack · ${content.date}`, MARGIN, y, { lineBreak: false });
    const pageText = `Page ${i + 1} of ${range.count}`;
    doc.text(pageText, doc.page.width - MARGIN - doc.widthOfString(pageText), y, { lineBreak: false });
  }
  doc.end();
  return done;
}

const bottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER;
const width = (doc: Doc) => doc.page.width - 2 * MARGIN;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  doc.font('bold').fontSize(14).fillColor(ACCENT).text(text, MARGIN, doc.y);
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width(doc), y).lineWidth(0.7).strokeColor(ACCENT).stroke();
  doc.y = y + 8;
}

function writeBlock(doc: Doc, block: PackBlock): void {
  switch (block.kind) {
    case 'paragraph':
      ensureRoom(doc, 30);
      doc.font('regular').fontSize(9.5).fillColor(INK).text(block.text, MARGIN, doc.y, { width: width(doc) });
      doc.moveDown(0.6);
      return;
    case 'facts':
      facts(doc, block.rows);
      return;
    case 'table':
      if (block.caption) {
        ensureRoom(doc, 50);
        doc.font('bold').fontSize(10).fillColor(INK).text(block.caption, MARGIN, doc.y);
        doc.moveDown(0.3);
      }
      table(doc, block.table);
      return;
    case 'bars':
      bars(doc, block.caption, block.bars);
      return;
  }
}

function facts(doc: Doc, rows: [string, string][]): void {
  const labelWidth = 190;
  for (const [label, value] of rows) {
    doc.font('regular').fontSize(10);
    const height = Math.max(doc.heightOfString(value, { width: width(doc) - labelWidth }), 12) + 5;
    ensureRoom(doc, height);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth - 10 });
    doc.font('bold').fillColor(INK).text(value, MARGIN + labelWidth, y, { width: width(doc) - labelWidth });
    doc.y = y + height;
  }
  doc.moveDown(0.4);
}

const NUMERIC = /^[−+-]?[\d.,]+( ?[%×kmbn]+| × deck)?$|^[A-Z$€£¥]{0,3}\$? ?[−-]?[\d,.]+( [kmb]n?)?$|^—$/;

function table(doc: Doc, t: Table): void {
  const fontSize = 8.5;
  const padding = 4;
  const total = width(doc);
  doc.font('regular').fontSize(fontSize);
  const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell));
  // Column widths: the first (labels) takes what the others leave, the others fit their content.
  const widestWord = (c: string) => Math.max(...c.split(/\s+/).map((w) => doc.widthOfString(w)));
  doc.font('bold');
  const headerWidths = t.columns.map(widestWord);
  doc.font('regular');
  const natural = t.columns.map((_, i) => Math.max(headerWidths[i]!, i > 0 ? 48 : 0, ...t.rows.map((r) => doc.widthOfString(text(r[i])))) + 2 * padding + 1);
  const others = natural.slice(1).reduce((s, w) => s + w, 0);
  const widths = t.columns.length === 2 && natural[0]! < total / 2
    ? [Math.min(natural[0]!, total * 0.5), total - Math.min(natural[0]!, total * 0.5)]
    : [Math.max(total - others, total * 0.28), ...natural.slice(1)];
  const scale = total / widths.reduce((s, w) => s + w, 0);
  const cols = widths.map((w) => w * scale);
  const numeric = t.columns.map((_, i) => i > 0 && t.rows.every((r) => NUMERIC.test(text(r[i]))));

  // Measuring text is the slow part of laying out a page: each cell is measured once, and a cell
  // that fits on one line is drawn without the line wrapper.
  const measured = new Map<string, number>();
  const widthOf = (value: string, font: string) => {
    const key = `${font}\u0000${value}`;
    let w = measured.get(key);
    if (w === undefined) {
      doc.font(font).fontSize(fontSize);
      w = doc.widthOfString(value);
      measured.set(key, w);
    }
    return w;
  };
  doc.font('regular').fontSize(fontSize);
  const lineHeight = doc.currentLineHeight(true);
  const fits = (value: string, i: number, font: string) => widthOf(value, font) <= cols[i]! - 2 * padding;
  const rowHeight = (cells: unknown[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((c, i) => {
      const value = text(c);
      return fits(value, i, font) ? lineHeight : doc.heightOfString(value, { width: cols[i]! - 2 * padding });
    })) + 2 * padding;
  };
  const drawRow = (cells: unknown[], y: number, font: string, shade: boolean, header: boolean) => {
    const h = rowHeight(cells, font);
    if (shade) doc.rect(MARGIN, y, total, h).fill(SHADE);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const value = text(c);
      const right = numeric[i]!;
      doc.font(font).fontSize(fontSize).fillColor(!header && right && value.startsWith('−') ? NEGATIVE : INK);
      if (fits(value, i, font)) {
        const left = right ? x + cols[i]! - padding - widthOf(value, font) : x + padding;
        doc.text(value, left, y + padding, { lineBreak: false });
      } else {
        doc.text(value, x + padding, y + padding, { width: cols[i]! - 2 * padding, align: right ? 'right' : 'left' });
      }
      x += cols[i]!;
    });
    if (header) doc.moveTo(MARGIN, y + h).lineTo(MARGIN + total, y + h).lineWidth(0.8).strokeColor(INK).stroke();
    return h;
  };
  let y = doc.y;
  const header = () => {
    y += drawRow(t.columns, y, 'bold', false, true);
  };
  if (y + rowHeight(t.columns, 'bold') + rowHeight(t.rows[0] ?? [], 'regular') > bottom(doc)) {
    doc.addPage();
    y = doc.y;
  }
  header();
  t.rows.forEach((row, r) => {
    const h = rowHeight(row, 'regular');
    if (y + h > bottom(doc)) {
      doc.addPage();
      y = doc.y;
      header();
    }
    y += drawRow(row, y, 'regular', r % 2 === 1, false);
  });
  doc.moveTo(MARGIN, y).lineTo(MARGIN + total, y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
  doc.y = y + 10;
}

function bars(doc: Doc, caption: string, items: { label: string; value: number; text: string }[]): void {
  const barHeight = 14;
  const gap = 6;
  const height = 20 + items.length * (barHeight + gap) + 10;
  ensureRoom(doc, height);
  doc.font('regular').fontSize(9).fillColor(MUTED).text(caption, MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.4);
  const labelWidth = 150;
  const valueWidth = 60;
  const area = width(doc) - labelWidth - valueWidth;
  const max = Math.max(0, ...items.map((b) => b.value));
  const min = Math.min(0, ...items.map((b) => b.value));
  const span = max - min || 1;
  const zero = MARGIN + labelWidth + (area * -min) / span;
  let y = doc.y;
  for (const b of items) {
    doc.font('regular').fontSize(9).fillColor(INK).text(b.label, MARGIN, y + 2, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const length = (area * Math.abs(b.value)) / span;
    const x = b.value >= 0 ? zero : zero - length;
    doc.rect(x, y, Math.max(length, 0.5), barHeight).fill(b.value >= 0 ? ACCENT : NEGATIVE);
    doc.font('regular').fontSize(8.5).fillColor(INK).text(b.text, MARGIN + labelWidth + area + 6, y + 2, { width: valueWidth - 6, align: 'right', lineBreak: false });
    y += barHeight + gap;
  }
  doc.moveTo(zero, doc.y - 2).lineTo(zero, y).lineWidth(0.6).strokeColor(MUTED).stroke();
  doc.x = MARGIN;
  doc.y = y + 8;
}
