import { describe, expect, it } from 'vitest';
import { toCsv, toTabSeparated } from '../../shared/reports/table.ts';

describe('table export', () => {
  const table = { columns: ['Party', '2027'], rows: [['Miner, "North"', '-1250.5'], ['=HYPERLINK("x")', 3], ['line\nbreak\tand tab', null]] };

  it('quotes CSV fields that need it and ends lines with CRLF', () => {
    expect(toCsv(table)).toBe('Party,2027\r\n"Miner, ""North""",-1250.5\r\n"\'=HYPERLINK(""x"")",3\r\n"line\nbreak\tand tab",\r\n');
  });

  it('writes tab-separated cells for the clipboard, numbers untouched and names never formulas', () => {
    expect(toTabSeparated(table)).toBe('Party\t2027\nMiner, "North"\t-1250.5\n\'=HYPERLINK("x")\t3\nline break and tab\t\n');
  });
});
