import { useEditor, useWorkspace } from '../app/context.tsx';
import { selectPlaceholderSummary } from '../store/selectors.ts';

/** Results built on the template's invented numbers say so, until every one is replaced. */
export function PlaceholderNotice() {
  const editor = useEditor();
  const summary = useWorkspace(selectPlaceholderSummary);
  if (!summary) return null;
  const [count = '0', names = '', first = ''] = summary.split('\u0000');
  return (
    <div className="placeholder-notice" role="note">
      <p>
        <strong>Illustrative:</strong> these results still use {count === '1' ? 'one placeholder' : `${count} placeholders`} from the
        new-venture template ({names}). Replace them with your venture’s figures.
      </p>
      <button type="button" onClick={() => editor.goToProblem(first)}>
        Go to the first placeholder
      </button>
    </div>
  );
}
