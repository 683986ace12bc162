export {
  ROLES, STANCE_LABELS, INFLUENCE_LABELS, ROLE_ALIASES, normalizeLabel, stanceFromLabel, influenceFromLabel,
  roleFromLabel, stanceFromRating, influenceFromScale5, stanceLabel, influenceLabel, type Role,
} from './vocabulary.js';
export type {
  Deal, Person, Relation, RelationKind, TeamMember, Contact, Competitor, Intel, KeySuccessFactor, Account, Stage,
} from './types.js';
export { parseDeal, safeParseDeal, formatPath, type SafeParseDealResult } from './parse-deal.js';
export { dealSchema, parseIsoDate, type DealInput } from './schema.js';
export { dealJsonSchema } from './json-schema.js';
