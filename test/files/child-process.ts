// Starting the test children with the same Node that runs the tests (Node 24 under npm test).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CHILDREN = join(import.meta.dirname, 'children');

/** Starts `children/<script>` and resolves once it prints `ready` (rejects if it exits first). */
export function startChild(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(CHILDREN, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`child ${script} exited with ${String(code)} before it was ready: ${output}`)));
  });
}

export function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
