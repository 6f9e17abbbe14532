// A part of the window that fails while drawing says so in one sentence and the rest keeps
// working. Nothing is lost by drawing a part again: the project lives in the zustand store,
// outside React, and no boundary touches it.
import { Component, useId, type ErrorInfo, type ReactNode } from 'react';
import { useWorkspaceIfProvided } from '../app/context.tsx';

/** What went wrong, as one clause: the error's own message without its closing full stop. */
export function failureMessage(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error ?? '')).trim().replace(/\.+$/, '');
  return text === '' ? 'an unexpected error' : text;
}

const KEEP_WORKING = 'Your project is unchanged; you can keep working, save, or try again.';

/** The sentence shown in place of the part, e.g. "The Results section could not be drawn: …". */
export function drawingFailureText(part: string, error: unknown, whatNow = KEEP_WORKING): string {
  return `${part} could not be drawn: ${failureMessage(error)}. ${whatNow}`;
}

interface BoundaryProps {
  part: string;
  whatNow: string | undefined;
  describedBy: string;
  className: string | undefined;
  onFailure: (error: unknown, componentStack: string) => void;
  /** Shown beside "Try again" (the top-level boundary offers Save there). */
  actions?: ReactNode;
  children: ReactNode;
}

interface BoundaryState {
  /** Wrapped: anything can be thrown, undefined included. */
  failure: { error: unknown } | null;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onFailure(error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return (
      <div className={`drawing-failure ${this.props.className ?? ''}`.trim()} role="alert">
        <p id={this.props.describedBy}>{drawingFailureText(this.props.part, failure.error, this.props.whatNow)}</p>
        <div className="drawing-failure-actions">
          <button type="button" aria-describedby={this.props.describedBy} onClick={() => this.setState({ failure: null })}>
            Try again
          </button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}

export interface DrawingBoundaryProps {
  /** The part in the user's words, as the start of a sentence: "The Results section", "The chart “NPV by party”". */
  part: string;
  /** The sentence's end after the error: what is safe and what the user can do now. */
  whatNow?: string;
  actions?: ReactNode;
  /** Where the message sits in the window's layout, e.g. the side panel's grid area. */
  className?: string;
  children: ReactNode;
}

/**
 * Draws `children`; if drawing them throws, shows what failed with "Try again" in their place,
 * tells the workspace's notice bar (where the part may be out of view), and logs the error with
 * its stack to the console for support.
 */
export function DrawingBoundary({ part, whatNow, actions, className, children }: DrawingBoundaryProps) {
  const workspace = useWorkspaceIfProvided();
  const sentenceId = useId();
  const onFailure = (error: unknown, componentStack: string) => {
    console.error(`Orebridge: ${part} could not be drawn.`, error instanceof Error ? error.stack ?? error.message : error, `\nWhere in the window:${componentStack}`);
    workspace?.editor.notify({
      kind: 'error',
      message: `${part} could not be drawn (${failureMessage(error)}). Nothing you had is lost; the details are in the developer console for support.`,
    });
  };
  return (
    <Boundary part={part} whatNow={whatNow} actions={actions} className={className} describedBy={sentenceId} onFailure={onFailure}>
      {children}
    </Boundary>
  );
}
