import type { SectionId } from '../store/types.ts';
import { useEditor, useResults, useWorkspace } from './context.tsx';
import { sectionForPath } from '../store/sections.ts';
import { parsePath } from '../lib/paths.ts';
import { ThemePicker } from './ThemePicker.tsx';

const GROUPS: { label: string; items: { id: SectionId; label: string }[] }[] = [
  {
    label: 'Venture',
    items: [
      { id: 'venture', label: 'Settings' },
      { id: 'mine-plan', label: 'Mine plan and prices' },
      { id: 'scenarios', label: 'Scenarios and shocks' },
    ],
  },
  {
    label: 'Deal terms',
    items: [
      { id: 'partners', label: 'Partners' },
      { id: 'fiscal', label: 'Fiscal terms' },
      { id: 'financing', label: 'Financing' },
      { id: 'technology', label: 'Technology' },
      { id: 'offtake', label: 'Offtake and price support' },
    ],
  },
  {
    label: 'Analysis',
    items: [
      { id: 'results', label: 'Results' },
      { id: 'compare', label: 'Compare' },
      { id: 'risk', label: 'Risk' },
      { id: 'rounds', label: 'Negotiation rounds' },
      { id: 'deal-space', label: 'Deal space' },
    ],
  },
];

/** The section's name as the navigation shows it, e.g. "Fiscal terms"; undefined for an id it does not know. */
export function sectionLabel(id: SectionId): string | undefined {
  return GROUPS.flatMap((group) => group.items).find((item) => item.id === id)?.label;
}

export function AgreementsNav() {
  const editor = useEditor();
  const section = useWorkspace((state) => state.section);
  const problems = useResults((state) => state.problems);
  const counts = new Map<SectionId, number>();
  for (const problem of problems) {
    const target = sectionForPath(parsePath(problem.path));
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return (
    <nav className="sections" aria-label="Sections">
      {GROUPS.map((group) => (
        <div key={group.label} className="nav-group">
          <h2 className="nav-heading">{group.label}</h2>
          <ul>
            {group.items.map((item) => {
              const count = counts.get(item.id) ?? 0;
              return (
                <li key={item.id}>
                  <button type="button" aria-current={section === item.id ? 'page' : undefined} onClick={() => editor.selectSection(item.id)}>
                    {item.label}
                    {count > 0 && (
                      <span className="badge" aria-label={`${count} problem${count === 1 ? '' : 's'}`}>
                        {count}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <ThemePicker />
    </nav>
  );
}
