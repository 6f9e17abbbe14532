// A calculation that takes a moment (a large project, a hostile one within the limits): how long it
// has run and Stop, which stops the engine's worker; the next edit computes again.
import { useEffect, useState } from 'react';
import { useWorkspaceContext } from '../app/context.tsx';

/** Shown only once a calculation has run this long, so ordinary keystrokes show nothing. */
export const SHOW_AFTER_MS = 1000;

export function CalculationProgress({ running }: { running: boolean }) {
  const { stopCalculation } = useWorkspaceContext();
  const [elapsedMs, setElapsedMs] = useState(0);
  useEffect(() => {
    setElapsedMs(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsedMs(Date.now() - started), 250);
    return () => clearInterval(timer);
  }, [running]);
  if (!running || !stopCalculation || elapsedMs < SHOW_AFTER_MS) return null;
  return (
    <p className="calculation-progress" data-testid="calculation-progress">
      <span aria-hidden="true">Calculating for {Math.floor(elapsedMs / 1000)} s</span>
      <button type="button" onClick={stopCalculation}>
        Stop
      </button>
    </p>
  );
}
