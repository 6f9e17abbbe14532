// Operations on a whole file, without a session: what the command line does.
import { resolve } from 'node:path';
import { saveDatabaseAtomically } from './atomic.ts';
import { databaseWith, type DocumentContent } from './content.ts';
import { checkHeader } from './header.ts';
import { readJsonProject } from './json-text.ts';
import { stringifyWithLiterals } from './literal-json.ts';
import { acquireLock } from './lock.ts';
import { diffInDatabase, resolveSide } from './session.ts';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { shareContent } from './share.ts';
import { asObject } from './cells.ts';
import { withPlaceholderNote } from './placeholder-note.ts';
import { revisionOf } from './store-read.ts';
import type { CheckReport, DiffSide, FileErrorCode, FileResult, Revision, ShareOptions, TermChange } from './types.ts';
import { checkUntrustedBytes, checkUntrustedFile, readUntrustedBytes, type CheckedContent } from './untrusted.ts';

/** Writes `content` to `target` atomically while holding its lock. */
async function writeNewFile(content: DocumentContent, target: string): Promise<FileResult<{ path: string }>> {
  const path = resolve(target);
  const lock = await acquireLock(path, undefined, 'save');
  if (!lock.ok) return lock;
  const db = databaseWith(content);
  try {
    return await saveDatabaseAtomically(db, path);
  } finally {
    db.close();
    await lock.value.release();
  }
}

export async function importJson(jsonPath: string, targetPath: string): Promise<FileResult<{ path: string }>> {
  const parsed = await readJsonProject(jsonPath);
  if (!parsed.ok) return parsed;
  return writeNewFile({ tree: parsed.value.tree, metadata: { internalScenarios: [], privateNotes: [], placeholders: parsed.value.placeholders }, revisions: [] }, targetPath);
}

export async function exportJson(path: string): Promise<FileResult<string>> {
  const checked = await checkUntrustedFile(path);
  if (!checked.ok) return checked;
  return { ok: true, value: `${stringifyWithLiterals(withPlaceholderNote(asObject(checked.value.tree), checked.value.metadata.placeholders))}\n` };
}

const INVALID: readonly FileErrorCode[] = ['invalid-project', 'unexpected-schema'];

export async function checkProjectFile(path: string): Promise<CheckReport> {
  const bytes = await readUntrustedBytes(path);
  const formatVersion = bytes.ok ? headerVersion(bytes.value) : null;
  const checked = bytes.ok ? checkUntrustedBytes(bytes.value) : bytes;
  if (!checked.ok) {
    return {
      status: INVALID.includes(checked.error.code) ? 'invalid' : 'unreadable',
      formatVersion,
      message: checked.error.message,
      problems: checked.error.problems ?? [],
      problemCount: checked.error.problemCount ?? checked.error.problems?.length ?? 0,
      structures: 0,
      scenarios: 0,
      revisions: 0,
    };
  }
  const { project, revisions } = checked.value;
  return {
    status: 'valid',
    formatVersion,
    message: `The file is a valid Orebridge project (file format ${checked.value.formatVersion}).`,
    problems: [],
    problemCount: 0,
    structures: project.structures.length,
    scenarios: project.scenarios.length,
    revisions: revisions.length,
  };
}

function headerVersion(bytes: Buffer): number | null {
  const header = checkHeader(bytes);
  if (header.ok) return header.header.formatVersion;
  return bytes.length >= 100 && header.error.code === 'newer-version' ? bytes.readInt32BE(60) : null;
}

function contentOf(checked: CheckedContent): DocumentContent {
  return { tree: checked.tree, metadata: checked.metadata, revisions: checked.revisions };
}

export async function shareProjectFile(path: string, targetPath: string, options: ShareOptions): Promise<FileResult<{ path: string }>> {
  if (resolve(path) === resolve(targetPath)) {
    return { ok: false, error: { code: 'io', message: 'A copy to share cannot replace the project itself; choose another file name.' } };
  }
  const checked = await checkUntrustedFile(path);
  if (!checked.ok) return checked;
  const shared = shareContent(contentOf(checked.value), options);
  if (!shared.ok) return shared;
  return writeNewFile(shared.value, targetPath);
}

export async function fileRevisions(path: string): Promise<FileResult<Revision[]>> {
  const checked = await checkUntrustedFile(path);
  if (!checked.ok) return checked;
  return { ok: true, value: checked.value.revisions.map(revisionOf) };
}

/** The project of a file and the two structures `from` and `to` name (a revision as recorded). */
export async function fileDiffStructures(path: string, from: DiffSide, to: DiffSide): Promise<FileResult<{ project: Project; before: Structure; after: Structure }>> {
  const checked = await checkUntrustedFile(path);
  if (!checked.ok) return checked;
  const db = databaseWith(contentOf(checked.value));
  try {
    const before = resolveSide(db, checked.value.project, from);
    if (!before.ok) return before;
    const after = resolveSide(db, checked.value.project, to);
    return after.ok ? { ok: true, value: { project: checked.value.project, before: before.value, after: after.value } } : after;
  } finally {
    db.close();
  }
}

export async function fileDiff(path: string, from: DiffSide, to: DiffSide): Promise<FileResult<TermChange[]>> {
  const checked = await checkUntrustedFile(path);
  if (!checked.ok) return checked;
  const db = databaseWith(contentOf(checked.value));
  try {
    return diffInDatabase(db, checked.value.project, from, to);
  } finally {
    db.close();
  }
}

