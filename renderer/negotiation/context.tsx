// The negotiation tools' stores for one window, created once with the runner that takes their
// work off the page's thread. Views outside a NegotiationProvider (component tests of a form)
// simply show no "Solve for a target…" button.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createDealSpaceStore, type DealSpaceActions, type DealSpaceState, type DealSpaceStore } from './dealSpaceStore.ts';
import { defaultNegotiationRunner, type NegotiationRunner } from './runner.ts';
import { createSolveStore, type SolveActions, type SolveState, type SolveStore } from './solveStore.ts';
import { SolveDialog } from './SolveDialog.tsx';

export interface Negotiation {
  solve: SolveStore;
  dealSpace: DealSpaceStore;
}

export function createNegotiation(runner: NegotiationRunner): Negotiation {
  return { solve: createSolveStore(runner), dealSpace: createDealSpaceStore(runner) };
}

const NegotiationContext = createContext<Negotiation | null>(null);

export function NegotiationProvider({ runner, children }: { runner?: NegotiationRunner; children: ReactNode }) {
  const [negotiation] = useState(() => createNegotiation(runner ?? defaultNegotiationRunner()));
  return (
    <NegotiationContext.Provider value={negotiation}>
      {children}
      <SolveDialog />
    </NegotiationContext.Provider>
  );
}

export function useNegotiation(): Negotiation | null {
  return useContext(NegotiationContext);
}

function required(): Negotiation {
  const negotiation = useContext(NegotiationContext);
  if (!negotiation) throw new Error('a negotiation view outside NegotiationProvider');
  return negotiation;
}

export function useSolve<T>(selector: (state: SolveState & SolveActions) => T): T {
  return useStore(required().solve, selector);
}

export function useDealSpace<T>(selector: (state: DealSpaceState & DealSpaceActions) => T): T {
  return useStore(required().dealSpace, selector);
}
