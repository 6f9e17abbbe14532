// Shared helpers of the file-layer tests: real files in a fresh temporary folder per test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { parseProjectText, validateProject, type Project } from '../../shared/engine/index.ts';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'examples');
export const EXAMPLE_NAMES = ['northern-spodumene', 'nickel-cobalt-hpal', 'ndpr-separation'] as const;

export function examplePath(name: string): string {
  return join(EXAMPLES_DIR, `${name}.project.json`);
}

export function exampleText(name: string): string {
  return readFileSync(examplePath(name), 'utf8');
}

export function exampleProject(name: string): Project {
  const validation = validateProject(parseProjectText(exampleText(name)));
  if (!validation.ok) throw new Error(`example ${name} is not valid: ${JSON.stringify(validation.problems)}`);
  return validation.project;
}

/** A temporary folder removed after the current test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-files-'));
    made.push(dir);
    return dir;
  };
}

export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
