/**
 * The four properties electronic-records practice checks on an archived record (DA/T 70
 * 四性检测): 真实性 (authenticity), 完整性 (integrity), 可用性 (usability), 安全性 (security). A
 * verifier runs named checks, each under one property, and reports every property with what was
 * checked; verifyBundle and verifyArchive both report through PropertyChecks.
 */
import { MinutesError, type MinutesErrorCode } from './errors.js';

export type RecordsProperty = 'authenticity' | 'integrity' | 'usability' | 'security';
export const PROPERTY_LABELS: Record<RecordsProperty, string> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};

/** Where a failure was found: a file of a bundle, an entry (seq) of the archive. */
export interface FailureWhere {
  file?: string;
  seq?: number;
}

export interface RecordsFailure extends FailureWhere {
  code: MinutesErrorCode;
  message: string;
}

export interface RecordsCheck {
  property: RecordsProperty;
  /** What was checked, in Chinese. */
  what: string;
  ok: boolean;
  error: RecordsFailure | null;
}

export interface PropertyReport {
  label: string;
  ok: boolean;
  checked: string[];
  /** Things a reader should know that are not failures (e.g. a custodian-mode poll). */
  notes: string[];
}

export interface PropertiesReport {
  ok: boolean;
  firstFailure: RecordsFailure | null;
  checks: RecordsCheck[];
  properties: Record<RecordsProperty, PropertyReport>;
}

/** Thrown by a fatal check to stop the run: nothing further can be read. */
export class StopChecks extends Error {}

export class PropertyChecks {
  readonly checks: RecordsCheck[] = [];
  readonly notes: Record<RecordsProperty, string[]> = {
    authenticity: [],
    integrity: [],
    usability: [],
    security: [],
  };

  /**
   * Runs one check; a thrown MinutesError is its failure (its `where.file` / `where.seq` say
   * where). A failed fatal check throws StopChecks, which the verifier catches around its run.
   */
  run(property: RecordsProperty, what: string, check: () => void, fatal = false): boolean {
    try {
      check();
      this.checks.push({ property, what, ok: true, error: null });
      return true;
    } catch (e) {
      const err =
        e instanceof MinutesError
          ? e
          : new MinutesError('BAD_BUNDLE', String((e as Error)?.message ?? e));
      const { file, seq } = err.where;
      this.checks.push({
        property,
        what,
        ok: false,
        error: {
          code: err.code,
          message: err.detail,
          ...(typeof file === 'string' ? { file } : {}),
          ...(typeof seq === 'number' ? { seq } : {}),
        },
      });
      if (fatal) throw new StopChecks();
      return false;
    }
  }

  /** Each property is ok only when the run `completed` and all its checks passed. */
  report(completed: boolean): PropertiesReport {
    const properties = {} as Record<RecordsProperty, PropertyReport>;
    for (const p of Object.keys(PROPERTY_LABELS) as RecordsProperty[]) {
      const mine = this.checks.filter((c) => c.property === p);
      properties[p] = {
        label: PROPERTY_LABELS[p],
        ok: completed && mine.every((c) => c.ok),
        checked: mine.map(
          (c) => `${c.ok ? '✓' : '✗'} ${c.what}${c.error ? `：${c.error.message}` : ''}`,
        ),
        notes: this.notes[p],
      };
    }
    const failed = this.checks.find((c) => !c.ok);
    return {
      ok: !failed && completed,
      firstFailure: failed?.error ?? null,
      checks: this.checks,
      properties,
    };
  }
}
