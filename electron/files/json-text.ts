// Reading a JSON project document from outside: one size limit, strict UTF-8, a nesting limit,
// then the engine's lossless parser and validation (interchange-json.ts).
import { readFile, stat } from 'node:fs/promises';
import { MAX_JSON_BYTES } from './format.ts';
import { parseInterchange, type ParsedInterchange } from './interchange-json.ts';
import { ioError } from './messages.ts';
import type { FileResult } from './types.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes → text, refusing anything that is not UTF-8 rather than replacing what it cannot read. */
export function decodeJsonBytes(bytes: Uint8Array, what: string): FileResult<string> {
  try {
    return { ok: true, value: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, error: { code: 'not-json', message: `${what} is not UTF-8 text, so it cannot be a JSON project document.` } };
  }
}

/** A JSON project document from a file: regular file, at most MAX_JSON_BYTES, UTF-8, parsed and validated. */
export async function readJsonProject(path: string, what = `The file ${path}`): Promise<FileResult<ParsedInterchange>> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: { code: 'not-a-file', message: `${what} is not a file.` } };
    if (info.size > MAX_JSON_BYTES) {
      return { ok: false, error: { code: 'too-large', message: `${what} is too large to be a project document (${Math.ceil(info.size / 1048576)} MiB; at most ${MAX_JSON_BYTES / 1048576} MiB).` } };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, error: ioError(error, path, 'read') };
  }
  const text = decodeJsonBytes(bytes, what);
  if (!text.ok) return text;
  return parseInterchange(text.value, what);
}
