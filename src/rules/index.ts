export { BUILTIN_RULES } from './builtin-rules.js';
export { DEFAULT_STAGE_TEMPLATE, RULE_THRESHOLDS } from './defaults.js';
export { evaluateRules } from './evaluate-rules.js';
export {
  SEVERITIES,
  type Severity,
  type Rule,
  type RuleContext,
  type RuleHit,
  type Finding,
  type RulesConfig,
  type RuleThresholds,
  type StageRequirement,
} from './types.js';
