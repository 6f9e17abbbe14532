// Untrusted work the renderer follows and may stop: each call that names a work id gets an abort
// signal, which reaches the worker pool (cancelling stops the worker thread itself).
import { success } from '../../shared/contract.ts';
import type { WorkStatus } from '../../shared/contract.ts';
import type { HandlerMap } from './types.ts';

interface Running {
  label: string;
  startedAt: number;
  controller: AbortController;
}

export interface TrackedWork {
  signal: AbortSignal | undefined;
  /** Forgets the work once its call answers. */
  end(): void;
}

export function createWorkTracker(now: () => number = () => performance.now()) {
  const running = new Map<string, Running>();
  // Work ids are the renderer's own: one window cannot name another's work.
  const keyOf = (senderId: string, work: string) => `${senderId}\u0000${work}`;
  return {
    start(senderId: string, work: string | undefined, label: string): TrackedWork {
      if (work === undefined) return { signal: undefined, end: () => undefined };
      const key = keyOf(senderId, work);
      const entry: Running = { label, startedAt: now(), controller: new AbortController() };
      running.set(key, entry);
      return {
        signal: entry.controller.signal,
        end: () => {
          if (running.get(key) === entry) running.delete(key);
        },
      };
    },
    status(senderId: string, work: string): WorkStatus | null {
      const entry = running.get(keyOf(senderId, work));
      return entry ? { label: entry.label, elapsedMs: Math.max(0, Math.round(now() - entry.startedAt)) } : null;
    },
    cancel(senderId: string, work: string): void {
      running.get(keyOf(senderId, work))?.controller.abort();
    },
  };
}
export type WorkTracker = ReturnType<typeof createWorkTracker>;

export function workHandlers(tracker: WorkTracker): Pick<HandlerMap, 'workStatus' | 'cancelWork'> {
  return {
    workStatus: async ({ work }, context) => success(tracker.status(context.senderId, work)),
    cancelWork: async ({ work }, context) => {
      tracker.cancel(context.senderId, work);
      return success(null);
    },
  };
}
