import { useEffect } from 'react';
import { useWorkspace } from './context.tsx';

/** The control for `path` (an input before its wrapper), or the first field inside it. */
export function findFocusTarget(path: string): HTMLElement | null {
  const all = Array.from(document.querySelectorAll<HTMLElement>('[data-path]'));
  const exact = all.filter((element) => element.dataset.path === path);
  const control = exact.find((element) => /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName));
  if (control) return control;
  if (exact[0]) return exact[0];
  return all.find((element) => {
    const candidate = element.dataset.path ?? '';
    return candidate.startsWith(`${path}.`) || candidate.startsWith(`${path}[`);
  }) ?? null;
}

/** Moves focus to the field a problem names, or to the list item just added or now in a removed one's place, once rendered. */
export function FocusManager() {
  const request = useWorkspace((state) => state.focusRequest);
  useEffect(() => {
    if (!request) return;
    let attempts = 0;
    let frame = 0;
    const tryFocus = () => {
      const target = findFocusTarget(request.path);
      if (target) {
        target.scrollIntoView?.({ block: 'center', behavior: 'auto' });
        target.focus();
        // Typing replaces what is there, as when tabbing into a field.
        if (target instanceof HTMLInputElement && target.type === 'text') target.select();
        return;
      }
      attempts += 1;
      if (attempts < 10) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [request]);
  return null;
}
