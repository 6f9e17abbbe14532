// The file layer keeps every field of the catalogue: a project that uses every field, written to a
// .orebridge file and read back, walks to exactly the catalogue's fields with the same values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonText, importJsonFile } from '../../electron/files/index.ts';
import { FIELDS, fieldByPattern, patternOf } from '../../shared/fields/index.ts';
import { leafPaths, projectUsingEverything } from '../support/everything.ts';
import { expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('the file layer and the field catalogue', () => {
  it('writes and reads back every version-1 field of the catalogue, value for value', async () => {
    const project = projectUsingEverything();
    const source = join(tempDir(), 'everything.json');
    writeFileSync(source, JSON.stringify(project));
    const target = join(tempDir(), 'everything.orebridge');
    expectOk(await importJsonFile(source, target));
    const back = JSON.parse(expectOk(await exportJsonText(target))) as unknown;
    expect(back).toStrictEqual(JSON.parse(JSON.stringify(project)));
    const inBlock = (path: string) => fieldByPattern(path.split(/[.[]/)[0]!)?.kind === 'block';
    const walked = new Set(leafPaths(back).filter((path) => !inBlock(path)).map(patternOf).filter((pattern) => fieldByPattern(pattern)?.kind !== 'group'));
    const declared = FIELDS.filter((f) => f.since === 1 && !['group', 'list', 'block'].includes(f.kind)).map((f) => (f.series ? `${f.pattern}[]` : f.pattern));
    expect(declared.filter((pattern) => !walked.has(pattern))).toEqual([]);
    expect([...walked].filter((pattern) => !declared.includes(pattern))).toEqual([]);
  });
});
