import type { SimulationColumns } from './simulate.ts';

/** One worker: runs iterations from … to − 1 and reports progress (iterations done in this call). */
export type ChunkRunner = (from: number, to: number, onProgress: (done: number) => void) => Promise<SimulationColumns>;

export const CHUNK_SIZE = 2_000;

/**
 * Hands out consecutive ranges of `chunkSize` iterations to whichever worker is free and returns
 * the chunks; the caller merges them in iteration order, so results do not depend on how many
 * workers ran or which ran what. Stops handing out work once `isCancelled()` is true.
 */
export async function runChunks(
  iterations: number, workers: readonly ChunkRunner[], onProgress: (done: number) => void,
  isCancelled: () => boolean = () => false, chunkSize = CHUNK_SIZE,
): Promise<SimulationColumns[] | null> {
  const chunks: SimulationColumns[] = [];
  let next = 0;
  let finished = 0;
  const inFlight = new Map<number, number>();
  const report = () => {
    let partial = 0;
    for (const done of inFlight.values()) partial += done;
    onProgress(finished + partial);
  };
  await Promise.all(workers.map(async (run) => {
    while (next < iterations && !isCancelled()) {
      const from = next;
      const to = Math.min(iterations, from + chunkSize);
      next = to;
      inFlight.set(from, 0);
      const chunk = await run(from, to, (done) => {
        inFlight.set(from, done);
        report();
      });
      inFlight.delete(from);
      finished += to - from;
      chunks.push(chunk);
      report();
    }
  }));
  return isCancelled() ? null : chunks;
}
