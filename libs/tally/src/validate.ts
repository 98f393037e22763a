import { TallyError } from './errors.js';
import type { Electorate, Named } from './types.js';

/** Throws unless `value` is a safe non-negative integer. */
export function assertCount(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TallyError('NOT_AN_INTEGER', `${name} must be a safe integer, got ${String(value)}`, {
      field: name,
      value: typeof value === 'number' ? value : String(value),
    });
  }
  if (value < 0) {
    throw new TallyError('NEGATIVE_COUNT', `${name} must not be negative, got ${value}`, {
      field: name,
      value,
    });
  }
}

/** Validates `{ total, present }`: counts, and present <= total. */
export function assertElectorate(electorate: Electorate): void {
  if (electorate === null || typeof electorate !== 'object') {
    throw new TallyError('NOT_AN_INTEGER', 'electorate must be { total, present }', {
      field: 'electorate',
    });
  }
  assertCount('electorate.total', electorate.total);
  assertCount('electorate.present', electorate.present);
  if (electorate.present > electorate.total) {
    throw new TallyError(
      'PRESENT_EXCEEDS_TOTAL',
      `present (${electorate.present}) exceeds serving delegates (${electorate.total})`,
      { present: electorate.present, total: electorate.total },
    );
  }
}

/** Throws COUNTS_EXCEED_VOTERS when more ballots than delegates present. */
export function assertBallotsWithinPresent(ballots: number, electorate: Electorate): void {
  if (ballots > electorate.present) {
    throw new TallyError(
      'COUNTS_EXCEED_VOTERS',
      `${ballots} ballots but only ${electorate.present} delegates present`,
      { ballots, present: electorate.present, total: electorate.total },
    );
  }
}

/** Checks an optional `notVoted` against `present - ballots`; returns the computed value. */
export function resolveNotVoted(
  notVoted: number | undefined,
  ballots: number,
  electorate: Electorate,
): number {
  const computed = electorate.present - ballots;
  if (notVoted !== undefined) {
    assertCount('notVoted', notVoted);
    if (notVoted !== computed) {
      throw new TallyError(
        'COUNTS_DONT_ADD_UP',
        `ballots (${ballots}) + notVoted (${notVoted}) must equal present (${electorate.present})`,
        { ballots, notVoted, present: electorate.present },
      );
    }
  }
  return computed;
}

export interface NamedRef {
  readonly id: string;
  readonly name?: string;
}

/** Normalises `string | { id, name }` lists and rejects empty lists, bad ids and duplicates. */
export function normaliseNamed(what: string, list: readonly Named[]): NamedRef[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new TallyError('EMPTY_LIST', `${what} must be a non-empty list`, { field: what });
  }
  const seen = new Set<string>();
  return list.map((entry, index) => {
    const ref: NamedRef = typeof entry === 'string' ? { id: entry } : entry;
    if (ref === null || typeof ref !== 'object' || typeof ref.id !== 'string' || ref.id === '') {
      throw new TallyError('INVALID_ID', `${what}[${index}] needs a non-empty string id`, {
        field: what,
        index,
      });
    }
    if (seen.has(ref.id)) {
      throw new TallyError('DUPLICATE_ID', `${what} lists "${ref.id}" twice`, {
        field: what,
        id: ref.id,
      });
    }
    seen.add(ref.id);
    return ref.name === undefined ? { id: ref.id } : { id: ref.id, name: ref.name };
  });
}

/** Own-property lookup that ignores the prototype (`__proto__`, `toString`, ...). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
