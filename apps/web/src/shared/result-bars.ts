/**
 * The bars of a decided poll, from its labels and counts: one bar per option (a motion) or per
 * candidate (an election); for an evaluation one group per person with a bar per grade.
 */
export interface Bars {
  categories: string[];
  series: { name: string; data: number[] }[];
}

export function resultBars(
  questions: { title: string; entries: string[] }[],
  counts: number[][],
): Bars {
  if (questions.length === 1) {
    const q = questions[0]!;
    return {
      categories: q.entries,
      series: [{ name: q.title, data: q.entries.map((_, e) => counts[0]?.[e] ?? 0) }],
    };
  }
  const grades = questions[0]?.entries ?? [];
  return {
    categories: questions.map((q) => q.title),
    series: grades.map((name, e) => ({ name, data: questions.map((_, q) => counts[q]?.[e] ?? 0) })),
  };
}
