/**
 * Inputs are never mutated (design.md principle 7). Every public function is called on a
 * deep-frozen raw deal and on a deep-frozen parsed deal (and on a PowerGraph built from the frozen
 * parsed deal), with deep-frozen options; in strict-mode code a write to a frozen object throws, so
 * a mutation shows up as a TypeError. Afterwards each input is deep-equal to a snapshot taken
 * before, and the result is the same as for an unfrozen copy.
 *
 * A PowerGraph itself is not frozen: it memoises kernels by design (`memo`), which is not a
 * mutation of the caller's data; what it holds of the caller's deal must be left as it was.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  assessDeal,
  assessLine,
  buildGraph,
  compareSnapshots,
  explain,
  formatMessage,
  importCrm,
  parseDeal,
  safeParseDeal,
  simulate,
  spinQuestions,
  supportTrend,
  toCytoscapeJson,
  toDot,
  toGexf,
  toGraphml,
  toHtml,
  toMarkdown,
  toMermaid,
  toSvg,
  toText,
  type Change,
  type Deal,
  type Rule,
} from '../../src/index.js';
import { clone } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, arbitraryInfluence, arbitraryStance, freezeDeep, real, type RawDeal } from '../support/arbitraries.js';
import { ANALYSES } from '../support/public-api.js';

/** A frozen raw deal and a frozen parsed deal, each with a snapshot taken before freezing. */
function frozen(raw: RawDeal) {
  const rawSnapshot = clone(raw);
  const parsed = parseDeal(raw);
  const parsedSnapshot = structuredClone(parsed);
  return { raw: freezeDeep(clone(raw)), rawSnapshot, parsed: freezeDeep(parsed), parsedSnapshot };
}

function unchanged(f: ReturnType<typeof frozen>): void {
  expect(f.raw, 'the frozen raw deal').toStrictEqual(f.rawSnapshot);
  expect(f.parsed, 'the frozen parsed deal').toStrictEqual(f.parsedSnapshot);
}

/** A custom rule that only reads its context. */
const readOnlyRule: Rule = {
  code: 'frozen_probe',
  description: 'reads the context, flags nothing',
  evaluate: (ctx) => (ctx.deal.people.length > 1000 ? [{ severity: 'low' }] : []),
};

/** Options of each analysis, other than the defaults, with nested objects and arrays where an option has them. */
const OPTIONS: Record<string, (previous: unknown) => Record<string, unknown>> = {
  rankKeyPeople: () => ({ alpha: 0.6, normalization: 'row', brokerageSeed: 7 }),
  measureSupportBase: () => ({ alpha: 0.4, normalization: 'row' }),
  findAllies: () => ({ minStance: 0.25, minRel: 0.1 }),
  findGatekeepers: () => ({ wonStance: 0.25 }),
  predictConsensus: () => ({ decisionRule: 'dm-decides', susceptibility: 0.4, verdictThreshold: 0.1 }),
  recommendEngagements: () => ({ target: 0.8, limit: 3, viaLimit: 2 }),
  checkDecisionMakerCoverage: () => ({ k: 2, directThreshold: 0.4 }),
  findCoachCandidates: () => ({ weights: { power: 2, character: 0.5 }, floor: 0.1 }),
  analyzeResilience: () => ({ limit: 3, supportDrop: 0.05 }),
  assessInformation: () => ({ locale: 'zh-CN', maxNames: 2 }),
  assessSellingStage: () => ({ locale: 'zh-CN', seniorLevel: 3 }),
  classifyAccount: () => ({ publicSectors: ['health', 'police'], locale: 'zh-CN' }),
  measureBuyingCenter: () => ({ highPower: 0.3, highInterest: 0.7 }),
  assessDeal: (previous) => ({
    locale: 'zh-CN',
    previous,
    engagements: 3,
    rules: {
      disable: ['single_threaded'],
      thresholds: { minContacts: 3, coachMinScore: 0.2 },
      stageTemplate: [{ role: 'legal', by: 0.5 }],
      custom: [readOnlyRule],
    },
  }),
};

const SETTINGS = { seed: PROPERTY_SEED, numRuns: 30 };

describe('inputs are never mutated', () => {
  describe.each(ANALYSES)('%s', (name, run) => {
    test.prop([arbitraryDeal({ maxPeople: 8 }), arbitraryDeal({ maxPeople: 5 })], SETTINGS)(
      `${name} leaves a deep-frozen raw deal, a deep-frozen parsed deal and deep-frozen options as they were`,
      (raw, other) => {
        const f = frozen(raw);
        const previous = frozen(other);
        const options = freezeDeep(OPTIONS[name]!(previous.raw));
        const optionsSnapshot = JSON.stringify(OPTIONS[name]!(previous.rawSnapshot));
        const expected = JSON.stringify(run(clone(raw), OPTIONS[name]!(clone(other))));
        expect(JSON.stringify(run(f.raw, options)), 'same result from the frozen raw deal').toBe(expected);
        expect(JSON.stringify(run(f.parsed, options)), 'same result from the frozen parsed deal').toBe(expected);
        const graph = buildGraph(f.parsed);
        expect(JSON.stringify(run(graph, options)), 'same result from a PowerGraph of the frozen parsed deal').toBe(expected);
        expect(JSON.stringify(run(graph, options)), 'same result from the same PowerGraph again').toBe(expected);
        unchanged(f);
        unchanged(previous);
        expect(JSON.stringify(options)).toBe(optionsSnapshot);
      },
      PROPERTY_TIMEOUT,
    );
  });

  test.prop([arbitraryDeal({ maxPeople: 8 })], SETTINGS)('parseDeal, safeParseDeal and buildGraph leave a deep-frozen deal as it was', (raw) => {
    const f = frozen(raw);
    expect(parseDeal(f.raw)).toStrictEqual(f.parsedSnapshot);
    expect(parseDeal(f.parsed)).toStrictEqual(f.parsedSnapshot);
    const r = safeParseDeal(f.raw);
    expect(r.success && r.data).toStrictEqual(f.parsedSnapshot);
    const options = freezeDeep({ halfLifeDays: 30, managerWeight: 0.4 });
    const g1 = buildGraph(f.raw, options);
    const g2 = buildGraph(f.parsed, options);
    expect(Array.from(g1.rel)).toEqual(Array.from(g2.rel));
    unchanged(f);
    expect(options).toEqual({ halfLifeDays: 30, managerWeight: 0.4 });
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryDeal({ maxPeople: 8 }), arbitraryDeal({ maxPeople: 8 })], SETTINGS)(
    'compareSnapshots and supportTrend leave deep-frozen snapshots, the frozen array of them and their options as they were',
    (a, b) => {
      const fa = frozen(a);
      const fb = frozen(b);
      const expected = [JSON.stringify(compareSnapshots(clone(a), clone(b), { locale: 'zh-CN' })), JSON.stringify(supportTrend([clone(a), clone(b)], { stableWithin: 0.05 }))];
      const options = freezeDeep({ locale: 'zh-CN' as const, stableWithin: 0.02 });
      expect(JSON.stringify(compareSnapshots(fa.raw, fb.parsed, freezeDeep({ locale: 'zh-CN' })))).toBe(expected[0]);
      expect(JSON.stringify(supportTrend(freezeDeep([fa.raw, fb.parsed]), freezeDeep({ stableWithin: 0.05 })))).toBe(expected[1]);
      compareSnapshots(fa.parsed, fb.raw, options);
      unchanged(fa);
      unchanged(fb);
    },
    PROPERTY_TIMEOUT,
  );

  /** A deal and a few valid changes to it. */
  const dealWithChanges = arbitraryDeal({ maxPeople: 6 }).chain((raw) => {
    const ids = raw.people.map((p) => p.id);
    const person = fc.constantFrom(...ids);
    const change: fc.Arbitrary<Change> = fc.oneof(
      fc.record({ type: fc.constant('stance' as const), person, stance: arbitraryStance() }),
      fc.record({ type: fc.constant('influence' as const), person, influence: arbitraryInfluence() }),
      fc.record({ type: fc.constant('contact' as const), person, strength: real(0, 1) }),
      fc.record({ type: fc.constant('join' as const), person: fc.record({ id: fc.constantFrom('joiner-1', 'joiner-2'), stance: arbitraryStance(), roles: fc.constant(['user']) }) }),
      fc.tuple(person, person, fc.constantFrom('influences' as const, 'informs' as const, 'conflict' as const), real(0, 1))
        .filter(([from, to]) => from !== to)
        .map(([from, to, kind, weight]): Change => ({ type: 'relation', from, to, kind, weight })),
    );
    // At most one join of each id, and a leave only as the last change (the person must exist until then).
    const changes = fc
      .tuple(fc.array(change, { maxLength: 3 }), fc.option(person, { nil: undefined }))
      .map(([cs, leaving]) => {
        const seen = new Set<string>();
        const kept = cs.filter((c) => c.type !== 'join' || (!seen.has(c.person.id as string) && seen.add(c.person.id as string)));
        return leaving !== undefined && raw.people.length > 1 ? [...kept, { type: 'leave' as const, person: leaving }] : kept;
      });
    return fc.tuple(fc.constant(raw), changes);
  });

  // BUG simulate (src/analyses/simulate.ts applyChanges + src/internal/without-person.ts): a `leave`
  // after a `join` calls withoutPerson on a deal whose joined person is still raw (not parsed), and
  // `p.reportsTo.includes` throws a TypeError ("Cannot read properties of undefined (reading
  // 'includes')"; with `reportsTo: 'a'` on the joiner, "p.reportsTo.filter is not a function").
  // Expected: the simulation (or a ValidationError); actual: TypeError.
  it('regression: a leave after a join does not throw (it used to throw a TypeError)', () => {
    const deal = freezeDeep({ id: 'd', people: [{ id: 'a' }, { id: 'b' }] });
    const changes = freezeDeep([{ type: 'join', person: { id: 'c' } }, { type: 'leave', person: 'a' }] as Change[]);
    expect(() => simulate(deal, changes)).not.toThrow();
  });

  test.prop([dealWithChanges], { ...SETTINGS, numRuns: 25 })(
    "simulate leaves the deep-frozen deal, the deep-frozen changes and the deep-frozen options as they were",
    ([raw, changes]) => {
      const f = frozen(raw);
      const changesSnapshot = clone(changes);
      const frozenChanges = freezeDeep(clone(changes));
      const options = freezeDeep({ locale: 'zh-CN' as const, rules: { disable: ['needs_unknown'] } });
      const expected = JSON.stringify(simulate(clone(raw), clone(changes), { locale: 'zh-CN', rules: { disable: ['needs_unknown'] } }));
      expect(JSON.stringify(simulate(f.raw, frozenChanges, options))).toBe(expected);
      expect(JSON.stringify(simulate(f.parsed, frozenChanges, options))).toBe(expected);
      expect(JSON.stringify(simulate(buildGraph(f.parsed), frozenChanges, options))).toBe(expected);
      unchanged(f);
      expect(frozenChanges).toStrictEqual(changesSnapshot);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal({ maxPeople: 8 })], { ...SETTINGS, numRuns: 20 })(
    'every report leaves a deep-frozen assessment, a deep-frozen deal and deep-frozen options as they were',
    (raw) => {
      const f = frozen(raw);
      const graph = buildGraph(f.parsed);
      const assessment = assessDeal(graph);
      const snapshot = structuredClone(assessment);
      const a = freezeDeep(assessment);
      const expected = structuredClone(assessment);
      const deal: Deal = f.parsed;
      const outputs = [
        toText(a, Object.freeze({ graph, locale: 'zh-CN' as const, width: 80 })),
        toText(a, freezeDeep({ color: true })),
        toMarkdown(a, Object.freeze({ graph, locale: 'zh-CN' as const })),
        toMarkdown(a),
        toSvg(a, deal, freezeDeep({ locale: 'zh-CN' as const, maxPeople: 5, idPrefix: 'x' })),
        toSvg(a, graph),
        toHtml(a, deal, freezeDeep({ title: 'frozen', maxPeople: 5 })),
        toHtml(a, graph),
        toMermaid(deal),
        toDot(deal),
        toGexf(deal),
        toGraphml(deal),
        JSON.stringify(toCytoscapeJson(deal)),
        toMermaid(graph),
      ];
      for (const out of outputs) expect(typeof out).toBe('string');
      expect(a).toStrictEqual(snapshot);
      expect(a).toStrictEqual(expected);
      unchanged(f);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal({ maxPeople: 6 })], { ...SETTINGS, numRuns: 20 })(
    'explain, formatMessage, spinQuestions, importCrm and assessLine leave their deep-frozen arguments as they were',
    (raw) => {
      const params = freezeDeep({ people: ['a', 'b'], count: 2, person: 'a' });
      expect(typeof explain('gap_no_manager', params, 'zh-CN').message).toBe('string');
      expect(typeof formatMessage('gap_no_manager', params)).toBe('string');
      const roles = freezeDeep(parseDeal(raw).people[0]!.roles);
      const rolesSnapshot = [...roles];
      expect(Array.isArray(spinQuestions(roles, 'zh-CN'))).toBe(true);
      expect(roles).toEqual(rolesSnapshot);
      const csv = `id,name,reports to\n${raw.people.map((p, k) => `p${k},Person ${k},${k === 0 ? '' : 'p0'}`).join('\n')}\n`;
      const input = freezeDeep({ people: csv });
      const options = freezeDeep({ preset: 'powermap' as const, asOf: '2026-11-01', mapping: { columns: { 'reports to': 'reportsTo' as const } } });
      const optionsSnapshot = clone(options);
      importCrm(input, options);
      expect(options).toStrictEqual(optionsSnapshot);
      const assess = freezeDeep({ locale: 'zh-CN' as const, rules: { disable: ['needs_unknown'] } });
      expect(assessLine(JSON.stringify(raw), 1, assess).ok).toBe(true);
      expect(assess).toStrictEqual({ locale: 'zh-CN', rules: { disable: ['needs_unknown'] } });
    },
    PROPERTY_TIMEOUT,
  );
});
