/**
 * No global state: a call's result depends on its arguments only.
 *
 * - Interleaving calls on two different deals gives the same results as calling each alone. "Alone"
 *   is a fresh instance of the library (`vi.resetModules()` and a new import), so no module-level
 *   cache or counter can carry anything over. Both generated deals have the same deal id
 *   ("generated"), so a cache keyed by deal id would show.
 * - Mutating a returned result (every field, every array, deep) does not change what the next call
 *   returns, for a raw deal, a parsed deal, and one PowerGraph reused across calls (whose memoised
 *   kernels must not be handed out); and it does not change the caller's parsed deal.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import * as pm from '../../src/index.js';
import { clone } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal } from '../support/arbitraries.js';
import { ANALYSES, mutateDeep } from '../support/public-api.js';

type Library = typeof pm;

/** A fresh instance of the library: new module-level state, if there were any. */
async function freshLibrary(): Promise<Library> {
  vi.resetModules();
  return (await import('../../src/index.js')) as Library;
}

/** Each analysis of `lib`, by name, as in ANALYSES. */
function analysesOf(lib: Library): [string, (input: unknown) => unknown][] {
  return ANALYSES.map(([name]) => [name, (input: unknown) => (lib as unknown as Record<string, (d: unknown) => unknown>)[name]!(input)]);
}

/** Score options: the kernels memoised on a PowerGraph are keyed by them. */
const scoreOptions = {
  alpha: fc.constantFrom(0.2, 0.5, 0.85),
  normalization: fc.constantFrom('slack' as const, 'row' as const),
};
const brokerageOptions = {
  brokerageExactLimit: fc.constantFrom(0, 3, 2000),
  brokeragePivots: fc.constantFrom(1, 2, 'auto' as const),
  brokerageSeed: fc.constantFrom(1, 2),
};
const dynamicsOptions = { ...scoreOptions, susceptibility: fc.constantFrom(0.2, 0.5), decisionMakerSusceptibility: fc.constantFrom(0.3, 0.9) };
const some = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;

/** Valid options of each analysis, several values each, so that calls on one graph alternate between option sets. */
const OPTION_POOLS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  rankKeyPeople: some({ ...scoreOptions, ...brokerageOptions }),
  measureSupportBase: some(scoreOptions),
  findAllies: some({ ...scoreOptions, minStance: fc.constantFrom(0, 0.5), minRel: fc.constantFrom(0, 0.3) }),
  findGatekeepers: some({ ...scoreOptions, ...brokerageOptions, wonStance: fc.constantFrom(0, 0.5) }),
  predictConsensus: some({ ...dynamicsOptions, decisionRule: fc.constantFrom('weighted', 'dm-decides') }),
  recommendEngagements: some({ ...dynamicsOptions, target: fc.constantFrom(0.5, 1), limit: fc.constantFrom(1, 5, 100), viaLimit: fc.constantFrom(0, 5) }),
  checkDecisionMakerCoverage: some({ ...scoreOptions, k: fc.constantFrom(1, 2, 3, 5), directThreshold: fc.constantFrom(0.2, 0.5), pathThreshold: fc.constantFrom(0.01, 0.1) }),
  findCoachCandidates: some({ ...scoreOptions, ...brokerageOptions, floor: fc.constantFrom(0, 0.05), weights: fc.constantFrom({}, { power: 3 }, { willingness: 0 }) }),
  analyzeResilience: some({ ...scoreOptions, limit: fc.constantFrom(0, 2, 'auto'), supportDrop: fc.constantFrom(0.01, 0.1) }),
  assessInformation: some({ knownAt: fc.constantFrom(0.5, 0.8), locale: fc.constantFrom('en', 'zh-CN'), maxNames: fc.constantFrom(1, 8) }),
  assessSellingStage: some({ ...scoreOptions, seniorLevel: fc.constantFrom(1, 2, 3), locale: fc.constantFrom('en', 'zh-CN') }),
  classifyAccount: some({ strategicGrowth: fc.constantFrom(0.3, 0.6), locale: fc.constantFrom('en', 'zh-CN') }),
  measureBuyingCenter: some({ ...scoreOptions, highPower: fc.constantFrom(0.2, 0.5), highInterest: fc.constantFrom(0.5, 0.9) }),
  assessDeal: some({ ...scoreOptions, locale: fc.constantFrom('en', 'zh-CN'), engagements: fc.constantFrom(1, 5), resilienceLimit: fc.constantFrom(0, 'auto' as const, 25) }),
};

/** Every analysis of a fresh library instance on one deal, and nothing else. */
async function alone(raw: unknown): Promise<Map<string, string>> {
  const lib = await freshLibrary();
  return new Map(analysesOf(lib).map(([name, run]) => [name, JSON.stringify(run(clone(raw)))]));
}

/**
 * Known bug (see the it.fails cases): findAllies hands out the parsed deal's own `roles` arrays, so
 * these are not vandalised; remove the entry when it is fixed.
 */
const KNOWN_SHARED: RegExp[] = [];

describe('no global state', () => {
  // BUG findAllies (src/analyses/find-allies.ts: `roles: g.people[i]!.roles`): an ally's `roles` is
  // the parsed person's own array, so mutating a result changes the PowerGraph and every later
  // analysis on it, and (parsed deals are trusted and used as they are) the caller's parsed deal.
  // Also inside assessDeal (`allies.allies[i].roles`). Expected: roles ['user'] again; actual:
  // ['user', 'blocker'] (and the support base by role changes with it).
  it("regression: an ally's roles array is not the PowerGraph's own", () => {
    const graph = pm.buildGraph({ id: 'd', people: [{ id: 'a', stance: 1, roles: ['user'] }, { id: 'b' }], contacts: [{ person: 'a', strength: 1 }] });
    (pm.findAllies(graph).allies[0]!.roles as string[]).push('blocker');
    expect(pm.findAllies(graph).allies[0]!.roles).toEqual(['user']);
  });

  it("regression: an ally's roles array is not the caller's parsed deal's own", () => {
    const deal = pm.parseDeal({ id: 'd', people: [{ id: 'a', stance: 1, roles: ['user'] }, { id: 'b' }], contacts: [{ person: 'a', strength: 1 }] });
    (pm.findAllies(deal).allies[0]!.roles as string[]).push('blocker');
    expect(deal.people[0]!.roles).toEqual(['user']);
  });

  test.prop([arbitraryDeal({ maxPeople: 8 }), arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED, numRuns: 20 })(
    'interleaving calls on two different deals gives the same results as calling each alone',
    async (a, b) => {
      const aloneA = await alone(a);
      const aloneB = await alone(b);
      const ga = pm.buildGraph(a);
      const gb = pm.buildGraph(b);
      const pa = pm.parseDeal(a);
      const pb = pm.parseDeal(b);
      // A, B, B, A, then alternating input kinds, each analysis interleaved with all the others.
      const schedule: [string, unknown, Map<string, string>][] = [
        ['a', a, aloneA],
        ['b', b, aloneB],
        ['graph b', gb, aloneB],
        ['graph a', ga, aloneA],
        ['parsed b', pb, aloneB],
        ['parsed a', pa, aloneA],
        ['graph a again', ga, aloneA],
        ['b again', b, aloneB],
      ];
      for (const [what, input, expected] of schedule)
        for (const [name, run] of ANALYSES) expect(JSON.stringify(run(input)), `${name} on ${what}`).toBe(expected.get(name));
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal({ maxPeople: 8 }), arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED + 1, numRuns: 8 })(
    'reports and exports of one deal are the same alone and after another deal was reported',
    async (a, b) => {
      const lib = await freshLibrary();
      const render = (l: Library, raw: unknown) => {
        const graph = l.buildGraph(raw);
        const assessment = l.assessDeal(graph);
        return [l.toText(assessment, { graph }), l.toMarkdown(assessment, { graph }), l.toHtml(assessment, graph), l.toGexf(graph), l.toDot(graph)].join('\n\u0000\n');
      };
      const expectedA = render(lib, clone(a));
      render(pm, b);
      expect(render(pm, a)).toBe(expectedA);
    },
    PROPERTY_TIMEOUT,
  );

  describe.each(ANALYSES)('%s', (name, run) => {
    test.prop([arbitraryDeal({ maxPeople: 8 }), fc.constantFrom('raw', 'parsed', 'graph')], { seed: PROPERTY_SEED, numRuns: 30 })(
      `${name}: mutating a returned result deeply does not change the next result, nor the deal`,
      (raw, kind) => {
        const parsed = pm.parseDeal(raw);
        const parsedSnapshot = structuredClone(parsed);
        const input = kind === 'raw' ? raw : kind === 'parsed' ? parsed : pm.buildGraph(parsed);
        const first = run(input);
        const snapshot = JSON.stringify(first);
        mutateDeep(first, KNOWN_SHARED);
        expect(JSON.stringify(run(input)), `${name} after mutating the previous result (${kind})`).toBe(snapshot);
        expect(parsed, 'the parsed deal').toStrictEqual(parsedSnapshot);
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe.each(ANALYSES)('%s', (name, run) => {
    const options = fc.array(OPTION_POOLS[name]!, { minLength: 2, maxLength: 4 });
    test.prop([arbitraryDeal({ maxPeople: 8 }), options], { seed: PROPERTY_SEED, numRuns: 25 })(
      `${name}: on a reused PowerGraph, each call gives what a fresh graph gives with the same options, whatever was asked before`,
      (raw, optionSets) => {
        const graph = pm.buildGraph(raw);
        for (const o of optionSets) expect(JSON.stringify(run(graph, o)), JSON.stringify(o)).toBe(JSON.stringify(run(pm.buildGraph(raw), o)));
      },
      PROPERTY_TIMEOUT,
    );
  });

  test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED, numRuns: 30 })(
    'mutating every result of every analysis on one PowerGraph changes nothing for the next round of calls',
    (raw) => {
      const expected = ANALYSES.map(([name, run]) => [name, JSON.stringify(run(pm.buildGraph(raw)))] as const);
      const graph = pm.buildGraph(raw);
      for (const [, run] of ANALYSES) mutateDeep(run(graph), KNOWN_SHARED);
      mutateDeep(pm.toCytoscapeJson(graph));
      for (const [k, [name, run]] of ANALYSES.entries()) expect(JSON.stringify(run(graph)), name).toBe(expected[k]![1]);
    },
    PROPERTY_TIMEOUT,
  );
});
