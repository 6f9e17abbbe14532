// Work on a file from outside (opening, importing) runs in the back end's worker threads and may
// take a while: the call carries a work id, and while it runs the workspace asks the back end what
// it is doing, shows it with the time elapsed, and offers Cancel, which stops the worker.
import type { OrebridgeApi } from '../../shared/contract.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';

/** How often the workspace asks how the work is going; the first answer comes after this, so quick work shows nothing. */
export const WORK_POLL_MS = 400;

function newWorkId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `work-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function createFileWork(store: WorkspaceStore, api: OrebridgeApi, pollMs = WORK_POLL_MS) {
  return {
    /** Runs `call` with a fresh work id, showing the back end's account of it while it runs. */
    async follow<T>(call: (work: string) => Promise<T>): Promise<T> {
      const id = newWorkId();
      let running = true;
      const poll = async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, pollMs));
          if (!running) return;
          const status = await api.workStatus({ work: id });
          if (!running || !status.ok || status.value === null) continue;
          const shown = store.getState().fileWork;
          store.setState({ fileWork: { id, label: status.value.label, elapsedMs: status.value.elapsedMs, cancelling: shown?.id === id && shown.cancelling } });
        }
      };
      void poll();
      try {
        return await call(id);
      } finally {
        running = false;
        if (store.getState().fileWork?.id === id) store.setState({ fileWork: null });
      }
    },
    /** Stops the work on screen; its call then answers `cancelled`. */
    async cancel(): Promise<void> {
      const work = store.getState().fileWork;
      if (!work || work.cancelling) return;
      store.setState({ fileWork: { ...work, cancelling: true } });
      await api.cancelWork({ work: work.id });
    },
  };
}
export type FileWorkCommands = ReturnType<typeof createFileWork>;
