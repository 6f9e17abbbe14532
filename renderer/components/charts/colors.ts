// Party colours come from the theme (styles.css, light and dark); a chart never relies on them
// alone: every party is also named on the chart, in its legend and in the chart's table.
export const PARTY_COLORS = ['var(--party-0)', 'var(--party-1)', 'var(--party-2)', 'var(--party-3)', 'var(--party-4)', 'var(--party-5)', 'var(--party-6)', 'var(--party-7)'] as const;

export function partyColor(index: number): string {
  return PARTY_COLORS[((index % PARTY_COLORS.length) + PARTY_COLORS.length) % PARTY_COLORS.length]!;
}

/** One series of a chart as the legend shows it. */
export interface SeriesKey {
  id: string;
  name: string;
  color: string;
}
