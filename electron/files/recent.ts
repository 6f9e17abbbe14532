// The recent-files list, `<dataDir>/recent.json`, newest first.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomically } from './atomic.ts';

const MAX_RECENT = 12;

function recentPath(dataDir: string): string {
  return join(dataDir, 'recent.json');
}

export async function readRecent(dataDir: string): Promise<string[]> {
  try {
    const value = JSON.parse(await readFile(recentPath(dataDir), 'utf8')) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

async function writeRecent(dataDir: string, list: string[]): Promise<string[]> {
  const written = writeFileAtomically(recentPath(dataDir), JSON.stringify(list, null, 2), { createFolder: true });
  if (!written.ok) throw new Error(written.error.message);
  return list;
}

export async function addRecent(dataDir: string, path: string): Promise<string[]> {
  const absolute = resolve(path);
  const list = [absolute, ...(await readRecent(dataDir)).filter((item) => item !== absolute)].slice(0, MAX_RECENT);
  return writeRecent(dataDir, list);
}

export async function removeRecent(dataDir: string, path: string): Promise<string[]> {
  const absolute = resolve(path);
  return writeRecent(dataDir, (await readRecent(dataDir)).filter((item) => item !== absolute));
}
