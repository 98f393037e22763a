import type { FieldError } from '../common/errors/app.exception.js';

/**
 * The workforce figures the composition report measures the roster against (docs/rules.md,
 * "Roster composition checks"). The term holds them, so the composition can be checked while
 * delegates are still being elected; a session may override them with its own (e.g. a later
 * head count). The three figures go together: all given or none.
 */
export interface Workforce {
  /** All employees, dispatched workers included. */
  employees: number;
  women: number;
  dispatched: number;
}

/** The figures as a row stores them: all three null when not given. */
export interface WorkforceColumns {
  employees: number | null;
  women: number | null;
  dispatched: number | null;
}

export type WorkforceSource = 'session' | 'term';

export const WORKFORCE_FIELDS = ['employees', 'women', 'dispatched'] as const;

/** The row's own figures, or null when it has none. */
export function ownWorkforce(row: WorkforceColumns): Workforce | null {
  const { employees, women, dispatched } = row;
  return employees === null || women === null || dispatched === null
    ? null
    : { employees, women, dispatched };
}

/** The figures in force: the session's own, else the term's; null when neither has any. */
export function effectiveWorkforce(
  term: WorkforceColumns,
  session?: WorkforceColumns | null,
): { workforce: Workforce; from: WorkforceSource } | null {
  const own = session ? ownWorkforce(session) : null;
  if (own) return { workforce: own, from: 'session' };
  const termOwn = ownWorkforce(term);
  return termOwn ? { workforce: termOwn, from: 'term' } : null;
}

/** What is wrong with figures about to be stored, each problem naming its field (Chinese). */
export function workforceProblems(row: WorkforceColumns): FieldError[] {
  const given = WORKFORCE_FIELDS.filter((f) => row[f] !== null);
  if (given.length > 0 && given.length < WORKFORCE_FIELDS.length) {
    return WORKFORCE_FIELDS.filter((f) => row[f] === null).map((field) => ({
      field,
      errors: ['职工总数、女职工人数和劳务派遣人数须一并填写（或一并留空）'],
    }));
  }
  const own = ownWorkforce(row);
  if (!own) return [];
  return [
    ...(own.women > own.employees
      ? [{ field: 'women', errors: ['女职工人数不能多于职工总数'] }]
      : []),
    ...(own.dispatched > own.employees
      ? [{ field: 'dispatched', errors: ['劳务派遣人数不能多于职工总数'] }]
      : []),
  ];
}
