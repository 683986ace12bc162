/**
 * Every number explains itself (design.md principle 3): where the formula is additive, the parts
 * add up to the score.
 *
 * - rankKeyPeople: `own + sum(via) = score` (the parts use the final iterate; the score is one
 *   iteration on, so they agree to the solver's L1 change, below 1e-12), and the scores sum to 1;
 * - measureSupportBase: positive contributions sum to `support`, negative ones to `-opposition`,
 *   unknown weights to `unknownShare`; the groups by department partition everyone, the groups by
 *   role count a person once per role, and each group is the sum of its people;
 * - recommendEngagements: `sum(via) + viaOther = gain`, `expected = gain x feasibility`; with every
 *   `via` listed, `viaOther` is only the amounts below the 1e-15 cut-off (the gain comes from one
 *   adjoint solve, the flow from a forward solve: they agree to the solver tolerance); and moving a
 *   person to the target raises the committee lean by their gain;
 * - findCoachCandidates: the log contributions sum to ln(score) when score > 0; a contribution is
 *   null exactly when a gating criterion (willingness, participation) is 0, and then the score is 0;
 * - assessInformation: completeness is the mean of the nine scores; analyzeResilience: netLoss =
 *   baseline net - net; assessDeal: `thresholds.passed` counts the passed thresholds.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  analyzeResilience,
  assessDeal,
  assessInformation,
  findCoachCandidates,
  measureSupportBase,
  parseDeal,
  predictConsensus,
  rankKeyPeople,
  recommendEngagements,
} from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, real } from '../support/arbitraries.js';
import { setStance } from '../support/public-api.js';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function near(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const SETTINGS = { seed: PROPERTY_SEED, numRuns: 100 };
const options = fc.record({ alpha: real(0, 0.95), normalization: fc.constantFrom('slack' as const, 'row' as const) });

describe('the parts add up', () => {
  test.prop([arbitraryDeal(), options], SETTINGS)(
    'rankKeyPeople: own + via = score for everyone, and the scores sum to 1',
    (raw, o) => {
      const r = rankKeyPeople(raw, o);
      for (const p of r.people) {
        near(p.parts.own + sum(p.parts.via.map((v) => v.amount)), p.score, 1e-12, `own + via of ${p.id}`);
        expect(new Set(p.parts.via.map((v) => v.id)).size, `via ids of ${p.id} are distinct`).toBe(p.parts.via.length);
        near(p.parts.own, (1 - o.alpha) * p.prior, 1e-15, `own of ${p.id} = (1 - alpha) v`);
      }
      near(sum(r.people.map((p) => p.score)), 1, 1e-12, 'sum of scores');
      near(sum(r.people.map((p) => p.prior)), 1, 1e-12, 'sum of priors');
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal(), options], SETTINGS)(
    'measureSupportBase: positive contributions sum to support, negative ones to -opposition, unknown weights to unknownShare',
    (raw, o) => {
      const s = measureSupportBase(raw, o);
      const c = s.contributors;
      near(sum(c.filter((x) => x.contribution > 0).map((x) => x.contribution)), s.support, 1e-12, 'support');
      near(sum(c.filter((x) => x.contribution < 0).map((x) => x.contribution)), -s.opposition, 1e-12, '-opposition');
      near(sum(c.filter((x) => x.stance === null).map((x) => x.weight)), s.unknownShare, 1e-12, 'unknownShare');
      near(s.support - s.opposition, s.net, 1e-12, 'net = support - opposition');
      near(sum(c.map((x) => x.weight)), 1, 1e-12, 'weights sum to 1');
      for (const x of c) near(x.contribution, x.weight * (x.stance ?? 0), 1e-15, `contribution of ${x.id}`);
      near(s.interval[0], s.net - s.unknownShare, 1e-12, 'interval low');
      near(s.interval[1], s.net + s.unknownShare, 1e-12, 'interval high');
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], SETTINGS)(
    'measureSupportBase: byDepartment partitions everyone and byRole counts each person once per role; each group sums its people',
    (raw) => {
      const s = measureSupportBase(raw);
      const person = new Map(s.contributors.map((c) => [c.id, c]));
      const parsed = new Map(parseDeal(raw).people.map((p) => [p.id, p]));
      const groupSums = (g: { weight: number; support: number; opposition: number; net: number; unknownShare: number; people: readonly string[] }, what: string) => {
        const members = g.people.map((id) => person.get(id)!);
        near(sum(members.map((m) => m.weight)), g.weight, 1e-12, `${what} weight`);
        near(sum(members.map((m) => Math.max(0, m.contribution))), g.support, 1e-12, `${what} support`);
        near(sum(members.map((m) => Math.max(0, -m.contribution))), g.opposition, 1e-12, `${what} opposition`);
        near(sum(members.map((m) => m.contribution)), g.net, 1e-12, `${what} net`);
        near(sum(members.filter((m) => m.stance === null).map((m) => m.weight)), g.unknownShare, 1e-12, `${what} unknownShare`);
      };
      for (const g of s.byDepartment) {
        groupSums(g, `department ${g.department}`);
        for (const id of g.people) expect(parsed.get(id)!.department ?? null).toBe(g.department);
      }
      expect(s.byDepartment.flatMap((g) => g.people).sort()).toEqual([...person.keys()].sort());
      near(sum(s.byDepartment.map((g) => g.weight)), 1, 1e-12, 'department weights sum to 1');
      near(sum(s.byDepartment.map((g) => g.support)), s.support, 1e-12, 'department supports sum to support');
      near(sum(s.byDepartment.map((g) => g.net)), s.net, 1e-12, 'department nets sum to net');

      for (const g of s.byRole) {
        groupSums(g, `role ${g.role}`);
        for (const id of g.people) {
          const roles = parsed.get(id)!.roles;
          expect(g.role === null ? roles.length === 0 : roles.includes(g.role), `${id} in role ${g.role}`).toBe(true);
        }
      }
      const copies = [...parsed.values()].flatMap((p) => (p.roles.length === 0 ? [p.id] : p.roles.map(() => p.id)));
      expect(s.byRole.flatMap((g) => g.people).sort()).toEqual(copies.sort());
      const expectedWeight = sum([...parsed.values()].map((p) => person.get(p.id)!.weight * Math.max(1, p.roles.length)));
      near(sum(s.byRole.map((g) => g.weight)), expectedWeight, 1e-12, 'role weights: each person once per role');
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal(), fc.integer({ min: 0, max: 6 })], SETTINGS)(
    'recommendEngagements: via + viaOther = gain, expected = gain x feasibility, and with every via listed viaOther is negligible',
    (raw, viaLimit) => {
      for (const r of recommendEngagements(raw, { viaLimit, limit: 1000 }).recommendations) {
        near(sum(r.via.map((v) => v.amount)) + r.viaOther, r.gain, 1e-12, `via + viaOther of ${r.id}`);
        near(r.expected, r.gain * r.feasibility, 1e-15, `expected of ${r.id}`);
        expect(r.via.length).toBeLessThanOrEqual(viaLimit);
      }
      for (const r of recommendEngagements(raw, { viaLimit: 1000, limit: 1000 }).recommendations)
        expect(Math.abs(r.viaOther), `viaOther of ${r.id} with every via listed (gain ${r.gain})`).toBeLessThanOrEqual(1e-9);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal(), fc.nat()], SETTINGS)(
    'recommendEngagements: moving a person to the target raises the committee lean by their gain',
    (raw, pick) => {
      const recommendations = recommendEngagements(raw, { limit: 1000, viaLimit: 0 }).recommendations;
      if (recommendations.length === 0) return;
      const r = recommendations[pick % recommendations.length]!;
      const k = raw.people.findIndex((p) => p.id === r.id);
      const before = predictConsensus(raw).lean;
      const after = predictConsensus(setStance(raw, k, 1)).lean;
      near(after - before, r.gain, 1e-9, `lean change when ${r.id} becomes a champion`);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], SETTINGS)(
    'findCoachCandidates: log contributions sum to ln(score) when score > 0; null only for a gating criterion at 0, with score 0',
    (raw) => {
      const coach = findCoachCandidates(raw);
      for (const x of [...coach.candidates, ...coach.current]) {
        const logs = x.criteria.map((c) => c.logContribution);
        const gatedOut = x.criteria.some((c) => (c.criterion === 'willingness' || c.criterion === 'participation') && c.value === 0 && c.weight > 0);
        for (const c of x.criteria) {
          if (c.logContribution === null) {
            expect(['willingness', 'participation'], `null log contribution of ${c.criterion} for ${x.id}`).toContain(c.criterion);
            expect(c.value).toBe(0);
          }
        }
        expect(logs.includes(null), `a null log contribution for ${x.id} exactly when gated out`).toBe(gatedOut);
        if (gatedOut) expect(x.score).toBe(0);
        if (x.score > 0) near(sum(logs as number[]), Math.log(x.score), 1e-12, `sum of log contributions of ${x.id}`);
        // The weights of the geometric mean are the criterion weights over their total.
        const total = sum(x.criteria.map((c) => c.weight));
        for (const c of x.criteria)
          if (c.logContribution !== null && c.weight > 0) {
            const used = c.criterion === 'willingness' || c.criterion === 'participation' ? c.value : Math.max(c.value, 0.05);
            near(c.logContribution, (c.weight / total) * Math.log(used), 1e-12, `log ${c.criterion} of ${x.id}`);
          }
      }
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal({ maxPeople: 8 })], { ...SETTINGS, numRuns: 60 })(
    'completeness is the mean of the nine points, net loss is baseline net minus net, and passed counts the thresholds',
    (raw) => {
      const info = assessInformation(raw);
      near(info.completeness, sum(info.points.map((p) => p.score)) / 9, 1e-15, 'completeness');
      const r = analyzeResilience(raw);
      for (const p of r.people) near(p.netLoss, r.baseline.net - p.net, 1e-15, `net loss of ${p.id}`);
      const a = assessDeal(raw);
      const t = a.thresholds;
      expect(t.passed).toBe([t.information.passed, t.relationship.passed, t.decision.passed].filter(Boolean).length);
    },
    PROPERTY_TIMEOUT,
  );
});
