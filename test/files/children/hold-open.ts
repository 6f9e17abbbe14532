// Child process for the session tests: opens a document, optionally edits it, then waits to be killed.
// Usage: node hold-open.ts DATA_DIR PATH [NEW_NAME]
// PATH may be a JSON project prefixed with "new:" to start a new, never-saved document from it.
import { readFileSync } from 'node:fs';
import { parseProjectText, type Project } from '../../../shared/engine/index.ts';
import { createDocument, openDocument } from '../../../electron/files/index.ts';

const [dataDir, path, newName] = process.argv.slice(2);
if (dataDir === undefined || path === undefined) throw new Error('usage: hold-open.ts DATA_DIR PATH [NEW_NAME]');
const opened = path.startsWith('new:')
  ? await createDocument(parseProjectText(readFileSync(path.slice(4), 'utf8')) as Project, { dataDir })
  : await openDocument(path, { dataDir, userName: 'Counterparty Analyst' });
if (!opened.ok) {
  process.stdout.write(`refused ${opened.error.code}\n`);
  process.exit(3);
}
if (newName !== undefined) {
  const applied = opened.value.apply({ ...opened.value.project(), name: newName });
  if (!applied.ok) throw new Error(applied.error.message);
}
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
