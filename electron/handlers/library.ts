// What the app offers besides open documents: recent files, the browser-mode file listing, the
// bundled examples and settings.
import { readdir, readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { basename, dirname, extname, join } from 'node:path';
import { DEFAULT_SETTINGS, failure, settingsSchema, success } from '../../shared/contract.ts';
import type { ExampleInfo, FileEntry, Settings } from '../../shared/contract.ts';
import * as files from '../files/index.ts';
import { confinedPath } from './confine.ts';
import { fromFileError, scopedToFolder } from './documents.ts';
import { documentInfo } from './registry.ts';
import type { DocumentRegistry, FileHandles } from './registry.ts';
import type { HandlerMap, ShellOptions } from './types.ts';

const EXAMPLE_SUFFIX = '.project.json';

export interface LibraryDeps {
  options: ShellOptions;
  handles: FileHandles;
  documents: DocumentRegistry;
}

type LibraryHandlers = Pick<
  HandlerMap,
  | 'getAppInfo'
  | 'listRecent'
  | 'clearRecent'
  | 'listFiles'
  | 'listExamples'
  | 'openExample'
  | 'getSettings'
  | 'updateSettings'
>;

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function readExample(path: string): Promise<ExampleInfo | null> {
  const parsed = await files.readJsonProjectFile(path);
  if (!parsed.ok) return null;
  const project = parsed.value;
  return {
    id: basename(path, EXAMPLE_SUFFIX),
    name: project.name ?? basename(path, EXAMPLE_SUFFIX),
    notes: project.notes ?? '',
    commodity: project.assumptions.commodity ?? null,
  };
}

export async function readSettings(dataDir: string): Promise<Settings> {
  try {
    // Settings an older version wrote and this one no longer has are dropped, not a reason to forget the rest.
    const parsed = z.object(settingsSchema.shape).partial().safeParse(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')));
    return parsed.success ? { ...DEFAULT_SETTINGS, ...parsed.data } : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function libraryHandlers({ options, handles, documents }: LibraryDeps): LibraryHandlers {
  const examplePaths = async (): Promise<string[]> => {
    const names = await readdir(options.examplesFolder).catch(() => [] as string[]);
    return names.filter((name) => name.endsWith(EXAMPLE_SUFFIX)).sort().map((name) => join(options.examplesFolder, name));
  };

  return {
    getAppInfo: async () =>
      success({ version: options.version, mode: options.mode, platform: options.platform, documentsFolder: options.documentsFolder }),

    listRecent: async () => {
      const paths = await scopedToFolder(options.documentsFolder, await files.recentFiles(options.dataDir), (path) => path);
      const present = await Promise.all(paths.map(async (path) => ((await isFile(path)) ? path : null)));
      return success(
        present
          .filter((path): path is string => path !== null)
          .map((path) => ({ file: handles.refFor(path), name: basename(path), folder: dirname(path) })),
      );
    },

    clearRecent: async () => {
      for (const path of await files.recentFiles(options.dataDir)) await files.removeRecentFile(options.dataDir, path);
      return success(null);
    },

    listFiles: async () => {
      const folder = options.documentsFolder;
      if (!folder) return success([]);
      const names = await readdir(folder).catch(() => [] as string[]);
      const entries: FileEntry[] = [];
      for (const name of names.sort((a, b) => a.localeCompare(b))) {
        const extension = extname(name).toLowerCase();
        if (name.startsWith('.') || (extension !== '.orebridge' && extension !== '.json')) continue;
        const path = join(folder, name);
        if ((await confinedPath(folder, path)) === null) continue;
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
        entries.push({ file: handles.refFor(path), name, folder, kind: extension === '.json' ? 'json' : 'project', modifiedAt: info.mtime.toISOString() });
      }
      return success(entries);
    },

    listExamples: async () => {
      const examples = await Promise.all((await examplePaths()).map(readExample));
      return success(examples.filter((example): example is ExampleInfo => example !== null));
    },

    openExample: async ({ exampleId }, context) => {
      const path = (await examplePaths()).find((candidate) => basename(candidate, EXAMPLE_SUFFIX) === exampleId);
      if (!path) return failure('unknown-example', `There is no example "${exampleId}".`);
      const parsed = await files.readJsonProjectFile(path, `The example ${exampleId}`);
      if (!parsed.ok) return fromFileError(parsed.error);
      const created = await files.createDocument(parsed.value, { dataDir: options.dataDir });
      if (!created.ok) return fromFileError(created.error);
      const entry = documents.add(context.senderId, created.value);
      options.onDocumentChanged?.(entry.ownerId, documentInfo(entry));
      return success({ document: documentInfo(entry), project: created.value.project(), metadata: created.value.metadata() });
    },

    getSettings: async () => success(await readSettings(options.dataDir)),

    updateSettings: async ({ settings }) => {
      const next = { ...(await readSettings(options.dataDir)), ...settings };
      const written = await files.writeTextFile(join(options.dataDir, 'settings.json'), `${JSON.stringify(next, null, 2)}\n`, { createFolder: true });
      return written.ok ? success(next) : fromFileError(written.error);
    },
  };
}
