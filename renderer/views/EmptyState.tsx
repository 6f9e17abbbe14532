import { useEffect, useState } from 'react';
import type { ExampleInfo, RecentFile, Recoverable } from '../../shared/contract.ts';
import { useWorkspaceContext } from '../app/context.tsx';

/** What a new window shows: start a venture, open a file, or explore a bundled example. */
export function EmptyState() {
  const { api, commands } = useWorkspaceContext();
  const [examples, setExamples] = useState<ExampleInfo[]>([]);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recoverable, setRecoverable] = useState<Recoverable[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.listExamples({}).then((result) => {
      if (!live) return;
      if (result.ok) setExamples(result.value);
      else setError(result.error.message);
    });
    void api.listRecent({}).then((result) => {
      if (live && result.ok) setRecent(result.value);
    });
    void api.listRecoverable({}).then((result) => {
      if (live && result.ok) setRecoverable(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <main className="empty-state" id="main">
      <div className="empty-card">
        <h1>Orebridge</h1>
        <p className="lead">Model a cooperative mining joint venture and see what every term does to every party.</p>
        <div className="empty-actions">
          <button type="button" className="primary" onClick={() => void commands.newVenture()}>
            New venture
          </button>
          <button type="button" onClick={() => void commands.open()}>
            Open…
          </button>
          <button type="button" onClick={() => void commands.importJson()}>
            Import JSON…
          </button>
        </div>
        {error && <p className="field-problem">{error}</p>}
        {recoverable.length > 0 && (
          <section aria-labelledby="recover-heading" className="recover">
            <h2 id="recover-heading">Unsaved work from last time</h2>
            <ul className="recent-list">
              {recoverable.map((copy) => {
                const title = copy.projectName || copy.name || 'Untitled venture';
                return (
                  <li key={copy.workingCopyId} className="recover-item">
                    <span>
                      <strong>{title}</strong>{' '}
                      <span className="muted">
                        {copy.name ?? 'never saved'} · last edited {new Date(copy.lastEditedAt).toLocaleString()}
                      </span>
                    </span>
                    <button type="button" className="primary" onClick={() => void commands.recover(copy.workingCopyId)} aria-label={`Recover ${title}`}>
                      Recover
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        void commands.discardRecoverable(copy.workingCopyId).then((done) => {
                          if (done) setRecoverable((list) => list.filter((item) => item.workingCopyId !== copy.workingCopyId));
                        })
                      }
                      aria-label={`Discard ${title}`}
                    >
                      Discard
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {examples.length > 0 && (
          <section aria-labelledby="examples-heading">
            <h2 id="examples-heading">Example ventures</h2>
            <ul className="example-list">
              {examples.map((example) => (
                <li key={example.id}>
                  <button type="button" className="example" onClick={() => void commands.openExample(example.id)}>
                    <span className="example-name">{example.name}</span>
                    {example.commodity && <span className="example-commodity">{example.commodity}</span>}
                    <span className="example-notes">{example.notes}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {recent.length > 0 && (
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent files</h2>
            <ul className="recent-list">
              {recent.map((file) => (
                <li key={file.file.handle}>
                  <button type="button" onClick={() => void commands.openFile(file.file.handle)}>
                    {file.name} <span className="muted">{file.folder}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
