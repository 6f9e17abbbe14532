// @vitest-environment jsdom
// The results status is shown at once but read out only once typing pauses, and only when it changed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

describe('the results status line', () => {
  it('does not announce every keystroke, and says the new NPV once typing stops', async () => {
    const workspace = testWorkspace();
    workspace.editor.newVenture(2027);
    await renderApp(workspace);
    const user = userEvent.setup();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('off');
    const announcer = screen.getByTestId('results-announcement');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(announcer.textContent).toMatch(/^Results up to date: venture NPV US\$ [\d.]+ m\.$/), { timeout: 3000 });
    const first = announcer.textContent;
    const spoken: string[] = [];
    const observer = new MutationObserver(() => spoken.push(announcer.textContent ?? ''));
    observer.observe(announcer, { childList: true, characterData: true, subtree: true });
    const field = screen.getByRole('textbox', { name: 'Discount rate (real)' });
    await user.clear(field);
    await user.type(field, '12.5');
    await settle(workspace);
    // Five keystrokes and several recomputations, then one announcement of the new figure once
    // the typing has paused.
    await waitFor(() => expect(announcer.textContent).not.toBe(first), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    observer.disconnect();
    expect(spoken).toHaveLength(1);
    expect(announcer.textContent).toMatch(/^Results up to date: venture NPV/);
  });
});
