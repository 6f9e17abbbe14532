// Browser mode has no native dialogs, so the transport shows this small in-app picker instead.
// It lists only what the server offers (files in its documents folder, by opaque handle) and
// asks for a bare file name when saving; the server checks both again.
import type { FileEntry, FileRef, SaveTarget } from '../../shared/contract.ts';

export interface OpenChoiceOptions {
  title: string;
  files: FileEntry[];
  emptyMessage: string;
}

export interface SaveChoiceOptions {
  title: string;
  suggestedName: string;
  /** The extension the name gets when the user types none, e.g. ".orebridge". */
  extension: string;
  folder: string | null;
}

export interface FilePicker {
  chooseFile(options: OpenChoiceOptions): Promise<FileRef | null>;
  chooseSaveTarget(options: SaveChoiceOptions): Promise<SaveTarget | null>;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  properties: Partial<Record<'textContent' | 'className' | 'type' | 'id' | 'value', string>> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  Object.assign(node, properties);
  return node;
}

function openDialog<T>(doc: Document, title: string, build: (dialog: HTMLDialogElement, finish: (value: T | null) => void) => void): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = element(doc, 'dialog', { className: 'orebridge-file-picker' });
    // Set through the style object, which the Content-Security-Policy allows.
    Object.assign(dialog.style, { minWidth: '24rem', maxWidth: '40rem', padding: '1rem 1.25rem', borderRadius: '8px', border: '1px solid rgba(127,127,127,0.4)' });
    const heading = element(doc, 'h2', { textContent: title, id: `picker-title-${Date.now()}` });
    dialog.setAttribute('aria-labelledby', heading.id);
    dialog.append(heading);
    let settled = false;
    const finish = (value: T | null) => {
      if (settled) return;
      settled = true;
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', () => finish(null));
    build(dialog, finish);
    doc.body.append(dialog);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  });
}

export function withExtension(name: string, extension: string): string {
  const trimmed = name.trim();
  // A name that already ends in one of our file types keeps it; "Offer v1.2" is not a file type.
  return /\.(orebridge|json|xlsx|csv|pdf)$/i.test(trimmed) ? trimmed : `${trimmed}${extension}`;
}

export function createDomFilePicker(doc: Document): FilePicker {
  return {
    chooseFile: (options) =>
      openDialog<FileRef>(doc, options.title, (dialog, finish) => {
        if (options.files.length === 0) {
          dialog.append(element(doc, 'p', { textContent: options.emptyMessage }));
        } else {
          const list = element(doc, 'ul');
          list.setAttribute('aria-label', 'Files');
          Object.assign(list.style, { listStyle: 'none', padding: '0', margin: '0 0 1rem', display: 'grid', gap: '0.25rem', maxHeight: '50vh', overflowY: 'auto' });
          for (const entry of options.files) {
            const item = element(doc, 'li');
            const button = element(doc, 'button', { type: 'button', textContent: entry.name });
            button.addEventListener('click', () => finish(entry.file));
            item.append(button);
            list.append(item);
          }
          dialog.append(list);
        }
        const cancel = element(doc, 'button', { type: 'button', textContent: 'Cancel' });
        cancel.addEventListener('click', () => finish(null));
        dialog.append(cancel);
      }),

    chooseSaveTarget: (options) =>
      openDialog<SaveTarget>(doc, options.title, (dialog, finish) => {
        const form = element(doc, 'form');
        Object.assign(form.style, { display: 'grid', gap: '0.5rem' });
        const label = element(doc, 'label', { textContent: 'File name' });
        const input = element(doc, 'input', { type: 'text', value: options.suggestedName });
        input.required = true;
        label.append(input);
        form.append(label);
        if (options.folder) form.append(element(doc, 'p', { textContent: `Saved in ${options.folder}` }));
        const save = element(doc, 'button', { type: 'submit', textContent: 'Save' });
        const cancel = element(doc, 'button', { type: 'button', textContent: 'Cancel' });
        cancel.addEventListener('click', () => finish(null));
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          if (input.value.trim() === '') return;
          finish({ name: withExtension(input.value, options.extension) });
        });
        const actions = element(doc, 'div');
        Object.assign(actions.style, { display: 'flex', gap: '0.5rem', justifyContent: 'flex-end' });
        actions.append(cancel, save);
        form.append(actions);
        dialog.append(form);
        queueMicrotask(() => input.select());
      }),
  };
}
