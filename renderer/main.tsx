import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { WorkspaceProvider } from './app/context.tsx';
import { createWorkspace } from './app/createWorkspace.ts';
import { createEngineWorker, createWorkerRunner } from './engine/engineClient.ts';
import { createSplitRunner } from './engine/splitRunner.ts';
import { connectTransport } from './transport/index.ts';
import './styles.css';

const workspace = createWorkspace({
  api: connectTransport(window),
  fastRunner: createWorkerRunner(createEngineWorker),
  // The slow lane (shocks, breakeven, the compare matrix) splits its work over a worker per core, two at most.
  slowRunner: createSplitRunner(
    Array.from({ length: Math.min(2, Math.max(1, navigator.hardwareConcurrency || 1)) }, () => createWorkerRunner(createEngineWorker)),
  ),
});

// The benchmark and the end-to-end journeys read the workspace state through this handle.
(window as Window & { orebridgeWorkspace?: unknown }).orebridgeWorkspace = workspace;

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <WorkspaceProvider workspace={workspace}>
      <App />
    </WorkspaceProvider>
  </StrictMode>,
);
