// What the back end is doing with a file from outside, once it takes a moment: the file, the time
// elapsed, and Cancel, which stops the work and leaves the workspace as it was.
import { useWorkspace, useWorkspaceContext } from './context.tsx';

export function WorkBanner() {
  const work = useWorkspace((state) => state.fileWork);
  const { commands } = useWorkspaceContext();
  if (!work) return null;
  const seconds = Math.floor(work.elapsedMs / 1000);
  return (
    <div className="notice-bar info work-bar" data-testid="file-work">
      <progress aria-label={`${work.label}: working`} />
      <span role="status">{work.cancelling ? `Cancelling: ${work.label}…` : `${work.label}…`}</span>
      <span className="work-elapsed" aria-hidden="true">
        {seconds} s
      </span>
      <button type="button" disabled={work.cancelling} onClick={() => void commands.cancelFileWork()}>
        Cancel
      </button>
    </div>
  );
}
