// Checks the 100-byte SQLite header of an untrusted file before SQLite sees it.
// https://www.sqlite.org/fileformat.html#the_database_header
import { APPLICATION_ID, CURRENT_FORMAT_VERSION } from './format.ts';
import type { FileError } from './types.ts';

const MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
export const HEADER_BYTES = 100;

export interface HeaderFacts {
  pageSize: number;
  formatVersion: number;
  /** Last written in WAL mode (read as a rollback-journal file once in memory). */
  wal: boolean;
}

export type HeaderCheck = { ok: true; header: HeaderFacts } | { ok: false; error: FileError };

function refuse(code: FileError['code'], message: string): HeaderCheck {
  return { ok: false, error: { code, message } };
}

/**
 * Reads what the header says; refuses anything that is not a plain Orebridge database we can read.
 * `fileSize` is the whole file's size when `bytes` holds only its first bytes.
 */
export function checkHeader(bytes: Buffer, fileSize: number = bytes.length): HeaderCheck {
  if (fileSize === 0) return refuse('empty', 'The file is empty (0 bytes), so it holds no project.');
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    const looksLikeJson = /^\s*[{[]/.test(bytes.subarray(0, 64).toString('latin1'));
    return refuse(
      'not-sqlite',
      looksLikeJson
        ? 'The file is a JSON document, not an Orebridge project file; import it with "Import JSON" (orebridge import) instead.'
        : 'The file is not an Orebridge project file (it is not a SQLite database).',
    );
  }
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return refuse('corrupt', `The file is damaged: its header gives an impossible page size (${rawPageSize}).`);
  }
  if (bytes.readUInt32BE(68) !== APPLICATION_ID) {
    return refuse('not-orebridge', 'The file is a SQLite database but not an Orebridge project file (its application id is not Orebridge’s).');
  }
  const formatVersion = bytes.readInt32BE(60);
  if (formatVersion > CURRENT_FORMAT_VERSION) {
    return refuse(
      'newer-version',
      `The file was saved by a newer version of Orebridge (file format ${formatVersion}); this version reads file formats up to ${CURRENT_FORMAT_VERSION}, so update Orebridge to open it.`,
    );
  }
  if (formatVersion < 1) return refuse('corrupt', `The file is damaged: its format version (${formatVersion}) is not one Orebridge ever wrote.`);
  const writeVersion = bytes[18];
  const readVersion = bytes[19];
  if ((writeVersion !== 1 && writeVersion !== 2) || (readVersion !== 1 && readVersion !== 2)) {
    return refuse('corrupt', 'The file is damaged: its header gives an unknown file format for SQLite.');
  }
  if (bytes[20] !== 0) return refuse('corrupt', 'The file uses reserved page space (encryption or checksums) that Orebridge files never use.');
  if (bytes[21] !== 64 || bytes[22] !== 32 || bytes[23] !== 32) {
    return refuse('corrupt', 'The file is damaged: its header has wrong fixed values.');
  }
  if (bytes.readUInt32BE(56) !== 1) return refuse('corrupt', 'The file uses a text encoding other than UTF-8, which Orebridge files never use.');
  if (fileSize % pageSize !== 0) {
    return refuse('corrupt', `The file is damaged or truncated: its size (${fileSize} bytes) is not a whole number of ${pageSize}-byte pages.`);
  }
  const pagesInHeader = bytes.readUInt32BE(28);
  const headerCountValid = bytes.readUInt32BE(92) === bytes.readUInt32BE(24);
  if (headerCountValid && pagesInHeader !== fileSize / pageSize) {
    return refuse('corrupt', `The file is damaged or truncated: its header says ${pagesInHeader} pages but the file holds ${fileSize / pageSize}.`);
  }
  return { ok: true, header: { pageSize, formatVersion, wal: writeVersion === 2 || readVersion === 2 } };
}
