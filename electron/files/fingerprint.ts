// What a file on disk was when this session last read or wrote it, to notice another program's save.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

export interface Fingerprint {
  size: number;
  modifiedMs: number;
  sha256: string;
}

export function fingerprintOf(bytes: Uint8Array, modifiedMs: number): Fingerprint {
  return { size: bytes.length, modifiedMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The file's fingerprint now, or null when there is no file (nothing to overwrite). */
export function currentFingerprint(path: string): Fingerprint | null {
  try {
    const before = statSync(path);
    if (!before.isFile()) return null;
    return fingerprintOf(readFileSync(path), before.mtimeMs);
  } catch {
    return null;
  }
}

/** Changed when the content differs (the size is the quick test, the hash the proof); a touched but equal file is not. */
export function changedSince(known: Fingerprint, now: Fingerprint | null): boolean {
  if (now === null) return false;
  return now.size !== known.size || now.sha256 !== known.sha256;
}
