/**
 * `parseDeal` and `safeParseDeal`: the one boundary where an `unknown` becomes a {@link Deal}.
 *
 * @module
 */
import type { z } from 'zod';
import { ValidationError, describeValue, type Issue } from '../errors.js';
import { dealSchema } from './schema.js';
import { fastParseDeal } from './fast-parse.js';
import type { Deal } from './types.js';

const PARSED = Symbol.for('powermap.parsedDeal');

/**
 * Whether a value is a deal object returned by {@link parseDeal} (and so already validated). A copy
 * (spread, JSON round trip, structuredClone) is not, and is validated again when analysed.
 *
 * @internal
 */
export function isParsedDeal(value: unknown): value is Deal {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PARSED] === true;
}

/** The result of {@link safeParseDeal}. */
export type SafeParseDealResult = { success: true; data: Deal } | { success: false; error: ValidationError };

/**
 * Validates and normalises a deal: the zod schema (types, ranges, labels, dates), then the
 * cross-reference checks (duplicate ids, unknown ids, self-relations, reporting cycles, missing
 * weights). Every problem is reported at once.
 *
 * @param input - anything, typically the result of `JSON.parse`
 * @returns the parsed {@link Deal}: labels mapped to numbers, `reportsTo` as an array, defaults filled
 * @throws {@link ValidationError} listing every problem, each with its path (`people[3].reportsTo`)
 * @example
 * ```ts
 * const deal = parseDeal({ id: 'd', people: [{ id: 'ceo', stance: 'Supporter', influence: { scale5: 5 } }] });
 * deal.people[0].stance;    // => 0.5
 * deal.people[0].influence; // => 1
 * ```
 * @see design.md section 3 (the Deal) and section 4 (vocabularies)
 * @category Model
 */
export function parseDeal(input: unknown): Deal {
  const result = safeParseDeal(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseDeal} but never throws: returns `{ success, data }` or `{ success, error }`.
 *
 * @param input - anything
 * @returns `{ success: true, data }` or `{ success: false, error }` where `error` is a {@link ValidationError}
 * @example
 * ```ts
 * const r = safeParseDeal({ id: 'd', people: [{ id: 'a', reportsTo: 'nobody' }] });
 * r.success;                                   // => false
 * !r.success && r.error.issues[0];
 * // => { code: 'unknown_person', path: 'people[0].reportsTo', message: 'no person with id "nobody"' }
 * ```
 * @category Model
 */
export function safeParseDeal(input: unknown): SafeParseDealResult {
  // Well-formed input takes the hand-written fast path (same output as zod); anything else, zod.
  const fast = fastParseDeal(input);
  const parsed = fast ? { success: true as const, data: fast } : dealSchema.safeParse(input, { reportInput: true });
  const issues: PathIssue[] = parsed.success ? [] : parsed.error.issues.flatMap(fromZodIssue);
  issues.push(...crossReferenceIssues(input));
  if (issues.length === 0 && parsed.success) {
    const data = (fast ?? withoutNegativeZero(parsed.data)) as Deal;
    // Mark the result as validated (non-enumerable, so JSON and spreads drop it): buildGraph trusts it.
    Object.defineProperty(data, PARSED, { value: true, enumerable: false });
    return { success: true, data };
  }
  return { success: false, error: new ValidationError('parseDeal', sortIssues(issues).map(toIssue)) };
}

// ---------------------------------------------------------------------------------------------
// Paths

type Segment = string | number;
interface PathIssue {
  code: string;
  path: Segment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path as JavaScript accessor notation: `people[3].competitorAffinity["rival corp"]`.
 *
 * @example
 * ```ts
 * formatPath(['people', 3, 'reportsTo', 0]); // => 'people[3].reportsTo[0]'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** Field order of the schema, so that issues sort in document order. */
const KEY_ORDER = [
  'schemaVersion', 'id', 'name', 'asOf', 'stage', 'progress', 'account', 'people', 'title', 'department',
  'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility', 'inProject', 'needs', 'integrity',
  'competitorAffinity', 'relations', 'from', 'to', 'kind', 'weight', 'team', 'role', 'contacts', 'member',
  'person', 'strength', 'lastContact', 'competitors', 'intel', 'keySuccessFactors',
];
const keyRank = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareSegments(a: Segment | undefined, b: Segment | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const ra = keyRank.get(a) ?? KEY_ORDER.length;
  const rb = keyRank.get(b) ?? KEY_ORDER.length;
  return ra !== rb ? ra - rb : a < b ? -1 : 1;
}

function sortIssues(issues: PathIssue[]): PathIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((x, y) => {
      const n = Math.max(x.issue.path.length, y.issue.path.length);
      for (let k = 0; k < n; k++) {
        const c = compareSegments(x.issue.path[k], y.issue.path[k]);
        if (c !== 0) return c;
      }
      return x.i - y.i;
    })
    .map((x) => x.issue);
}

function toIssue(issue: PathIssue): Issue {
  return { code: issue.code, path: formatPath(issue.path), message: issue.message };
}

// ---------------------------------------------------------------------------------------------
// Schema issues

const DATE_FIELDS = new Set(['asOf', 'lastContact']);

function fromZodIssue(issue: z.core.$ZodIssue): PathIssue[] {
  const path = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
  const field = path[path.length - 1];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown_field',
        path: [...path, key],
        message: `unknown field ${JSON.stringify(key)}; check its spelling (fields are case-sensitive)`,
      }));
    case 'invalid_type': {
      if (input === undefined) return [{ code: 'required', path, message: `is required (${issue.expected})` }];
      if (typeof input === 'number' && !Number.isFinite(input))
        return [{ code: 'non_finite', path, message: `must be a finite number (got ${describeValue(input)})` }];
      return [{ code: 'invalid_type', path, message: `expected ${issue.expected}, got ${describeType(input)} (${describeValue(input)})` }];
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'array')
        return [{ code: 'too_few', path, message: issue.message }];
      if (issue.origin === 'string') return [{ code: 'required', path, message: 'must be a non-empty string' }];
      return [{ code: 'out_of_range', path, message: `${rangeText(issue)} (got ${describeValue(input)})` }];
    }
    case 'invalid_format':
    case 'custom':
      if (typeof field === 'string' && DATE_FIELDS.has(field))
        return [{ code: 'invalid_date', path, message: `${issue.message} (got ${describeValue(input)})` }];
      return [{ code: 'unknown_label', path, message: issue.message }];
    case 'invalid_union':
      if (typeof input === 'number' && !Number.isFinite(input))
        return [{ code: 'non_finite', path, message: `must be a finite number (got ${describeValue(input)})` }];
      return [{ code: 'invalid_value', path, message: `${issue.message} (got ${describeValue(input)})` }];
    case 'invalid_value':
      // A missing enum field (relations[k].kind) is missing, like any other required field.
      if (input === undefined)
        return [{ code: 'required', path, message: `is required (one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})` }];
      return [
        {
          code: 'invalid_value',
          path,
          message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(input)})`,
        },
      ];
    default:
      return [{ code: issue.code, path, message: issue.message }];
  }
}

function rangeText(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  return `must be at least ${String(issue.minimum)}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// ---------------------------------------------------------------------------------------------
// Cross-reference checks, run on the raw input so that they report even when the schema fails.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function list(obj: Record<string, unknown>, key: string): unknown[] {
  const value = own(obj, key);
  return Array.isArray(value) ? value : [];
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Collects ids of a list, reporting duplicates. */
function collectIds(items: unknown[], listName: string, issues: PathIssue[], what: string): Map<string, number> {
  const ids = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const id = own(item, 'id');
    if (!isId(id)) return;
    const first = ids.get(id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_id',
        path: [listName, i, 'id'],
        message: `duplicate ${what} id ${JSON.stringify(id)} (first used at ${listName}[${first}]); ids must be unique`,
      });
    } else ids.set(id, i);
  });
  return ids;
}

function crossReferenceIssues(input: unknown): PathIssue[] {
  if (!isObject(input)) return [];
  const issues: PathIssue[] = [];
  const people = list(input, 'people');
  const personIds = collectIds(people, 'people', issues, 'person');
  const teamIds = collectIds(list(input, 'team'), 'team', issues, 'team member');
  const competitorIds = collectIds(list(input, 'competitors'), 'competitors', issues, 'competitor');

  const unknownPerson = (path: Segment[], id: string): void => {
    issues.push({ code: 'unknown_person', path, message: `no person with id ${JSON.stringify(id)}` });
  };

  // reportsTo: unknown ids, self-reports; then cycles among the valid lines.
  const managersOf = new Map<number, number[]>();
  people.forEach((person, i) => {
    if (!isObject(person)) return;
    const selfId = own(person, 'id');
    const raw = own(person, 'reportsTo');
    const entries: [Segment[], unknown][] = Array.isArray(raw)
      ? raw.map((v, k) => [['people', i, 'reportsTo', k], v])
      : [[['people', i, 'reportsTo'], raw]];
    const managers: number[] = [];
    for (const [path, managerId] of entries) {
      if (!isId(managerId)) continue;
      if (managerId === selfId) {
        issues.push({ code: 'reports_to_cycle', path, message: `${JSON.stringify(managerId)} reports to themself` });
        continue;
      }
      const m = personIds.get(managerId);
      if (m === undefined) unknownPerson(path, managerId);
      else if (personIds.get(selfId as string) === i) managers.push(m);
    }
    if (managers.length > 0) managersOf.set(i, managers);
  });
  issues.push(...reportingCycles(people, managersOf));

  // competitorAffinity keys.
  people.forEach((person, i) => {
    if (!isObject(person)) return;
    const affinity = own(person, 'competitorAffinity');
    if (!isObject(affinity)) return;
    for (const key of Object.keys(affinity)) {
      const path: Segment[] = ['people', i, 'competitorAffinity', key];
      if (key === '__proto__')
        issues.push({ code: 'reserved_key', path, message: 'the key "__proto__" is reserved; rename this competitor' });
      else if (!competitorIds.has(key))
        issues.push({ code: 'unknown_competitor', path, message: `no competitor with id ${JSON.stringify(key)} in competitors` });
    }
    if (Object.prototype.hasOwnProperty.call(affinity, '__proto__') && !Object.keys(affinity).includes('__proto__'))
      issues.push({ code: 'reserved_key', path: ['people', i, 'competitorAffinity', '__proto__'], message: 'the key "__proto__" is reserved' });
  });

  list(input, 'relations').forEach((rel, k) => {
    if (!isObject(rel)) return;
    const from = own(rel, 'from');
    const to = own(rel, 'to');
    if (isId(from) && !personIds.has(from)) unknownPerson(['relations', k, 'from'], from);
    if (isId(to) && !personIds.has(to)) unknownPerson(['relations', k, 'to'], to);
    if (isId(from) && from === to)
      issues.push({ code: 'self_relation', path: ['relations', k], message: `a relation from ${JSON.stringify(from)} to themself; remove it` });
    if (own(rel, 'kind') === 'influences' && own(rel, 'weight') === undefined)
      issues.push({ code: 'missing_weight', path: ['relations', k, 'weight'], message: 'an "influences" relation needs a weight from 0 to 1' });
  });

  list(input, 'contacts').forEach((contact, k) => {
    if (!isObject(contact)) return;
    const person = own(contact, 'person');
    const member = own(contact, 'member');
    if (isId(person) && !personIds.has(person)) unknownPerson(['contacts', k, 'person'], person);
    if (isId(member) && !teamIds.has(member))
      issues.push({ code: 'unknown_member', path: ['contacts', k, 'member'], message: `no team member with id ${JSON.stringify(member)} in team` });
  });
  return issues;
}

/**
 * Finds every cycle in the reporting lines (iterative DFS, so a 100,000-long chain is fine) and
 * reports each once, at the person of the cycle who comes first in the input, naming the cycle.
 */
function reportingCycles(people: unknown[], managersOf: Map<number, number[]>): PathIssue[] {
  const issues: PathIssue[] = [];
  const state = new Uint8Array(people.length); // 0 new, 1 on stack, 2 done
  const nameOf = (i: number): string => JSON.stringify(String((people[i] as Record<string, unknown>).id));
  for (let start = 0; start < people.length; start++) {
    if (state[start] !== 0) continue;
    const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
    const onPath: number[] = [start];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const managers = managersOf.get(top.node) ?? [];
      if (top.next < managers.length) {
        const m = managers[top.next++]!;
        if (state[m] === 0) {
          state[m] = 1;
          stack.push({ node: m, next: 0 });
          onPath.push(m);
        } else if (state[m] === 1) {
          const cycle = onPath.slice(onPath.indexOf(m));
          const first = cycle.reduce((a, b) => Math.min(a, b));
          const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
          const names = rotated.length > 12 ? [...rotated.slice(0, 5).map(nameOf), `... ${rotated.length - 10} more ...`, ...rotated.slice(-5).map(nameOf)] : rotated.map(nameOf);
          issues.push({
            code: 'reports_to_cycle',
            path: ['people', first, 'reportsTo'],
            message: `reporting cycle: ${names.join(' -> ')}; someone in it must report elsewhere`,
          });
        }
      } else {
        state[top.node] = 2;
        stack.pop();
        onPath.pop();
      }
    }
  }
  return issues;
}

/**
 * Replaces -0 by 0 everywhere in the (freshly built) parsed deal, so that the parsed deal survives
 * a JSON round trip unchanged (JSON cannot carry -0).
 */
function withoutNegativeZero<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'number' && Object.is(v, -0)) record[key] = 0;
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return value;
}
