// A worker thread of the untrusted-work pool: opens, checks, reads, validates and evaluates what
// came from outside, so that a hostile file or request can exhaust only this thread (which the
// pool stops at its time or memory limit), never the main process or the server's thread.
import { stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator, validateProject } from '../../shared/engine/index.ts';
import { fingerprintOf } from '../files/fingerprint.ts';
import { readJsonProject } from '../files/json-text.ts';
import { checkProjectFile } from '../files/whole-file.ts';
import { stringifyWithLiterals } from '../files/literal-json.ts';
import { reportedProblems } from '../files/messages.ts';
import { projectSizeProblem } from '../files/json-depth.ts';
import { checkUntrustedBytes, readUntrustedBytes } from '../files/untrusted.ts';
import { sealedProject, sealOf, type SealKey } from './seal.ts';
import type { Task, WorkerMessage } from './tasks.ts';

const port = parentPort;
if (!port) throw new Error('untrusted-worker.ts runs as a worker thread');
const sealKey = (workerData as { sealKey?: SealKey } | null)?.sealKey ?? null;
const sealOfProject = (project: unknown) => (sealKey ? sealOf(sealKey, JSON.stringify(project)) : null);

async function answer(task: Task, progress: (done: number, total: number) => void): Promise<unknown> {
  switch (task.kind) {
    case 'check-file': {
      const bytes = await readUntrustedBytes(task.path);
      if (!bytes.ok) return bytes;
      const modifiedMs = (await stat(task.path).catch(() => null))?.mtimeMs ?? 0;
      const checked = checkUntrustedBytes(bytes.value);
      if (!checked.ok) return checked;
      const { project, tree, metadata, revisions, formatVersion } = checked.value;
      return { ok: true, value: { project, treeText: stringifyWithLiterals(tree, 0), metadata, revisions, formatVersion, fingerprint: fingerprintOf(bytes.value, modifiedMs), seal: sealOfProject(project) } };
    }
    case 'read-json': {
      const read = await readJsonProject(task.path, task.what);
      return read.ok ? { ok: true, value: { project: read.value.project, treeText: stringifyWithLiterals(read.value.tree, 0), placeholders: read.value.placeholders } } : read;
    }
    case 'check-report':
      return checkProjectFile(task.path);
    case 'validate': {
      const tooLarge = projectSizeProblem(task.project, 'The project', 'work on');
      if (tooLarge) return { ok: false, tooLarge };
      const valid = validateProject(task.project);
      return valid.ok ? { ...valid, seal: sealOfProject(valid.project) } : { ok: false, problems: reportedProblems(valid.problems), problemCount: valid.problems.length };
    }
    case 'evaluate': {
      // A project a worker found valid, unchanged since (its seal), is not validated again.
      const sealed = sealKey ? sealedProject(sealKey, task.project, task.seals) : null;
      const valid = sealed ? { ok: true as const, project: sealed } : validateProject(task.project);
      if (!valid.ok) return { ok: false, problems: reportedProblems(valid.problems), problemCount: valid.problems.length };
      const outcomes = [];
      // One evaluator for the task's cases: what they share is computed once.
      const evaluate = createEvaluator(valid.project);
      for (const [index, selection] of task.cases.entries()) {
        outcomes.push(evaluate(selection, task.options));
        progress(index + 1, task.cases.length);
      }
      return { ok: true, outcomes };
    }
  }
}

// Imports are loaded: time limits count from here, not from the thread's start.
port.postMessage({ id: 0, kind: 'ready' } satisfies WorkerMessage);

port.on('message', (message: { id: number; task: Task }) => {
  const progress = (done: number, total: number) => port.postMessage({ id: message.id, kind: 'progress', done, total } satisfies WorkerMessage);
  void answer(message.task, progress).then(
    (result) => port.postMessage({ id: message.id, kind: 'answer', answer: result } satisfies WorkerMessage),
    // A bug, not the input: the pool turns it into an error result.
    (error: unknown) => {
      throw error;
    },
  );
});
