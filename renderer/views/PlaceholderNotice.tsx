import { useEditor, useWorkspace } from '../app/context.tsx';
import { selectPlaceholderSummary } from '../store/selectors.ts';

/** Results built on the template's invented numbers say so, until every one is replaced. */
export function PlaceholderNotice({ compact = false }: { compact?: boolean }) {
  const editor = useEditor();
  const summary = useWorkspace(selectPlaceholderSummary);
  if (!summary) return null;
  const [count = '0', names = '', first = ''] = summary.split('\u0000');
  return (
    <div className="placeholder-notice" role="note">
      {compact ? (
        <p>
          <strong>Illustrative:</strong> {count === '1' ? 'one input still holds' : `${count} inputs still hold`} the new-venture template’s placeholders.
        </p>
      ) : (
        <p>
          <strong>Illustrative:</strong> these results still use the new-venture template’s placeholders in{' '}
          {count === '1' ? 'one input' : `${count} inputs`} ({names}). Replace them with your venture’s figures.
        </p>
      )}
      <button type="button" onClick={() => editor.goToProblem(first)}>
        Go to the first placeholder
      </button>
    </div>
  );
}
