/**
 * Item-by-item polls (分项表决): several motions on one ballot, each decided on its own.
 * The result is the list of motion results, plus which passed and which failed.
 */
import { TallyError } from './errors.js';
import {
  MOTION_CHOICES,
  tallyMotion,
  type MotionChoice,
  type MotionCounts,
  type MotionResult,
} from './motion.js';
import { assertMajorityRule, DEFAULT_MAJORITY_RULE } from './rules.js';
import type { Electorate, ElectorateReport, MajorityRule } from './types.js';
import {
  assertBallotsWithinPresent,
  assertCount,
  assertElectorate,
  normaliseNamed,
} from './validate.js';

export interface PollItemInput {
  readonly id: string;
  readonly title?: string;
  readonly counts: MotionCounts;
  /** Overrides the poll's rule for this item (e.g. two thirds for a statute change). */
  readonly rule?: MajorityRule;
}

export interface ItemByItemInput {
  readonly id?: string;
  readonly title?: string;
  readonly electorate: Electorate;
  readonly items: readonly PollItemInput[];
  /** Rule for every item without its own; default MAJORITY_OF_ALL. */
  readonly rule?: MajorityRule;
  /**
   * Optional cross-check: ballot papers returned. When given, every item's
   * for + against + abstain + invalid must equal it (each paper carries every item).
   */
  readonly ballotsCast?: number;
}

export interface ItemByItemResult {
  readonly kind: 'item-by-item';
  readonly id?: string;
  readonly title?: string;
  readonly electorate: ElectorateReport;
  readonly ballotsCast: number | null;
  /** One motion result per item, in input order, each with its id. */
  readonly items: readonly MotionResult[];
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  readonly allPassed: boolean;
}

export function tallyItemByItem(input: ItemByItemInput): ItemByItemResult {
  assertElectorate(input.electorate);
  const pollRule = input.rule ?? DEFAULT_MAJORITY_RULE;
  assertMajorityRule(pollRule);
  const refs = normaliseNamed('items', input.items ?? []);
  const ballotsCast = input.ballotsCast ?? null;
  if (ballotsCast !== null) {
    assertCount('ballotsCast', ballotsCast);
    assertBallotsWithinPresent(ballotsCast, input.electorate);
  }
  const items = input.items.map((item, index) => {
    const id = (refs[index] as { id: string }).id;
    if (item.rule !== undefined) assertMajorityRule(item.rule, `items.${id}.rule`);
    let result: MotionResult;
    try {
      result = tallyMotion({
        id,
        ...(item.title === undefined ? {} : { title: item.title }),
        electorate: input.electorate,
        counts: item.counts,
        rule: item.rule ?? pollRule,
      });
    } catch (error) {
      if (error instanceof TallyError) {
        throw new TallyError(error.code, `item "${id}": ${error.message}`, {
          ...error.details,
          item: id,
        });
      }
      throw error;
    }
    if (ballotsCast !== null && result.ballots !== ballotsCast) {
      throw new TallyError(
        'COUNTS_DONT_ADD_UP',
        `item "${id}" has ${result.ballots} ballots, the poll ${ballotsCast}`,
        { item: id, itemBallots: result.ballots, ballotsCast },
      );
    }
    return result;
  });
  const { total, present } = input.electorate;
  const passed = items.filter((r) => r.passed).map((r) => r.id as string);
  const failed = items.filter((r) => !r.passed).map((r) => r.id as string);
  return {
    kind: 'item-by-item',
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.title === undefined ? {} : { title: input.title }),
    electorate: { total, present, absent: total - present },
    ballotsCast,
    items,
    passed,
    failed,
    allPassed: failed.length === 0,
  };
}

/** One plaintext item-by-item ballot: a choice per item id; null: the whole paper is invalid. */
export type ItemBallot = Readonly<Record<string, MotionChoice>> | null;

/**
 * Aggregates plaintext item-by-item ballots. Every paper must carry a choice for every item
 * (use 'abstain' or 'invalid' explicitly); a null paper counts invalid on every item.
 */
export function countItemBallots(
  itemIds: readonly string[],
  ballots: readonly ItemBallot[],
): {
  readonly ballotsCast: number;
  readonly items: readonly { readonly id: string; readonly counts: MotionCounts }[];
} {
  const ids = normaliseNamed('items', itemIds).map((i) => i.id);
  const known = new Set(ids);
  const counts = new Map(ids.map((id) => [id, { for: 0, against: 0, abstain: 0, invalid: 0 }]));
  ballots.forEach((ballot, index) => {
    if (ballot === null) {
      for (const c of counts.values()) c.invalid += 1;
      return;
    }
    for (const key of Object.keys(ballot)) {
      if (!known.has(key)) {
        throw new TallyError(
          'UNKNOWN_ID',
          `ballot ${index} has a choice for "${key}", not an item`,
          { index, item: key },
        );
      }
    }
    for (const id of ids) {
      const choice = Object.hasOwn(ballot, id) ? ballot[id] : undefined;
      if (choice === undefined) {
        throw new TallyError('MISSING_COUNT', `ballot ${index} has no choice for item "${id}"`, {
          index,
          item: id,
        });
      }
      if (!MOTION_CHOICES.includes(choice)) {
        throw new TallyError(
          'INVALID_CHOICE',
          `ballot ${index} has choice ${String(choice)} for "${id}"`,
          {
            index,
            item: id,
            choice: String(choice),
          },
        );
      }
      (counts.get(id) as { [K in MotionChoice]: number })[choice] += 1;
    }
  });
  return {
    ballotsCast: ballots.length,
    items: ids.map((id) => ({ id, counts: counts.get(id) as MotionCounts })),
  };
}
