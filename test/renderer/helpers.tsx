import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, render } from '@testing-library/react';
import { parseProjectText } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { App } from '../../renderer/app/App.tsx';
import { WorkspaceProvider } from '../../renderer/app/context.tsx';
import { createWorkspace, type RunningWorkspace } from '../../renderer/app/createWorkspace.ts';
import { createInlineRunner } from '../../renderer/engine/engineClient.ts';
import type { OrebridgeApi } from '../../shared/contract.ts';

// A path, not a URL object: under jsdom the global URL is jsdom's, which node:fs does not take.
export const EXAMPLES = join(fileURLToPath(import.meta.url.toString()), '..', '..', 'fixtures', 'examples');

export function loadExample(name: string): Project {
  return parseProjectText(readFileSync(join(EXAMPLES, `${name}.project.json`), 'utf8')) as Project;
}

export function loadExpected(name: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES, `${name}.expected.json`), 'utf8'));
}

/** A workspace whose engine runs in-line (no worker in jsdom) and with no back end unless given. */
export function testWorkspace(api: OrebridgeApi | null = null, confirm?: (question: string) => boolean): RunningWorkspace {
  const runner = createInlineRunner();
  return createWorkspace({ api, locale: 'en-US', fastRunner: runner, slowRunner: runner, ...(confirm ? { confirm } : {}) });
}

export async function renderApp(workspace: RunningWorkspace = testWorkspace()) {
  const view = render(
    <WorkspaceProvider workspace={workspace}>
      <App />
    </WorkspaceProvider>,
  );
  await settle(workspace);
  return { ...view, workspace };
}

/** Waits until the engine has answered every pending job and React has rendered the results. */
export async function settle(workspace: RunningWorkspace): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await act(async () => {
      await workspace.controller.settled();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}
