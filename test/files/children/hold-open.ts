// Child process for the session tests: opens a document, optionally edits it, then waits to be killed.
// Usage: node hold-open.ts DATA_DIR PATH [NEW_NAME]
import { openDocument } from '../../../electron/files/index.ts';

const [dataDir, path, newName] = process.argv.slice(2);
if (dataDir === undefined || path === undefined) throw new Error('usage: hold-open.ts DATA_DIR PATH [NEW_NAME]');
const opened = await openDocument(path, { dataDir, userName: 'Counterparty Analyst' });
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
