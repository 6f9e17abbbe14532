// Browser mode behind the same interface as the desktop preload: where the desktop back end
// would open a native dialog, this asks the in-app picker first and sends the server only a
// handle it listed or a bare file name.
import { success } from '../../shared/contract.ts';
import type { AppCommand, FileEntry, MenuCommand, OrebridgeApi, Project } from './types.ts';
import type { FilePicker } from './file-picker.ts';

function suggestedName(project: Project | undefined, extension: string): string {
  const base = (project?.name ?? '').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Untitled';
  return `${base}${extension}`;
}

export function createBrowserApi(server: OrebridgeApi, picker: FilePicker): OrebridgeApi {
  const pick = async (kind: FileEntry['kind'], title: string) => {
    const listing = await server.listFiles({});
    if (!listing.ok) return listing;
    const files = listing.value.filter((entry) => entry.kind === kind);
    const emptyMessage = kind === 'project' ? 'There are no .orebridge files in the documents folder yet.' : 'There are no .json files in the documents folder.';
    return success(await picker.chooseFile({ title, files, emptyMessage }));
  };
  const folder = async () => {
    const info = await server.getAppInfo({});
    return info.ok ? info.value.documentsFolder : null;
  };
  /** `suffix` only shapes the suggestion ("Deal (shared).orebridge"); a name the user types gets just the extension. */
  const chooseTarget = async (title: string, project: Project | undefined, extension: string, suffix = '') =>
    picker.chooseSaveTarget({ title, suggestedName: suggestedName(project, `${suffix}${extension}`), extension, folder: await folder() });

  const api: OrebridgeApi = {
    ...server,
    openDocument: async (request) => {
      if (request.file) return server.openDocument(request);
      const choice = await pick('project', 'Open a project');
      if (!choice.ok || choice.value === null) return choice.ok ? success(null) : choice;
      return server.openDocument({ ...request, file: choice.value });
    },
    importJson: async (request) => {
      if (request.file) return server.importJson(request);
      const choice = await pick('json', 'Import a JSON project');
      if (!choice.ok || choice.value === null) return choice.ok ? success(null) : choice;
      return server.importJson({ ...request, file: choice.value });
    },
    saveDocument: async (request) => {
      const saved = await server.saveDocument(request);
      if (saved.ok || saved.error.code !== 'no-path') return saved;
      return api.saveDocumentAs(request);
    },
    saveDocumentAs: async (request) => {
      if (request.target) return server.saveDocumentAs(request);
      const target = await chooseTarget('Save as', request.project, '.orebridge');
      return target ? server.saveDocumentAs({ ...request, target }) : success(null);
    },
    shareCopy: async (request) => {
      // A name typed in the share dialog is the target already; the server checks it.
      if (request.target || request.fileName) return server.shareCopy(request);
      const target = await chooseTarget('Share a copy', request.project, '.orebridge', ' (shared)');
      return target ? server.shareCopy({ ...request, target }) : success(null);
    },
    exportReport: async (request) => {
      if (request.target) return server.exportReport(request);
      const titles = { xlsx: 'Export Excel workbook', csv: 'Export CSV', pdf: 'Export negotiation pack' } as const;
      const target = await chooseTarget(titles[request.format], request.project, `.${request.format}`);
      return target ? server.exportReport({ ...request, target }) : success(null);
    },
    exportTable: async (request) => {
      if (request.target) return server.exportTable(request);
      const target = await picker.chooseSaveTarget({ title: `Save ${request.name} as CSV`, suggestedName: `${request.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'table'}.csv`, extension: '.csv', folder: await folder() });
      return target ? server.exportTable({ ...request, target }) : success(null);
    },
    exportJson: async (request) => {
      if (request.target) return server.exportJson(request);
      const target = await chooseTarget('Export JSON', request.project, '.json');
      return target ? server.exportJson({ ...request, target }) : success(null);
    },
  };
  return api;
}

/** The usual document shortcuts, where a browser lets a page have them. */
export function keyboardCommands(target: Pick<Window, 'addEventListener' | 'removeEventListener'>) {
  return (listener: (command: AppCommand) => void): (() => void) => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const command: MenuCommand | null = key === 's' ? (event.shiftKey ? 'save-as' : 'save') : key === 'o' && !event.shiftKey ? 'open' : null;
      if (!command) return;
      event.preventDefault();
      listener({ type: 'menu', command });
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  };
}
