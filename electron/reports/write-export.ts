// Every export (workbook, CSV, negotiation pack) reaches the disk here: atomically, never over
// the project it was made from, with one sentence when it cannot.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomically } from '../files/atomic.ts';
import type { FileResult } from '../files/types.ts';

const samePath = (a: string, b: string) => {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
};

/** Writes an export to `target`; refuses when `target` is the project file `source`. */
export function writeExport(target: string, bytes: string | Uint8Array, source: string | null): FileResult<{ path: string }> {
  if (source !== null && samePath(target, source)) {
    return { ok: false, error: { code: 'io', message: `The export would overwrite the project file ${source}; choose another file name.` } };
  }
  return writeFileAtomically(target, bytes);
}
