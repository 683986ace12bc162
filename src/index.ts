/**
 * powermap: key-account selling analytics on a weighted influence graph.
 *
 * @packageDocumentation
 */
export {
  PowermapError,
  ValidationError,
  UnknownPersonError,
  ConvergenceError,
  OptionError,
  type Issue,
} from './errors.js';
export {
  parseDeal,
  safeParseDeal,
  dealJsonSchema,
  dealSchema,
  formatPath,
  parseIsoDate,
  normalizeLabel,
  stanceFromLabel,
  influenceFromLabel,
  roleFromLabel,
  stanceLabel,
  influenceLabel,
  ROLES,
  STANCE_LABELS,
  INFLUENCE_LABELS,
  ROLE_ALIASES,
  type SafeParseDealResult,
  type DealInput,
  type Deal,
  type Person,
  type Relation,
  type RelationKind,
  type TeamMember,
  type Contact,
  type Competitor,
  type Intel,
  type KeySuccessFactor,
  type Account,
  type Stage,
  type Role,
} from './model/index.js';
export {
  buildGraph,
  decayedStrength,
  fromGraphology,
  PowerGraph,
  isPowerGraph,
  type BuildGraphOptions,
  type Csr,
  type PowerEdgeAttributes,
  type PowerNodeAttributes,
} from './graph/index.js';
export {
  explain,
  formatMessage,
  catalogues,
  type Explanation,
  type Locale,
  type MessageParams,
  type Catalogue,
} from './explain/index.js';
export * from './analyses/index.js';
export * from './rules/index.js';
export { spinQuestions, renderTemplate, type SpinQuestion } from './explain/index.js';
export * from './report/index.js';
export {
  importCrm,
  type CrmPreset,
  type PersonField,
  type RelationField,
  type ColumnMapping,
  type ImportCrmOptions,
  type ImportIssue,
  type ImportedColumn,
  type CrmImport,
} from './io/import-crm.js';
export {
  assessLines,
  assessLine,
  type AssessLinesOptions,
  type FlagCount,
  type DealSummary,
  type BatchSuccess,
  type BatchFailure,
  type BatchResult,
} from './io/batch.js';
