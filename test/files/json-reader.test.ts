import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonFile, readJsonProjectFile } from '../../electron/files/index.ts';
import { exampleText, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

async function refusal(content: string | Buffer): Promise<{ code: string; message: string }> {
  const path = join(tempDir(), 'project.json');
  writeFileSync(path, content);
  const read = await readJsonProjectFile(path, 'The file project.json');
  expect(read.ok).toBe(false);
  if (read.ok) return { code: '', message: '' };
  expect(read.error.message).not.toContain('\n');
  expect(read.error.message).toMatch(/^The file project\.json .*\.$/);
  // The import command reads through the same reader.
  const imported = await importJsonFile(path, join(tempDir(), 'out.orebridge'));
  expect(imported.ok).toBe(false);
  return read.error;
}

describe('one reader of JSON project documents', () => {
  it('refuses invalid UTF-8 with a sentence instead of reading it lossily', async () => {
    const valid = Buffer.from(exampleText('northern-spodumene'));
    const broken = Buffer.concat([valid.subarray(0, 40), Buffer.from([0xc3, 0x28]), valid.subarray(40)]);
    const error = await refusal(broken);
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/not UTF-8/);
  });

  it('refuses 100,000-deep nesting plainly, without a stack overflow', async () => {
    const error = await refusal(`{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/more than 64 levels deep/);
  });

  it('never quotes the content of what it could not read', async () => {
    const error = await refusal('root:x:0:0:root:/root:/bin/bash\n');
    expect(error.code).toBe('not-json');
    expect(error.message).not.toMatch(/root/);
  });

  it('refuses a file larger than any project document before reading it', async () => {
    const error = await refusal(Buffer.alloc(33 * 1024 * 1024, 0x20));
    expect(error.code).toBe('too-large');
  });
});

describe('the shape of JSON text is checked in one pass', () => {
  it('counts nesting and list entries, ignoring brackets and commas inside strings', async () => {
    const { jsonShape } = await import('../../electron/files/json-depth.ts');
    expect(jsonShape('{"a": [1, 2, [3, 4, 5]], "b": "[,,,]"}')).toEqual({ depth: 3, longestList: 3 });
    expect(jsonShape('[]')).toEqual({ depth: 1, longestList: 0 });
    expect(jsonShape('[ {"x": 1, "y": 2} ]')).toEqual({ depth: 2, longestList: 1 });
    expect(jsonShape('["\\"]", 1]')).toEqual({ depth: 1, longestList: 2 });
  });
});
