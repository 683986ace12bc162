/**
 * A hand-written fast path of the deal schema for well-formed input: plain objects and arrays,
 * values of the expected types and ranges, known labels. It returns exactly what the zod schema
 * ({@link dealSchema}) returns for such input — same values, same keys in the same order, fresh
 * objects and arrays — with -0 already read as 0; for anything else it returns `undefined` and
 * {@link safeParseDeal} runs zod, which reports every problem. The fast path never decides that an
 * input is invalid, so it can only make a valid parse faster, never change a result: a property test
 * (test/model/fast-parse.test.ts) checks it against zod on valid, mutated and hostile deals.
 *
 * About 9x faster than zod on a 20-person deal (12 µs against 100 µs on the bench machine).
 *
 * @internal
 * @module
 */
import { parseIsoDate } from './schema.js';
import { influenceFromLabel, influenceFromScale5, roleFromLabel, stanceFromLabel, stanceFromRating } from './vocabulary.js';

/** Thrown inside the fast path to give up; never escapes {@link fastParseDeal}. */
const GIVE_UP = new Error('not on the fast path');

type Obj = Record<string, unknown>;

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * A plain object (prototype Object.prototype or null) whose enumerable keys, own and inherited
 * (`for...in`, as zod's strict check reads them), are all in `allowed` (any key when `null`), none
 * holding `undefined`.
 */
function record(value: unknown, allowed: ReadonlySet<string> | null): Obj {
  if (typeof value !== 'object' || value === null) giveUp();
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) giveUp();
  const obj = value as Obj;
  for (const key in obj) if ((allowed !== null && !allowed.has(key)) || obj[key] === undefined) giveUp();
  return obj;
}

function array(value: unknown): readonly unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) giveUp();
  return value as unknown[];
}

/** A finite number in [min, max], -0 read as 0. */
function num(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) giveUp();
  return value === 0 ? 0 : value;
}

function str(value: unknown): string {
  if (typeof value !== 'string') giveUp();
  return value;
}

function id(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) giveUp();
  return value;
}

function bool(value: unknown): boolean {
  if (typeof value !== 'boolean') giveUp();
  return value;
}

function strings(value: unknown): string[] {
  const xs = array(value);
  const out = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = str(xs[i]);
  return out;
}

function date(value: unknown): string {
  if (typeof value !== 'string' || parseIsoDate(value) === undefined) giveUp();
  return value;
}

function safeInt(value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) giveUp();
  return value === 0 ? 0 : value;
}

const RATING = new Set(['rating']);
const SCALE5 = new Set(['scale5']);

function stance(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return num(value, -1, 1);
  if (typeof value === 'string') {
    const x = stanceFromLabel(value);
    if (x === undefined) giveUp();
    return x;
  }
  const r = record(value, RATING);
  if (!('rating' in r)) giveUp();
  const x = stanceFromRating(num(r.rating, -5, 5));
  return x === 0 ? 0 : x;
}

function influence(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return num(value, 0, 1);
  if (typeof value === 'string') {
    const x = influenceFromLabel(value);
    if (x === undefined) giveUp();
    return x;
  }
  const r = record(value, SCALE5);
  if (!('scale5' in r)) giveUp();
  return influenceFromScale5(num(r.scale5, 1, 5));
}

function roles(value: unknown): string[] {
  const xs = array(value);
  const out: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    const role = roleFromLabel(str(xs[i]));
    if (role === undefined) giveUp();
    if (!out.includes(role)) out.push(role);
  }
  return out;
}

function reportsTo(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [id(value)];
  const xs = array(value);
  const out: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    const m = id(xs[i]);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** `{ [competitor]: 0..1 }`, keys as zod's record reads them (own string keys). */
function affinity(value: unknown): Obj {
  const obj = record(value, null);
  const out: Obj = {};
  for (const key of Reflect.ownKeys(obj)) {
    if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(obj, key)) giveUp();
    out[key] = num(obj[key], 0, 1);
  }
  return out;
}

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

const PERSON = keys('id', 'name', 'title', 'department', 'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility', 'inProject', 'needs', 'integrity', 'competitorAffinity', 'notes');

function person(value: unknown): Obj {
  const p = record(value, PERSON);
  const out: Obj = { id: id(p.id) };
  if ('name' in p) out.name = str(p.name);
  if ('title' in p) out.title = str(p.title);
  if ('department' in p) out.department = str(p.department);
  out.reportsTo = 'reportsTo' in p ? reportsTo(p.reportsTo) : [];
  if ('level' in p) out.level = safeInt(p.level, 1);
  out.roles = 'roles' in p ? roles(p.roles) : [];
  out.influence = 'influence' in p ? influence(p.influence) : null;
  out.stance = 'stance' in p ? stance(p.stance) : null;
  if ('susceptibility' in p) out.susceptibility = num(p.susceptibility, 0, 1);
  if ('inProject' in p) out.inProject = bool(p.inProject);
  if ('needs' in p) out.needs = strings(p.needs);
  if ('integrity' in p) out.integrity = p.integrity === null ? null : num(p.integrity, 0, 1);
  if ('competitorAffinity' in p) out.competitorAffinity = affinity(p.competitorAffinity);
  if ('notes' in p) out.notes = str(p.notes);
  return out;
}

const RELATION = keys('from', 'to', 'kind', 'weight', 'note');
const KINDS = new Set(['influences', 'informs', 'conflict']);

function relation(value: unknown): Obj {
  const r = record(value, RELATION);
  const out: Obj = { from: id(r.from), to: id(r.to) };
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) giveUp();
  out.kind = r.kind;
  if ('weight' in r) out.weight = num(r.weight, 0, 1);
  if ('note' in r) out.note = str(r.note);
  return out;
}

const MEMBER = keys('id', 'name', 'role');

function member(value: unknown): Obj {
  const m = record(value, MEMBER);
  const out: Obj = { id: id(m.id) };
  if ('name' in m) out.name = str(m.name);
  if ('role' in m) out.role = str(m.role);
  return out;
}

const CONTACT = keys('member', 'person', 'strength', 'lastContact', 'note');

function contact(value: unknown): Obj {
  const c = record(value, CONTACT);
  const out: Obj = {};
  if ('member' in c) out.member = id(c.member);
  out.person = id(c.person);
  out.strength = num(c.strength, 0, 1);
  if ('lastContact' in c) out.lastContact = date(c.lastContact);
  if ('note' in c) out.note = str(c.note);
  return out;
}

const COMPETITOR = keys('id', 'name', 'strength');

function competitor(value: unknown): Obj {
  const c = record(value, COMPETITOR);
  const out: Obj = { id: id(c.id) };
  if ('name' in c) out.name = str(c.name);
  if ('strength' in c) out.strength = num(c.strength, 0, 1);
  return out;
}

const FACTOR = keys('name', 'priority', 'status');
const STATUSES = new Set(['on-track', 'at-risk', 'off-track', 'done', 'unknown']);

function factor(value: unknown): Obj {
  const f = record(value, FACTOR);
  const out: Obj = { name: id(f.name) };
  if ('priority' in f) out.priority = safeInt(f.priority, 1);
  if ('status' in f) {
    if (typeof f.status !== 'string' || !STATUSES.has(f.status)) giveUp();
    out.status = f.status;
  }
  return out;
}

const STAGE = keys('name', 'progress');

function stage(value: unknown): Obj {
  const s = record(value, STAGE);
  const out: Obj = {};
  if ('name' in s) out.name = str(s.name);
  if ('progress' in s) out.progress = num(s.progress, 0, 1);
  return out;
}

const ACCOUNT = keys('name', 'sector', 'publicSector', 'annualVolume', 'purchaseFrequency', 'valueChainLinked', 'usesOurProduct', 'growthPotential', 'competitorTarget');

function account(value: unknown): Obj {
  const a = record(value, ACCOUNT);
  const out: Obj = {};
  if ('name' in a) out.name = str(a.name);
  if ('sector' in a) out.sector = str(a.sector);
  if ('publicSector' in a) out.publicSector = bool(a.publicSector);
  if ('annualVolume' in a) out.annualVolume = num(a.annualVolume, 0, Number.MAX_VALUE);
  if ('purchaseFrequency' in a) out.purchaseFrequency = num(a.purchaseFrequency, 0, Number.MAX_VALUE);
  if ('valueChainLinked' in a) out.valueChainLinked = bool(a.valueChainLinked);
  if ('usesOurProduct' in a) out.usesOurProduct = bool(a.usesOurProduct);
  if ('growthPotential' in a) out.growthPotential = num(a.growthPotential, 0, 1);
  if ('competitorTarget' in a) out.competitorTarget = bool(a.competitorTarget);
  return out;
}

/** An object of optional string lists (`plan`, `procurement`, `resources`). */
function lists(value: unknown, names: ReadonlySet<string>, order: readonly string[]): Obj {
  const o = record(value, names);
  const out: Obj = {};
  for (const name of order) if (name in o) out[name] = strings(o[name]);
  return out;
}

const PLAN = ['steps', 'difficulties'] as const;
const PROCUREMENT = ['process', 'focus'] as const;
const RESOURCES = ['ours', 'theirs'] as const;
const PLAN_KEYS = keys(...PLAN);
const PROCUREMENT_KEYS = keys(...PROCUREMENT);
const RESOURCES_KEYS = keys(...RESOURCES);
const FINANCE = keys('budget', 'budgetApproved', 'credit');
const INTEL = keys('plan', 'procurement', 'finance', 'projectReason', 'resources');

function intel(value: unknown): Obj {
  const i = record(value, INTEL);
  const out: Obj = {};
  if ('plan' in i) out.plan = lists(i.plan, PLAN_KEYS, PLAN);
  if ('procurement' in i) out.procurement = lists(i.procurement, PROCUREMENT_KEYS, PROCUREMENT);
  if ('finance' in i) {
    const f = record(i.finance, FINANCE);
    const fo: Obj = {};
    if ('budget' in f) fo.budget = f.budget === null ? null : num(f.budget, 0, Number.MAX_VALUE);
    if ('budgetApproved' in f) fo.budgetApproved = bool(f.budgetApproved);
    if ('credit' in f) fo.credit = str(f.credit);
    out.finance = fo;
  }
  if ('projectReason' in i) out.projectReason = str(i.projectReason);
  if ('resources' in i) out.resources = lists(i.resources, RESOURCES_KEYS, RESOURCES);
  return out;
}

function each(value: unknown, item: (v: unknown) => Obj): Obj[] {
  const xs = array(value);
  const out = new Array<Obj>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = item(xs[i]);
  return out;
}

const DEAL = keys('$schema', 'schemaVersion', 'id', 'name', 'asOf', 'stage', 'account', 'people', 'relations', 'team', 'contacts', 'competitors', 'intel', 'keySuccessFactors');

/**
 * The schema's output for a well-formed deal, or `undefined` when the input is anything else (zod
 * then decides and explains). Cross-reference checks are not part of it.
 *
 * @internal
 */
export function fastParseDeal(input: unknown): Obj | undefined {
  try {
    const d = record(input, DEAL);
    const out: Obj = {};
    if ('$schema' in d) out.$schema = str(d.$schema);
    if ('schemaVersion' in d && d.schemaVersion !== 1) giveUp();
    out.schemaVersion = 1;
    out.id = id(d.id);
    if ('name' in d) out.name = str(d.name);
    if ('asOf' in d) out.asOf = date(d.asOf);
    if ('stage' in d) out.stage = stage(d.stage);
    if ('account' in d) out.account = account(d.account);
    const people = each(d.people, person);
    if (people.length === 0) giveUp();
    out.people = people;
    out.relations = 'relations' in d ? each(d.relations, relation) : [];
    out.team = 'team' in d ? each(d.team, member) : [];
    out.contacts = 'contacts' in d ? each(d.contacts, contact) : [];
    out.competitors = 'competitors' in d ? each(d.competitors, competitor) : [];
    if ('intel' in d) out.intel = intel(d.intel);
    out.keySuccessFactors = 'keySuccessFactors' in d ? each(d.keySuccessFactors, factor) : [];
    return out;
  } catch {
    // GIVE_UP, or anything odd (a getter that throws): zod decides, as it did before the fast path.
    return undefined;
  }
}
