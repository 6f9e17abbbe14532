// Child process: reads a project with readProjectFromFile and prints whether better-sqlite3 was loaded.
import { createRequire } from 'node:module';
import { readProjectFromFile } from '../../../electron/files/index.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: loaded-modules.ts PATH');
const result = await readProjectFromFile(path);
const cache = (createRequire(import.meta.url)('node:module') as { _cache: Record<string, unknown> })._cache;
const sqliteLoaded = Object.keys(cache).some((key) => key.includes('better-sqlite3'));
process.stdout.write(`${JSON.stringify({ ok: result.ok, sqliteLoaded })}\n`);
