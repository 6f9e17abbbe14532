// Untrusted work that runs off the main thread: what is asked of a worker and what it answers.
// Everything crosses as plain data (the tree of number literals as its JSON text).
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import type { EvaluateOptions } from '../../shared/engine/index.ts';
import type { CheckReport, DocumentMetadata, FileResult } from '../files/types.ts';
import type { RevisionRow } from '../files/store-read.ts';
import type { Fingerprint } from '../files/fingerprint.ts';

export interface CheckedFile {
  project: Project;
  /** The project with its number literals as written, as JSON text (parse with parseWithLiterals). */
  treeText: string;
  metadata: DocumentMetadata;
  revisions: RevisionRow[];
  formatVersion: number;
  fingerprint: Fingerprint;
  /** The seal of the valid project (seal.ts), or null where the worker holds no key. */
  seal: string | null;
}

export interface CaseRequest {
  structure?: string;
  scenario?: string;
}

export type EvaluationOutcome = { ok: true; evaluation: Evaluation } | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export type Task =
  | { kind: 'check-file'; path: string }
  | { kind: 'read-json'; path: string; what?: string }
  | { kind: 'check-report'; path: string }
  | { kind: 'validate'; project: unknown }
  | { kind: 'evaluate'; project: unknown; cases: CaseRequest[]; options: EvaluateOptions; seals?: string[] };

/** A project with more values than any project holds (MAX_PROJECT_VALUES): the sentence saying so. */
export type TooLarge = { ok: false; tooLarge: string };

export type Invalid = { ok: false; problems: { path: string; message: string }[]; problemCount: number };

export type Answer<T extends Task> = T extends { kind: 'check-file' }
  ? FileResult<CheckedFile>
  : T extends { kind: 'read-json' }
    ? FileResult<{ project: Project; treeText: string; placeholders: string[] }>
    : T extends { kind: 'check-report' }
      ? CheckReport
    : T extends { kind: 'validate' }
      ? { ok: true; project: Project; seal: string | null } | Invalid | TooLarge
      : { ok: true; outcomes: EvaluationOutcome[] } | Invalid;

export type WorkerMessage = { id: 0; kind: 'ready' } | { id: number; kind: 'progress'; done: number; total: number } | { id: number; kind: 'answer'; answer: unknown };
