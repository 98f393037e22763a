/**
 * The pies of a decided poll (GB 50799 §6.2: results as bars, pie and figures): one pie per
 * question — the options of a motion, the candidates of an election, or one person's grades in
 * an evaluation — laid out in a grid of at most four columns.
 */
export interface Pie {
  name: string;
  /** Options with no vote are left out: a slice of 0 has no area, and the figures show it. */
  slices: { name: string; value: number }[];
  /** Centre and radius in per cent of the chart's width and height (ECharts strings). */
  center: [string, string];
  radius: string;
}

export function resultPies(
  questions: { title: string; entries: string[] }[],
  counts: number[][],
): Pie[] {
  const columns = Math.min(questions.length, 4) || 1;
  const rows = Math.ceil(questions.length / columns) || 1;
  // The radius leaves room for the labels around a pie, and for a title above it.
  const radius = `${Math.round(60 / Math.max(columns, rows))}%`;
  return questions.map((q, qi) => ({
    name: q.title,
    slices: q.entries
      .map((name, e) => ({ name, value: counts[qi]?.[e] ?? 0 }))
      .filter((s) => s.value > 0),
    center: [
      `${Math.round(((qi % columns) + 0.5) * (100 / columns))}%`,
      `${Math.round((Math.floor(qi / columns) + 0.55) * (100 / rows))}%`,
    ],
    radius,
  }));
}
