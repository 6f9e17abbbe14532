import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/cli.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (text: string) => [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
  .map((m) => m[1] ?? m[2] ?? '');

describe('architecture', () => {
  it('shared/ imports nothing from Node, Electron or the DOM: only decimal.js, zod, the stdlib distributions and itself', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(REPO, 'shared'))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const pure = specifier === 'decimal.js' || specifier === 'zod' || specifier.startsWith('@stdlib/stats-base-dists-');
        if (!(specifier.startsWith('.') || pure)) offending.push(`${relative(REPO, file)} imports ${specifier}`);
      }
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (/\b(window|document|process|require|globalThis)\s*[.(]/.test(code)) offending.push(`${relative(REPO, file)} uses a host global`);
    }
    expect(offending).toEqual([]);
  });

  it('the test-only packages (hyperformula, GPL-3.0; pdfjs-dist) are imported only by tests, never by the app', () => {
    const testOnly = ['hyperformula', 'pdfjs-dist'];
    const offending = ['shared', 'electron', 'renderer', 'bin', 'bench', 'scripts'].flatMap((dir) => sourceFiles(join(REPO, dir)))
      .flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => testOnly.some((p) => s === p || s.startsWith(`${p}/`))).map((s) => `${relative(REPO, f)} imports ${s}`));
    expect(offending).toEqual([]);
  });

  it('only electron/main.ts and electron/preload.ts import electron', () => {
    const importers = sourceFiles(REPO).filter((f) => !f.includes('node_modules') && !f.includes(`${join(REPO, 'test')}`))
      .filter((f) => importsOf(readFileSync(f, 'utf8')).includes('electron'))
      .map((f) => relative(REPO, f)).sort();
    for (const file of importers) expect(['electron/main.ts', 'electron/preload.ts']).toContain(file);
  });
});
