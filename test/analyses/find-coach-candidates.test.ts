import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  COACH_CRITERIA,
  OptionError,
  ValidationError,
  buildGraph,
  findCoachCandidates,
  type CoachAssessment,
  type CoachCandidates,
  type CoachCriterion,
  type CoachOptions,
} from '../../src/index.js';
import { checkDecisionMakerCoverage } from '../../src/index.js';
import { PROPERTY_SEED, arbitraryDeal, freezeDeep } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/**
 * A crew of six, built so that every criterion can be derived by hand (M9).
 *
 *   id   roles           level        influence  stance      inProject  integrity  contact
 *   ceo  decision-maker  1            1          neutral 0   true       -          -
 *   vp   influencer      2 (-> ceo)   0.75       supporter   true       0.8        0.4
 *   pal  coach           3 explicit   0.25       champion    true       0.9        0.9
 *   foe  coach           3 explicit   0.5        skeptic     true       -          0.5
 *   unk  -               3 explicit   0.5        unknown     true       -          -
 *   out  champion        3 explicit   0.5        champion    false      -          0.7
 * Relations: vp reports to ceo (derived ceo -> vp 0.5, vp -> ceo 0.3 / 1); ceo informs vp.
 * Everyone else is isolated: pal is the friendly but powerless one (nobody listens to them, no way
 * to the decision maker).
 *
 * Key-people score (alpha 1/2): an isolated person keeps p = v. Priors v = infl / 3.5:
 * ceo 2/7, vp 3/14, pal 1/14, foe = unk = out = 1/7. For the ceo–vp pair (W: ceo listens to vp 0.3,
 * itself 0.7; vp listens to ceo 0.5, itself 0.5):
 *   p_ceo = 1/2 (0.7 p_ceo + 0.5 p_vp) + v_ceo / 2,  p_vp = 1/2 (0.3 p_ceo + 0.5 p_vp) + v_vp / 2
 *   => p_ceo = 5/18 v_vp + 5/6 v_ceo = 25/84,  p_vp = 13/18 v_vp + 1/6 v_ceo = 17/84.
 * Top score 25/84 (ceo), so power = p / (25/84): ceo 1, vp 17/25, pal (6/84)/(25/84) = 6/25,
 * foe = unk = out = 12/25.
 *
 * The eight criteria (maxLevel 3):
 *   position      (3 - level + 1)/3, at least 0.75 with a buying role (influencer here; our own labels
 *                 coach and champion do not count): vp 2/3 -> 0.75, pal/foe/out/unk 1/3
 *   power         as above
 *   information   informs received relative to the top (vp 1 from ceo), brokerage all 0: vp 1, others 0
 *   participation inProject: 1, out 0
 *   reputation    sum_j W_ji relative to the top: ceo 0.5 (vp listens), vp 0.3 (ceo listens): vp 0.3/0.5 = 0.6, others 0
 *   willingness   max(0, u) (1 + rel)/2: vp 0.5 · 1.4 / 2 = 0.35, pal 1 · 1.9 / 2 = 0.95, out 1 · 1.7 / 2 = 0.85, foe 0, unk 0
 *   backing       max(senior influence, access to the ceo): vp max(0.5 from ceo, q = max(0.5, 0.3) = 0.5) = 0.5, others 0
 *   character     integrity, unknown 0.5: vp 0.8, pal 0.9, others 0.5
 */
const crew = {
  schemaVersion: 1,
  id: 'crew',
  people: [
    { id: 'ceo', roles: ['decision-maker'], influence: 'decisive', stance: 'neutral', inProject: true },
    { id: 'vp', reportsTo: 'ceo', roles: ['influencer'], influence: 'high', stance: 'supporter', inProject: true, integrity: 0.8 },
    { id: 'pal', level: 3, roles: ['coach'], influence: 'low', stance: 'champion', inProject: true, integrity: 0.9 },
    { id: 'foe', level: 3, roles: ['coach'], influence: 0.5, stance: 'skeptic', inProject: true },
    { id: 'unk', level: 3, influence: 0.5, stance: null, inProject: true },
    { id: 'out', level: 3, roles: ['champion'], influence: 0.5, stance: 'champion', inProject: false },
  ],
  relations: [{ from: 'ceo', to: 'vp', kind: 'informs' }],
  contacts: [
    { person: 'vp', strength: 0.4 },
    { person: 'pal', strength: 0.9 },
    { person: 'foe', strength: 0.5 },
    { person: 'out', strength: 0.7 },
  ],
};

/** Hand-derived criteria of the crew, in the method's order (see above). */
const CREW: Record<string, number[]> = {
  //     position power  info part rep  will  backing character
  vp: [0.75, 17 / 25, 1, 1, 0.6, 0.35, 0.5, 0.8],
  pal: [1 / 3, 6 / 25, 0, 1, 0, 0.95, 0, 0.9],
  foe: [1 / 3, 12 / 25, 0, 1, 0, 0, 0, 0.5],
  out: [1 / 3, 12 / 25, 0, 0, 0, 0.85, 0, 0.5],
};

/** Weighted geometric mean by the rule: willingness and participation unfloored, the rest floored. */
function expectedScore(values: number[], weights: number[] = [1, 1, 1, 1, 1, 1, 1, 1], floor = 0.05): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let log = 0;
  values.forEach((v, i) => {
    if (weights[i] === 0) return;
    const gating = COACH_CRITERIA[i] === 'participation' || COACH_CRITERIA[i] === 'willingness';
    log += (weights[i]! / total) * Math.log(gating ? v : Math.max(v, floor));
  });
  return Math.exp(log);
}

const weightsOf = (w: Partial<Record<CoachCriterion, number>>) => COACH_CRITERIA.map((c) => w[c] ?? 1);
const values = (a: CoachAssessment) => a.criteria.map((c) => c.value);
const byId = (result: CoachCandidates, id: string) => [...result.candidates, ...result.current].find((a) => a.id === id)!;

describe('findCoachCandidates', () => {
  it('throws ValidationError (invalid_input) on an invalid deal', () => {
    const bad = { ...crew, people: [...crew.people, { id: 'x', integrity: 2 }] };
    expect(() => findCoachCandidates(bad)).toThrow(ValidationError);
    try {
      findCoachCandidates(bad);
    } catch (error) {
      expect((error as ValidationError).code).toBe('invalid_input');
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[6].integrity']);
    }
  });

  it.each<[unknown, string]>([
    [{ weights: { charm: 1 } }, 'weights'],
    [{ weights: Object.fromEntries(COACH_CRITERIA.map((c) => [c, 0])) }, 'weights'],
    [{ weights: { power: -1 } }, 'weights'],
    [{ weights: { power: Number.NaN } }, 'weights'],
    [{ weights: 'heavy' }, 'weights'],
    [{ floor: 1.5 }, 'floor'],
    [{ mobiliserPower: 2 }, 'mobiliserPower'],
    [{ weakBelow: -0.1 }, 'weakBelow'],
    [{ alpha: 1 }, 'alpha'],
    [{ brokerageExactLimit: -1 }, 'brokerageExactLimit'],
    [{ threshold: 0.5 }, 'threshold'],
  ])('findCoachCandidates(crew, %j) throws OptionError (invalid_option) naming %s', (options, name) => {
    expect(() => findCoachCandidates(crew, options as CoachOptions)).toThrow(OptionError);
    try {
      findCoachCandidates(crew, options as CoachOptions);
    } catch (error) {
      expect((error as OptionError).code).toBe('invalid_option');
      expect((error as OptionError).option).toBe(name);
    }
  });

  describe('the crew (hand-derived, see the fixture comment)', () => {
    it('scores every criterion from its evidence', () => {
      const result = findCoachCandidates(crew);
      for (const [id, expected] of Object.entries(CREW)) {
        const got = values(byId(result, id));
        expected.forEach((v, i) => expect(got[i], `${id} ${COACH_CRITERIA[i]}`).toBeCloseTo(v, 10));
      }
    });

    it('ranks the influential supporter with access to the decision maker above the friendly but powerless champion', () => {
      // vp: (0.75 · 0.68 · 1 · 1 · 0.6 · 0.35 · 0.5 · 0.8)^(1/8) = 0.04284^(1/8)
      // pal: (0.75 · 0.24 · 0.05 · 1 · 0.05 · 0.95 · 0.05 · 0.9)^(1/8): three criteria at the floor
      const { candidates } = findCoachCandidates(crew);
      expect(candidates.map((c) => [c.id, c.rank, c.kind])).toEqual([
        ['vp', 1, 'mobiliser'],
        ['pal', 2, 'talker'],
      ]);
      expect(candidates[0]!.score).toBeCloseTo(0.04284 ** (1 / 8), 10);
      expect(candidates[0]!.score).toBeCloseTo(expectedScore(CREW.vp!), 10);
      expect(candidates[1]!.score).toBeCloseTo(expectedScore(CREW.pal!), 10);
      expect(candidates[0]!.weakest).toBe('willingness'); // 0.35
      expect(candidates[1]!.weakest).toBe('information'); // 0 = reputation = backing: the method's order
    });

    it('never lists a hostile, neutral, unknown-stance or non-participating person as a candidate', () => {
      // ceo neutral (0), foe skeptic, unk unknown, out inProject false
      const ids = findCoachCandidates(crew).candidates.map((c) => c.id);
      for (const id of ['ceo', 'foe', 'unk', 'out']) expect(ids).not.toContain(id);
    });

    it('names the weak criteria of people marked coach or champion, weakest first, and whether they qualify', () => {
      // below weakBelow 0.5, ascending by value, ties in the method's order
      const { current } = findCoachCandidates(crew);
      expect(current.map((c) => [c.id, c.qualifies, c.weaknesses.map((w) => w.criterion)])).toEqual([
        // position 1/3 is weak too: the coach/champion label itself no longer raises it
        ['foe', false, ['information', 'reputation', 'willingness', 'backing', 'position', 'power']], // hostile
        ['out', false, ['information', 'participation', 'reputation', 'backing', 'position', 'power']], // does not take part
        ['pal', true, ['information', 'reputation', 'backing', 'power', 'position']],
      ]);
      for (const c of current) {
        for (const w of c.weaknesses) {
          expect(w.value).toBe(c.criteria.find((x) => x.criterion === w.criterion)!.value);
          expect(w.evidence.length).toBeGreaterThan(0);
        }
      }
      // a zero on willingness or participation is never floored: score 0
      expect(current[0]!.score).toBe(0);
      expect(current[1]!.score).toBe(0);
    });

    it('reports every criterion in the method order, each in [0, 1], with log parts that add up to ln(score)', () => {
      const result = findCoachCandidates(crew);
      for (const a of [...result.candidates, ...result.current]) {
        expect(a.criteria.map((c) => c.criterion)).toEqual([...COACH_CRITERIA]);
        for (const c of a.criteria) {
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
          expect(c.weight).toBe(1);
        }
        // A zero on a gating criterion has no log part (null): it disqualifies, the score is 0.
        const parts = a.criteria.map((c) => c.logContribution);
        if (a.score > 0) expect(parts.reduce((s: number, x) => s + x!, 0)).toBeCloseTo(Math.log(a.score), 12);
        else expect(parts).toContain(null);
      }
      // pal's floored information: (1/8) · ln 0.05
      expect(byId(result, 'pal').criteria[2]!.logContribution).toBeCloseTo(Math.log(0.05) / 8, 14);
    });

    it.each<[string, Partial<Record<CoachCriterion, number>>, string[]]>([
      // 10 × willingness: pal (0.95) overtakes vp (0.35)
      ['willingness weighs 10', { willingness: 10 }, ['pal', 'vp']],
      // only willingness counts: the score is the willingness itself, 0.95 and 0.35
      ['only willingness', { position: 0, power: 0, information: 0, participation: 0, reputation: 0, backing: 0, character: 0 }, ['pal', 'vp']],
      // only power: 17/25 against 6/25
      ['only power', { position: 0, information: 0, participation: 0, reputation: 0, willingness: 0, backing: 0, character: 0 }, ['vp', 'pal']],
    ])('findCoachCandidates(crew, { weights }) where %s', (_name, weights, order) => {
      const result = findCoachCandidates(crew, { weights });
      expect(result.candidates.map((c) => c.id)).toEqual(order);
      expect(result.weights).toEqual(Object.fromEntries(COACH_CRITERIA.map((c) => [c, weights[c] ?? 1])));
      for (const c of result.candidates) {
        expect(c.score).toBeCloseTo(expectedScore(CREW[c.id]!, weightsOf(weights)), 10);
        expect(c.criteria.map((x) => x.weight)).toEqual(weightsOf(weights));
        const sum = c.criteria.reduce((s, x) => s + x.logContribution!, 0);
        expect(sum).toBeCloseTo(Math.log(c.score), 12);
      }
    });

    it('makes the score the single criterion when only it has weight: pal 0.95, vp 0.35', () => {
      const weights = { position: 0, power: 0, information: 0, participation: 0, reputation: 0, backing: 0, character: 0 };
      const { candidates } = findCoachCandidates(crew, { weights });
      expect(candidates.map((c) => [c.id, c.score])).toEqual([
        ['pal', expect.closeTo(0.95, 12)],
        ['vp', expect.closeTo(0.35, 12)],
      ]);
    });

    it('applies the floor option to the six non-gating criteria only', () => {
      // floor 0.2: pal = (1/3 · 0.24 · 0.2 · 1 · 0.2 · 0.95 · 0.2 · 0.9)^(1/8); vp has nothing below 0.2
      const { candidates } = findCoachCandidates(crew, { floor: 0.2 });
      expect(candidates.find((c) => c.id === 'pal')!.score).toBeCloseTo(
        ((1 / 3) * 0.24 * 0.2 * 1 * 0.2 * 0.95 * 0.2 * 0.9) ** (1 / 8),
        10,
      );
      expect(candidates[0]!.score).toBeCloseTo(expectedScore(CREW.vp!), 10);
      // floor 0: a zero anywhere gives 0
      expect(findCoachCandidates(crew, { floor: 0 }).candidates.find((c) => c.id === 'pal')!.score).toBe(0);
    });

    it.each<[number, string, string]>([
      [0.5, 'mobiliser', 'talker'], // vp 0.68, pal 0.24
      [0.7, 'talker', 'talker'],
      [0.68 - 1e-6, 'mobiliser', 'talker'],
      [0.2, 'mobiliser', 'mobiliser'],
    ])('findCoachCandidates(crew, { mobiliserPower: %s }): vp %s, pal %s', (mobiliserPower, vp, pal) => {
      const result = findCoachCandidates(crew, { mobiliserPower });
      expect(byId(result, 'vp').kind).toBe(vp);
      expect(byId(result, 'pal').kind).toBe(pal);
    });

    it('names fewer weaknesses with a lower weakBelow', () => {
      // weakBelow 0.1: pal's zeros only (power 0.24 is no longer weak)
      const pal = findCoachCandidates(crew, { weakBelow: 0.1 }).current.find((c) => c.id === 'pal')!;
      expect(pal.weaknesses.map((w) => [w.criterion, w.value])).toEqual([
        ['information', 0],
        ['reputation', 0],
        ['backing', 0],
      ]);
    });

    it('takes backing from access to the decision maker when it beats the influence from more senior people', () => {
      // Give pal a tie to the vp: pal -> vp 0.8 (explicit). Access ceo -vp- pal = 0.5 · f_vp 0.75 · 0.8 = 0.3;
      // nobody more senior influences pal, so backing = 0.3 with access evidence.
      const tied = { ...crew, relations: [...crew.relations, { from: 'pal', to: 'vp', kind: 'influences', weight: 0.8 }] };
      const pal = byId(findCoachCandidates(tied), 'pal');
      const backing = pal.criteria.find((c) => c.criterion === 'backing')!;
      expect(backing.value).toBeCloseTo(0.3, 14);
      expect(backing.evidence).toContain('ceo');
    });

    it('accepts a PowerGraph and never mutates its input', () => {
      const frozen = freezeDeep(structuredClone(crew));
      expect(findCoachCandidates(buildGraph(frozen))).toEqual(findCoachCandidates(frozen));
      expect(frozen).toEqual(crew);
    });
  });

  it("reads reputation from W even when a row's in-weights are subnormal ('row' normalization)", () => {
    // a -> b with w = 5e-324: in 'row' mode b listens to a with W_ba = w / w = 1, so a's reputation is
    // 1 (the top) and b's 0; 1 / w overflows to Infinity, which must not turn the value into NaN.
    const tiny = {
      id: 'd',
      people: [
        { id: 'a', stance: 1 },
        { id: 'b', stance: 1 },
        { id: 'c', roles: ['decision-maker'] }, // so that neither a nor b is the (inferred) decision maker
      ],
      relations: [{ from: 'a', to: 'b', kind: 'influences', weight: 5e-324 }],
    };
    const result = findCoachCandidates(tiny, { normalization: 'row' });
    expect(byId(result, 'a').criteria[4]).toMatchObject({ criterion: 'reputation', value: 1 });
    expect(byId(result, 'b').criteria[4]).toMatchObject({ criterion: 'reputation', value: 0 });
    expect(byId(result, 'a').score).toBeGreaterThan(0);
  });

  it('finds coo and whm in the worked example, both mobilisers', () => {
    // Candidates: stance > 0 and taking part: coo (0.5) and whm (1). Power p / p_ceo from worked-example.md:
    // coo 0.194266 / 0.231632 = 0.839, whm 0.185622 / 0.231632 = 0.801, both >= 0.5.
    // whm: willingness 1 · (1 + 0.714330)/2 = 0.857165; information 0 (nobody informs; all of whm's
    // influence goes to and from coo, so no shortest path passes whm): weakest.
    // coo: willingness 0.5 · (1 + 0)/2 = 0.25; position 2/3, participation 0.5 (not recorded, no role),
    // reputation 1 (coo -> ceo 0.15 + coo -> whm 0.5 + coo -> it 0.5 = 1.15 is the top), backing 0.5,
    // character 0.5, information 1 (brokerage: coo 11.5 shortest-path pairs, the most): weakest willingness.
    const { candidates } = findCoachCandidates(loadFixture('harbor-wms.json'));
    const powerCoo = 0.194266 / 0.231632;
    const powerWhm = 0.185622 / 0.231632;
    const rel = 0.9 * 0.5 ** (30 / 90);
    expect(candidates.map((c) => [c.id, c.kind, c.weakest])).toEqual([
      ['coo', 'mobiliser', 'willingness'],
      ['whm', 'mobiliser', 'information'],
    ]);
    expect(candidates[0]!.score).toBeCloseTo(expectedScore([2 / 3, powerCoo, 1, 0.5, 1, 0.25, 0.5, 0.5]), 5);
    // whm: position 0.75 (role user), reputation whm -> coo 0.6 · 1/1.25 = 0.48 of 1.15, backing max(0.5, 0.225)
    expect(candidates[1]!.score).toBeCloseTo(expectedScore([0.75, powerWhm, 0, 1, 0.48 / 1.15, (1 + rel) / 2, 0.5, 0.5]), 5);
  });

  test.prop([arbitraryDeal({ maxPeople: 8 }), fc.constantFrom('slack' as const, 'row' as const)], { seed: PROPERTY_SEED })(
    'every assessment has the eight criteria in order, in [0, 1], and log parts that add up to ln(score)',
    (raw, normalization) => {
      const result = findCoachCandidates(raw, { normalization });
      for (const a of [...result.candidates, ...result.current]) {
        expect(a.criteria.map((c) => c.criterion)).toEqual([...COACH_CRITERIA]);
        for (const c of a.criteria) {
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
        }
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(1);
        if (a.score > 0) {
          const sum = a.criteria.reduce((s, c) => s + c.logContribution!, 0);
          expect(Math.abs(sum - Math.log(a.score))).toBeLessThanOrEqual(1e-9);
        }
        const min = Math.min(...a.criteria.map((c) => c.value));
        expect(a.criteria.find((c) => c.value === min)!.criterion).toBe(a.weakest);
      }
    },
    30_000, // generous: random deals under a loaded parallel run
  );

  test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })(
    'candidates are exactly the people with stance > 0 who take part and are not decision makers, by score then id',
    (raw) => {
      const g = buildGraph(raw);
      const result = findCoachCandidates(g);
      const dms = new Set(checkDecisionMakerCoverage(g).decisionMakers.map((d) => d.id));
      const expected = g.people
        .filter((p) => p.stance !== null && p.stance > 0 && p.inProject !== false && !dms.has(p.id))
        .map((p) => p.id);
      expect(result.candidates.map((c) => c.id).sort()).toEqual([...expected].sort());
      result.candidates.forEach((c, i) => {
        expect(c.rank).toBe(i + 1);
        const next = result.candidates[i + 1];
        if (next) expect(c.score >= next.score || Math.abs(c.score - next.score) <= 1e-12).toBe(true);
      });
      // Candidates round-trip through JSON. (A person in `current` with a zero willingness or
      // participation has logContribution -Infinity, which JSON writes as null.)
      expect(JSON.parse(JSON.stringify(result.candidates))).toEqual(result.candidates);
    },
    30_000, // generous: random deals under a loaded parallel run
  );
});
