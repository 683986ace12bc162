/**
 * Mutated valid deals for the fuzz suite: a valid raw deal from `arbitraryDeal`, then 1..4 random
 * mutations, described as data (so fast-check can shrink them and print them):
 *
 * - `delete`: remove a field or an array element anywhere;
 * - `set`: set a field or element anywhere to a hostile value (NaN, ±Infinity, -0, -1, 2, 1e308,
 *   5e-324, huge and empty strings, `__proto__`, markup, wrong-typed objects, a 1,500-deep array)
 *   or to a random JSON value;
 * - `retype`: replace a value by one of another type (a number by its string, a string by an
 *   array of it, an array by an object, an object by an array);
 * - `duplicate-person`: append a copy of a person (duplicate id);
 * - `retarget`: point a reference (`reportsTo`, `relations[].from/to`, `contacts[].person/member`)
 *   at a random string, `__proto__`, or another existing id;
 * - `proto-key`: give an object an own `__proto__` key, as `JSON.parse('{"__proto__": ...}')` does;
 * - `self-relation`: add a relation from a person to themself;
 * - `cycle`: make two people report to each other.
 *
 * The result is usually invalid; sometimes it is still a valid deal (a deleted optional field,
 * a retarget to an existing id), which is what lets the fuzz reach the analyses with odd data.
 *
 * @module
 */
import fc from 'fast-check';
import { arbitraryDeal, type ArbitraryDealOptions, type RawDeal } from './arbitraries.js';

/** An array nested `depth` deep: `[[[...]]]`. */
function nested(depth: number): unknown {
  let v: unknown = [];
  for (let k = 0; k < depth; k++) v = [v];
  return v;
}

/** Stands for an array nested 1,500 deep, built afresh where it is written (cloning it could overflow the stack). */
const DEEP = Object.freeze({ deep: 1_500 });

/** Values that have broken parsers and numeric code elsewhere. */
export const HOSTILE_VALUES: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  2,
  1.0000001,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(100_000),
  '<script>alert(1)</script>',
  '=CMD()',
  '2026-13-45',
  '2026-02-30',
  '2026-11-01',
  '2026-11-01T25:00:00Z',
  'champion',
  'DECISIVE',
  'decision maker',
  null,
  true,
  false,
  [],
  {},
  [null],
  ['__proto__'],
  { rating: 9 },
  { rating: Number.NaN },
  { scale5: 0 },
  { scale5: 6 },
  JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}') as unknown,
  DEEP,
];

/** One mutation, as data. `at` and `pick` choose where and what; `value` and `text` are what is written. */
export interface Mutation {
  readonly kind: 'delete' | 'set' | 'retype' | 'duplicate-person' | 'retarget' | 'proto-key' | 'self-relation' | 'cycle';
  readonly at: number;
  readonly pick: number;
  readonly value: unknown;
  readonly text: string;
}

export const arbitraryMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'set', 'set', 'set', 'retype', 'duplicate-person', 'retarget', 'retarget', 'proto-key', 'self-relation', 'cycle'),
  at: fc.nat(),
  pick: fc.nat(),
  value: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
  text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', ' ', 'US', 'nobody', '')),
});

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) pair below the root, in document order. */
function slots(root: unknown): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 12) return;
    if (Array.isArray(value))
      value.forEach((x, k) => {
        out.push([value, k]);
        visit(x, depth + 1);
      });
    else
      for (const key of Object.keys(value)) {
        out.push([value as Record<string, unknown>, key]);
        visit((value as Record<string, unknown>)[key], depth + 1);
      }
  };
  visit(root, 0);
  return out;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A copy of a hostile value to write into a deal (never shared between deals). */
function fresh(value: unknown): unknown {
  return value === DEEP ? nested(DEEP.deep) : copy(value);
}

function retype(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((x, k) => [String(k), x]));
  if (value !== null && typeof value === 'object') return Object.values(value);
  return {};
}

const list = (deal: Record<string, unknown>, key: string): Record<string, unknown>[] => {
  const xs = deal[key];
  return Array.isArray(xs) ? (xs.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) as Record<string, unknown>[]) : [];
};

/** Applies mutations to a copy of the deal. */
export function applyMutations(raw: RawDeal, mutations: readonly Mutation[]): unknown {
  const deal = copy(raw) as Record<string, unknown>;
  for (const m of mutations) {
    const people = list(deal, 'people');
    const ids = people.map((p) => p.id).filter((x): x is string => typeof x === 'string');
    switch (m.kind) {
      case 'delete':
      case 'set':
      case 'retype': {
        const all = slots(deal);
        if (all.length === 0) break;
        const [parent, key] = all[m.at % all.length]!;
        if (m.kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key as string];
        } else {
          const next = m.kind === 'set' ? fresh(m.value) : retype((parent as Record<string, unknown>)[key as string]);
          (parent as Record<string, unknown>)[key as string] = next;
        }
        break;
      }
      case 'duplicate-person':
        if (people.length > 0 && Array.isArray(deal.people)) deal.people.push(copy(people[m.at % people.length]!));
        break;
      case 'retarget': {
        const refs: [Record<string, unknown>, string][] = [
          ...people.map((p) => [p, 'reportsTo'] as [Record<string, unknown>, string]),
          ...list(deal, 'relations').flatMap((r) => [[r, 'from'], [r, 'to']] as [Record<string, unknown>, string][]),
          ...list(deal, 'contacts').flatMap((c) => [[c, 'person'], [c, 'member']] as [Record<string, unknown>, string][]),
        ];
        if (refs.length === 0) break;
        const [owner, key] = refs[m.at % refs.length]!;
        const target = m.pick % 3 === 0 && ids.length > 0 ? ids[m.pick % ids.length]! : m.text;
        owner[key] = key === 'reportsTo' && m.pick % 2 === 1 ? [target, target] : target;
        break;
      }
      case 'proto-key': {
        const objects = [deal, ...slots(deal).map(([p, k]) => (p as Record<string, unknown>)[k as string])].filter(
          (x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x),
        );
        const target = objects[m.at % objects.length]!;
        Object.defineProperty(target, '__proto__', { value: fresh(m.value), enumerable: true, writable: true, configurable: true });
        break;
      }
      case 'self-relation':
        if (ids.length > 0) {
          const id = ids[m.at % ids.length]!;
          deal.relations = [...(Array.isArray(deal.relations) ? deal.relations : []), { from: id, to: id, kind: 'influences', weight: 0.5 }];
        }
        break;
      case 'cycle':
        if (people.length > 1) {
          const a = people[m.at % people.length]!;
          const b = people[(m.at + 1 + (m.pick % (people.length - 1))) % people.length]!;
          a.reportsTo = b.id;
          b.reportsTo = [a.id];
        }
        break;
    }
  }
  return deal;
}

/** A valid deal with 1..4 mutations applied: `{ deal, mutations }` (the mutations print when a property fails). */
export function arbitraryMutatedDeal(options: ArbitraryDealOptions = { maxPeople: 8 }): fc.Arbitrary<{ deal: unknown; mutations: Mutation[] }> {
  return fc
    .tuple(arbitraryDeal(options), fc.array(arbitraryMutation, { minLength: 1, maxLength: 4 }))
    .map(([raw, mutations]) => ({ deal: applyMutations(raw, mutations), mutations }));
}

/**
 * A valid deal pushed to the edges of what is valid, so that the analyses (not only the parser)
 * meet odd data: every stance, influence or susceptibility set to one extreme value (0, 1, -1,
 * 5e-324, 1 - 2^-53), every pair of people influencing each other with weight 1 (dense cycles),
 * contacts a century old (their strength decays to almost nothing) or dated far after `asOf`,
 * huge explicit levels, weights of exactly 0. Most results stay valid deals.
 */
export function arbitraryEdgeDeal(options: ArbitraryDealOptions = { maxPeople: 8 }): fc.Arbitrary<{ deal: unknown; edges: string[] }> {
  const extreme = fc.constantFrom(0, 1, 5e-324, 1 - 2 ** -53, 1e-300, 0.5);
  const edge = fc.oneof(
    fc.tuple(fc.constantFrom('stance', 'influence', 'susceptibility', 'integrity'), fc.oneof(extreme, fc.constant(-1), fc.constant(-5e-324))).map(([field, x]) => `all ${field} ${x}`),
    extreme.map((w) => `dense ${w}`),
    fc.constantFrom('old contacts', 'future contacts', 'no asOf', 'zero weights', 'huge levels', 'everyone decides', 'nobody reports', 'one chain'),
  );
  return fc.tuple(arbitraryDeal(options), fc.uniqueArray(edge, { minLength: 1, maxLength: 3 })).map(([raw, edges]) => {
    const deal = copy(raw) as Record<string, unknown> & { people: Record<string, unknown>[] };
    for (const e of edges) {
      const [what, field, value] = e.split(' ');
      if (what === 'all') {
        // Out of range for this field (a -1 influence) is skipped: the point is valid extremes.
        const x = Number(value);
        if (x < 0 && field !== 'stance') continue;
        for (const p of deal.people) p[field!] = x;
      } else if (what === 'dense') {
        const w = Number(field);
        const ids = deal.people.map((p) => p.id as string);
        deal.relations = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => ({ from: a, to: b, kind: 'influences', weight: w })));
      } else {
        switch (e) {
          case 'old contacts':
            for (const c of list(deal, 'contacts')) c.lastContact = '1900-01-01';
            break;
          case 'future contacts':
            for (const c of list(deal, 'contacts')) c.lastContact = '2999-12-31T23:59:59Z';
            break;
          case 'no asOf':
            delete deal.asOf;
            break;
          case 'zero weights':
            for (const r of list(deal, 'relations')) if (r.kind !== 'conflict') r.weight = 0;
            break;
          case 'huge levels':
            deal.people.forEach((p, k) => (p.level = k % 2 === 0 ? 2 ** 31 - 1 : 1));
            break;
          case 'everyone decides':
            for (const p of deal.people) p.roles = ['decision-maker'];
            break;
          case 'nobody reports':
            for (const p of deal.people) delete p.reportsTo;
            break;
          case 'one chain':
            deal.people.forEach((p, k) => (p.reportsTo = k === 0 ? null : (deal.people[k - 1]!.id as string)));
            break;
        }
      }
    }
    return { deal, edges };
  });
}
