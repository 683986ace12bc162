/**
 * Shared fast-check arbitraries for powermap's tests.
 *
 * `arbitraryDeal(options?)` produces **valid raw deals**: plain JSON-like objects as a user would
 * write them (labels, `{ rating }` and `{ scale5 }` shorthands, `reportsTo` as a string, an array or
 * null), which `parseDeal` must accept. Every analysis test that wants random deals should use it,
 * so that one generator defines what "any valid deal" means. What it covers:
 *
 * - 2..12 people by default (`minPeople` / `maxPeople`), ids distinct; sometimes awkward ids
 *   (`"__proto__"`, `"constructor"`, `"a b"`, `"王"`, `"<script>"`, ...) and random short strings;
 * - `reportsTo` forming a forest: each person's manager is chosen among the people *before* them,
 *   so there is never a cycle; sometimes a dotted-line second manager (so also a DAG), sometimes a
 *   duplicated entry (`["m", "m"]`, which parsing de-duplicates); no manager is `null`, `[]` or absent;
 * - `influence` and `stance` as numbers in range, labels (any case, `-` written as space or
 *   underscore, padded with spaces), `{ scale5 }` / `{ rating }` scales, `null`, or absent;
 * - `roles` (canonical names and MEDDPICC / Blue Sheet / Salesforce / HubSpot / Chinese aliases),
 *   `susceptibility`, an explicit `level`, `inProject`, now and then;
 * - `relations` of the three kinds between two different people (never a self-relation),
 *   with parallel lines common (bundles of 2..4 lines of one kind on one ordered pair);
 *   `influences` always has a weight (0 included), `informs` and `conflict` only sometimes (a
 *   weight is optional on `informs`, default 1, and ignored on `conflict`);
 * - `team` (0..3 members) and `contacts` with strengths, optional `member` and optional
 *   `lastContact` dates or date-times within about a year of `asOf` "2026-11-01" (some after it);
 *   `asOf` itself is usually present;
 * - optional `stage` with `progress`, optional `competitors` with `competitorAffinity`.
 *
 * Numbers never include `-0` (JSON cannot carry it back, so the round-trip property could not hold).
 * Option `graphologySafeIds` leaves out ids that name `Object.prototype` members, which the
 * graphology view cannot hold (graphology 0.26 keeps adjacency in plain objects).
 *
 * Also here: `arbitraryShuffledDeal` (a deal and a copy with people and relations reordered, for
 * order-independence properties), and the building blocks `real`, `labelVariant`,
 * `arbitraryStance`, `arbitraryInfluence`, `arbitraryId`.
 *
 * Seeds: property tests pass `{ seed: PROPERTY_SEED }` (or a seed of their own) so a failure
 * replays; fast-check prints the seed and path of a counterexample.
 *
 * `freezeDeep(value)` freezes a JSON-like value recursively (own string and symbol keys), for
 * "never mutates its input" tests: in strict-mode code a write to a frozen object throws.
 *
 * @module
 */
import fc from 'fast-check';

/** The seed of the shared property tests. Change it locally to explore; keep it fixed in commits. */
export const PROPERTY_SEED = 20261101;

/**
 * Timeout of a property test, in ms: generous, because a few hundred runs on a busy CI machine
 * can pass vitest's 5 s default. Pass it as the last argument: `test.prop(...)(name, fn, PROPERTY_TIMEOUT)`.
 */
export const PROPERTY_TIMEOUT = 60_000;

/** The `asOf` most generated deals use. */
export const AS_OF = '2026-11-01';

/** A raw deal as a user would write it (JSON-like). */
export type RawDeal = Record<string, unknown> & { id: string; people: RawPerson[] };
/** A raw person as a user would write it. */
export type RawPerson = Record<string, unknown> & { id: string };

/** Options of {@link arbitraryDeal}. */
export interface ArbitraryDealOptions {
  /** Fewest people. Default 2 (at least 1). */
  minPeople?: number;
  /** Most people. Default 12. */
  maxPeople?: number;
  /** Most relations. Default: up to twice the number of people bundles of 1..4 parallel lines. */
  maxRelations?: number;
  /**
   * Leave out ids that name an `Object.prototype` member (`"__proto__"`, `"constructor"`,
   * `"toString"`, ...). graphology 0.26 keeps adjacency in plain objects and cannot hold an edge
   * to such a node key, so tests of the graphology view use this. Default false.
   */
  graphologySafeIds?: boolean;
}

/** Ids that have broken code elsewhere: prototype keys, spaces, non-ASCII, markup, formulas. */
export const AWKWARD_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a b',
  '王',
  '<script>',
  '=CMD()',
  'US',
  '0',
] as const;

/**
 * A number in [min, max], never -0, never NaN: mostly round values (thousandths, as people type
 * them), sometimes any double in range (denormals included), sometimes an end point.
 */
export function real(min: number, max: number): fc.Arbitrary<number> {
  const steps = Math.round((max - min) * 1000);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: steps }).map((k) => Math.min(max, min + k / 1000) + 0) },
    { weight: 2, arbitrary: fc.double({ min, max, noNaN: true }).map((x) => x + 0) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

/**
 * A label as a user might type it: any case per letter, `-` written as `-`, a space, an
 * underscore or a run of them, optionally padded with whitespace. All variants normalise to `label`.
 */
export function labelVariant(label: string): fc.Arbitrary<string> {
  const parts = label.split('-');
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: label.length, maxLength: label.length }),
      fc.array(fc.constantFrom('-', ' ', '_', '  ', '_ ', '\t'), { minLength: parts.length, maxLength: parts.length }),
      fc.constantFrom('', ' ', '  ', '\t'),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([upper, seps, left, right]) => {
      const cased = [...label].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
      let k = 0;
      const joined = cased.split('-').map((part, i) => (i === 0 ? part : `${seps[k++]}${part}`)).join('');
      return `${left}${joined}${right}`;
    });
}

const STANCE_WORDS = ['champion', 'supporter', 'neutral', 'skeptic', 'sceptic', 'opponent', 'unknown', 'mentor', 'non-supporter', 'enemy'];
const INFLUENCE_WORDS = ['decisive', 'high', 'medium', 'low', 'none', 'unknown'];
const ROLE_WORDS = [
  'decision-maker', 'economic-buyer', 'approver', 'technical-buyer', 'user', 'influencer', 'gatekeeper',
  'procurement', 'legal', 'coach', 'champion', 'blocker',
  // MEDDPICC, Blue Sheet, Salesforce, HubSpot, Chinese
  'eb', 'economic-buying-influence', 'technical-buying-influence', 'user-buying-influence', 'evaluator',
  'business-user', 'executive-sponsor', 'budget-holder', 'end-user', 'legal-&-compliance', '决策者', '内线', '小鬼',
];

/** A stance as a user may give it: -1..1, a label, `{ rating: -5..5 }` or null. */
export function arbitraryStance(): fc.Arbitrary<unknown> {
  return fc.oneof(
    real(-1, 1),
    fc.constantFrom(...STANCE_WORDS).chain(labelVariant),
    // a tiny negative rating would give a stance of -0 (x / 5 underflows), which JSON cannot carry
    real(-5, 5).map((rating) => ({ rating: rating / 5 === 0 ? 0 : rating })),
    fc.constant(null),
  );
}

/** An influence as a user may give it: 0..1, a label, `{ scale5: 1..5 }` or null. */
export function arbitraryInfluence(): fc.Arbitrary<unknown> {
  return fc.oneof(
    real(0, 1),
    fc.constantFrom(...INFLUENCE_WORDS).chain(labelVariant),
    real(1, 5).map((scale5) => ({ scale5 })),
    fc.constant(null),
  );
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
/** A plain id like `cfo2`: a letter, then up to 5 letters or digits. */
const plainId = fc
  .tuple(fc.constantFrom(...LETTERS), fc.string({ unit: fc.constantFrom(...LETTERS, ...'0123456789'), maxLength: 5 }))
  .map(([first, rest]) => first + rest);

/** A person id: usually a plain one, sometimes awkward, sometimes a random short string. */
export function arbitraryId(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: plainId },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_IDS) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }) },
  );
}

/** What a generated person holds before ids are assigned: manager indices (all earlier people). */
interface PersonDraft {
  managers: number[];
  reportsToForm: 'string' | 'array' | 'array-dup';
  noManagerForm: 'null' | 'empty' | 'absent';
  fields: Record<string, unknown>;
  level: number | undefined;
}

function arbitraryPersonDraft(i: number): fc.Arbitrary<PersonDraft> {
  const managers: fc.Arbitrary<number[]> =
    i === 0
      ? fc.constant<number[]>([])
      : fc.oneof(
          { weight: 1, arbitrary: fc.constant<number[]>([]) },
          { weight: 4, arbitrary: fc.integer({ min: 0, max: i - 1 }).map((m) => [m]) },
          {
            weight: 1,
            arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { minLength: 1, maxLength: 2 }),
          },
        );
  return fc.record(
    {
      managers,
      reportsToForm: fc.constantFrom('string', 'string', 'array', 'array-dup') as fc.Arbitrary<PersonDraft['reportsToForm']>,
      noManagerForm: fc.constantFrom('null', 'empty', 'absent') as fc.Arbitrary<PersonDraft['noManagerForm']>,
      fields: fc.record(
        {
          name: fc.string({ maxLength: 12 }),
          title: fc.constantFrom('CEO', 'CFO', 'IT Lead', 'Buyer', '采购经理'),
          department: fc.constantFrom('Executive', 'Finance', 'IT', 'Operations'),
          roles: fc.uniqueArray(fc.constantFrom(...ROLE_WORDS).chain(labelVariant), { maxLength: 3 }),
          influence: arbitraryInfluence(),
          stance: arbitraryStance(),
          susceptibility: real(0, 1),
          inProject: fc.boolean(),
          integrity: fc.oneof(real(0, 1), fc.constant(null)),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
      // An explicit level is rare in real deals; keep it rare here too.
      level: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
    },
    { noNullPrototype: true },
  );
}

/** One relation, or several parallel ones of one kind on one ordered pair (indices, not ids yet). */
interface Bundle {
  pair: readonly [number, number];
  kind: 'influences' | 'informs' | 'conflict';
  weights: (number | undefined)[];
}

/** A date `days` before 2026-11-01 (negative = after it), as a date or a date-time. */
function dateBefore(days: number, asDateTime: boolean, hours: number): string {
  const ms = Date.UTC(2026, 10, 1) - days * 86_400_000 + (asDateTime ? hours * 3_600_000 : 0);
  const iso = new Date(ms).toISOString();
  return asDateTime ? `${iso.slice(0, 19)}Z` : iso.slice(0, 10);
}

/**
 * Valid raw deals (see the module comment for what they cover).
 *
 * @example
 * ```ts
 * test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('parses', (deal) => { parseDeal(deal); });
 * ```
 */
export function arbitraryDeal(options: ArbitraryDealOptions = {}): fc.Arbitrary<RawDeal> {
  const minPeople = Math.max(1, options.minPeople ?? 2);
  const maxPeople = Math.max(minPeople, options.maxPeople ?? 12);
  return fc.integer({ min: minPeople, max: maxPeople }).chain((n) => {
    const personIndex = fc.integer({ min: 0, max: n - 1 });
    // Two different people: pick a, then b among the other n - 1 (used only when n >= 2).
    const pair = fc
      .tuple(personIndex, fc.integer({ min: 0, max: Math.max(0, n - 2) }))
      .map(([a, b]) => [a, b >= a ? b + 1 : b] as const);
    const influenceWeight = fc.oneof({ weight: 5, arbitrary: real(0, 1) }, { weight: 1, arbitrary: fc.constant(0) });
    const optionalWeight = fc.option(real(0, 1), { nil: undefined });
    // A bundle is one line, or now and then 2..4 parallel lines of one kind on one ordered pair
    // (merged by noisy-OR), so that parallel lines are common even in large deals.
    const count = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) });
    const lines = <T>(weight: fc.Arbitrary<T>) => count.chain((k) => fc.array(weight, { minLength: k, maxLength: k }));
    const bundle: fc.Arbitrary<Bundle> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ pair, kind: fc.constant('influences' as const), weights: lines(influenceWeight) }) },
      { weight: 2, arbitrary: fc.record({ pair, kind: fc.constant('informs' as const), weights: lines(optionalWeight) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          pair,
          kind: fc.constant('conflict' as const),
          weights: fc.array(optionalWeight, { minLength: 1, maxLength: 2 }),
        }),
      },
    );
    const teamIds = fc.uniqueArray(fc.constantFrom('rep', 'se', 'exec', 'partner'), { maxLength: 3 });
    const contact = fc.record(
      {
        person: personIndex,
        memberPick: fc.nat(),
        strength: real(0, 1),
        lastContact: fc.tuple(fc.integer({ min: -30, max: 400 }), fc.boolean(), fc.integer({ min: 0, max: 23 })),
      },
      { requiredKeys: ['person', 'memberPick', 'strength'], noNullPrototype: true },
    );
    return fc
      .record({
        ids: fc.uniqueArray(
          options.graphologySafeIds ? arbitraryId().filter((id) => !(id in Object.prototype)) : arbitraryId(),
          { minLength: n, maxLength: n },
        ),
        drafts: fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryPersonDraft(i))),
        bundles: n >= 2 ? fc.array(bundle, { maxLength: options.maxRelations ?? 2 * n }) : fc.constant<Bundle[]>([]),
        team: teamIds,
        contacts: fc.array(contact, { maxLength: n }),
        asOf: fc.oneof({ weight: 5, arbitrary: fc.constant(AS_OF) }, { weight: 1, arbitrary: fc.constant(undefined) }),
        stage: fc.option(
          fc.record(
            { name: fc.constantFrom('qualify', 'proposal', 'negotiate'), progress: real(0, 1) },
            { requiredKeys: [], noNullPrototype: true },
          ),
          { nil: undefined },
        ),
        competitors: fc.option(fc.uniqueArray(fc.constantFrom('rival', 'constructor', 'rival corp'), { minLength: 1, maxLength: 2 }), {
          nil: undefined,
        }),
        affinity: fc.array(fc.tuple(fc.nat(), fc.nat(), real(0, 1)), { maxLength: 3 }),
        name: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      })
      .map((r): RawDeal => {
        const ids = r.ids;
        const people: RawPerson[] = r.drafts.map((draft, i) => {
          const p: RawPerson = { id: ids[i]! };
          const managers = draft.managers.map((m) => ids[m]!);
          if (managers.length === 0) {
            if (draft.noManagerForm === 'null') p.reportsTo = null;
            else if (draft.noManagerForm === 'empty') p.reportsTo = [];
          } else if (managers.length === 1 && draft.reportsToForm === 'string') p.reportsTo = managers[0];
          else if (draft.reportsToForm === 'array-dup') p.reportsTo = [...managers, managers[0]];
          else p.reportsTo = managers;
          Object.assign(p, draft.fields);
          if (draft.level !== undefined) p.level = draft.level;
          return p;
        });
        if (r.competitors) {
          for (const [who, which, value] of r.affinity) {
            const p = people[who % n]!;
            const key = r.competitors[which % r.competitors.length]!;
            p.competitorAffinity = { ...(p.competitorAffinity as object | undefined), [key]: value };
          }
        }
        const deal: RawDeal = { schemaVersion: 1, id: 'generated', people };
        if (r.name !== undefined) deal.name = r.name;
        if (r.asOf !== undefined) deal.asOf = r.asOf;
        if (r.stage !== undefined) deal.stage = r.stage;
        const relations = r.bundles.flatMap((b) =>
          b.weights.map((weight) => {
            const out: Record<string, unknown> = { from: ids[b.pair[0]]!, to: ids[b.pair[1]]!, kind: b.kind };
            if (weight !== undefined) out.weight = weight;
            return out;
          }),
        );
        deal.relations = relations.slice(0, options.maxRelations ?? relations.length);
        deal.team = r.team.map((id) => ({ id, name: `Member ${id}` }));
        deal.contacts = r.contacts.map((c) => {
          const out: Record<string, unknown> = { person: ids[c.person]!, strength: c.strength };
          if (r.team.length > 0 && c.memberPick % 3 !== 0) out.member = r.team[c.memberPick % r.team.length];
          if (c.lastContact !== undefined) out.lastContact = dateBefore(...c.lastContact);
          return out;
        });
        if (r.competitors) deal.competitors = r.competitors.map((id) => ({ id, name: id.toUpperCase() }));
        return deal;
      });
  });
}

/**
 * A deal together with a shuffled copy: people and relations in another order, nothing else
 * changed. The two share their person and relation objects; do not mutate them.
 */
export function arbitraryShuffledDeal(options: ArbitraryDealOptions = {}): fc.Arbitrary<[RawDeal, RawDeal]> {
  return arbitraryDeal(options).chain((deal) => {
    const relations = deal.relations as unknown[];
    return fc
      .tuple(
        fc.shuffledSubarray(deal.people, { minLength: deal.people.length, maxLength: deal.people.length }),
        fc.shuffledSubarray(relations, { minLength: relations.length, maxLength: relations.length }),
      )
      .map(([people, rels]): [RawDeal, RawDeal] => [deal, { ...deal, people, relations: rels }]);
  });
}

/**
 * Freezes a JSON-like value and everything reachable from it (own keys, symbols included).
 * Typed arrays are skipped (they cannot be frozen). Returns the same value, typed as given.
 */
export function freezeDeep<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) freezeDeep(descriptor.value as unknown, seen);
  }
  return Object.freeze(value);
}
