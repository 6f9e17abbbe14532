// The exported workbook recalculated by LibreOffice Calc (`npm run test:office`, which .ci/run
// runs after npm test): a spreadsheet program people use finds the engine's headline numbers
// too. Fails in one line saying what to install when `soffice` is missing.
import { readWorkbook, recalculate } from '../support/libreoffice.ts';
import { LIBREOFFICE, requireTool } from '../support/system-tool.ts';
import { describeWorkbookRecalculation } from '../support/workbook-recalculation.ts';

describeWorkbookRecalculation({
  name: 'LibreOffice Calc',
  check: () => void requireTool(LIBREOFFICE),
  recalculate: async (files) => Promise.all(recalculate(files).map((file) => readWorkbook(file))),
});
