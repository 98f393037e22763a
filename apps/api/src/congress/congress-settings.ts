/**
 * Settings of a term or a session. Every number is a default (docs/rules.md) that a congress may
 * change: a session's own settings override its term's, which override these defaults.
 */
export interface CongressSettings {
  /** Fraction of all serving delegates that must be present (at least). [N/L] */
  quorum: { numerator: number; denominator: number };
  /** Who the majority is counted against, and the fraction to exceed. [N: of ALL delegates] */
  majority: { base: 'all' | 'present' | 'cast'; numerator: number; denominator: number };
  /** Days before the session by which the agenda and documents must be circulated. [L] */
  circulationDays: number;
  /** Delegates besides the proposer who must co-sign a proposal. [P] */
  coSignersRequired: number;
  /** Roster-size formula for the composition report. [N], [L] */
  sizeFormula: 'national' | 'shanghai' | 'zhejiang';
  /** Proposal intake window, in days before the session. [P] */
  proposalWindow: { opensDaysBefore: number; closesDaysBefore: number };
  /** Days a department has to answer a proposal. [P] */
  proposalHandlingDays: number;
  /** Decisions published within `withinDays` after the session and kept up `keepDays`. [L] */
  publication: { withinDays: number; keepDays: number };
}

export const DEFAULT_SETTINGS: CongressSettings = {
  quorum: { numerator: 2, denominator: 3 },
  majority: { base: 'all', numerator: 1, denominator: 2 },
  circulationDays: 7,
  coSignersRequired: 2,
  sizeFormula: 'national',
  proposalWindow: { opensDaysBefore: 30, closesDaysBefore: 1 },
  proposalHandlingDays: 20,
  publication: { withinDays: 3, keepDays: 15 },
};

export type SettingsOverrides = {
  [K in keyof CongressSettings]?: Partial<CongressSettings[K]> | CongressSettings[K];
};

/** Defaults, then the term's overrides, then the session's. */
export function effectiveSettings(
  ...layers: (SettingsOverrides | null | undefined)[]
): CongressSettings {
  const result = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined || value === null) continue;
      const current = result[key];
      result[key] =
        typeof value === 'object' && typeof current === 'object'
          ? { ...(current as object), ...value }
          : value;
    }
  }
  return result as unknown as CongressSettings;
}
