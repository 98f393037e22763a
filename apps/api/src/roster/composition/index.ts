export {
  COMPOSITION_ERROR_TEXT,
  CompositionError,
  type CompositionErrorCode,
} from './composition-error.js';
export {
  type CompositionCounts,
  type CompositionDelegate,
  type CompositionInput,
  type CompositionReport,
  type CompositionWorkforce,
  type RuleCheck,
  type RuleId,
  type RuleOutcome,
  composeReport,
  countComposition,
  worstOutcome,
} from './composition.js';
export {
  type BuiltInSizeFormulaId,
  type CustomSizeFormulaSettings,
  type SizeFormula,
  type SizeFormulaId,
  type SizeRequirement,
  DEFAULT_SIZE_FORMULA_ID,
  NATIONAL_FORMULA,
  SHANGHAI_FORMULA,
  SIZE_FORMULAS,
  ZHEJIANG_FORMULA,
  customSizeFormula,
  getSizeFormula,
} from './size-formulas.js';
