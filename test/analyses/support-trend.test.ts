import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, compareSnapshots, supportTrend } from '../../src/index.js';
import { deal, thrown } from '../support/analysis-fixtures.js';
import type { RawDeal } from '../support/arbitraries.js';

/** A Globex snapshot (examples/deals/snapshots), fresh on every call. */
const globex = (date: '05-01' | '07-01' | '09-01') =>
  JSON.parse(readFileSync(new URL(`../../examples/deals/snapshots/globex-2026-${date}.json`, import.meta.url), 'utf8')) as RawDeal;

/** Our relationship strength after recency decay: strength · 0.5^(days / 90). */
const decayed = (strength: number, days: number) => strength * 0.5 ** (days / 90);

/**
 * Two people, no influence lines (p = v = 1/2 each): net = (stance_a + stance_b) / 2.
 * `asOf` is optional so that undated snapshots can be tested.
 */
function snapshot(asOf: string | undefined, a: number | null, b: number | null): RawDeal {
  const raw = deal([
    { id: 'a', roles: ['decision-maker'], influence: 0.5, stance: a },
    { id: 'b', influence: 0.5, stance: b },
  ]);
  if (asOf === undefined) delete raw.asOf;
  else raw.asOf = asOf;
  return raw;
}

describe('supportTrend', () => {
  it.each<[string, unknown, string]>([
    ['supportTrend([])', [], 'snapshots'],
    ['supportTrend(a deal instead of an array)', snapshot('2026-01-01', 0, 0), 'snapshots'],
  ])('%s throws OptionError invalid_option', (_name, snapshots, option) => {
    const error = thrown(() => supportTrend(snapshots as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['supportTrend(s, { stableWithin: -1 })', { stableWithin: -1 }, 'stableWithin'],
    ['supportTrend(s, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['supportTrend(s, { direction: "up" }) (unknown option name)', { direction: 'up' }, 'direction'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => supportTrend([snapshot('2026-01-01', 0, 0)], options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe(option);
  });

  it('supportTrend([valid, invalid]) throws ValidationError invalid_input', () => {
    const bad = snapshot('2026-02-30', 0, 0);
    const error = thrown(() => supportTrend([snapshot('2026-01-01', 0, 0), bad]));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([['invalid_date', 'asOf']]);
  });

  describe('Globex over three snapshots, given out of order (September, May, July)', () => {
    const t = supportTrend([globex('09-01'), globex('05-01'), globex('07-01')]);

    it('puts the points in date order', () => {
      expect(t.points.map((p) => p.asOf)).toEqual(['2026-05-01', '2026-07-01', '2026-09-01']);
      expect(t.points.map((p) => p.people)).toEqual([9, 10, 9]);
    });

    it('the base grows, then shrinks after the champion leaves', () => {
      expect(t.points.map((p) => (p.change === null ? null : Math.sign(p.change)))).toEqual([null, 1, -1]);
      expect(t.direction).toBe('shrinking');
      // each change is the difference of the nets
      expect(t.points[1]!.change).toBe(t.points[1]!.net - t.points[0]!.net);
      expect(t.points[2]!.change).toBe(t.points[2]!.net - t.points[1]!.net);
    });

    it('the peak is July, and September is below it by the last change', () => {
      expect(t.peak).toEqual({ asOf: '2026-07-01', net: t.points[1]!.net });
      expect(t.fromPeak).toBe(t.points[2]!.net - t.points[1]!.net);
      expect(t.fromPeak).toBeLessThan(0);
    });

    it('the same points as measureSupportBase reports, in the README ranges: support ~0.21, ~0.42, ~0.27; unknown ~0.25 -> 0', () => {
      expect(t.points.map((p) => p.support)).toEqual([
        expect.closeTo(0.21, 2),
        expect.closeTo(0.42, 2),
        expect.closeTo(0.27, 2),
      ]);
      expect(t.points[0]!.unknownShare).toBeCloseTo(0.25, 1);
      expect(t.points[1]!.unknownShare).toBe(0);
      expect(t.points[2]!.unknownShare).toBe(0);
      expect(t.points.map((p) => p.opposition > 0)).toEqual([true, false, true]);
    });

    it('allies (stance >= 0.5, strength >= 0.3 after decay): 2, then 6, then 5', () => {
      // May: Nadia (champion, 0.853) and Amara (supporter, 0.7·0.5^(14/90) = 0.628).
      // July: + Samuel, Leo, Ben, Marta, who became supporters with working contacts.
      // September: Nadia is gone; the other five remain (the weakest, Marta, at 0.5·0.5^(20/90) = 0.429).
      expect(t.points.map((p) => p.allies)).toEqual([2, 6, 5]);
    });

    it('decision-maker access: through Nadia in May and July, the decaying direct contact in September', () => {
      expect(t.points[0]!.decisionMakerAccess).toBeCloseTo(decayed(0.9, 7) * 0.45, 12);
      expect(t.points[1]!.decisionMakerAccess).toBeCloseTo(decayed(0.9, 4) * 0.45, 12);
      expect(t.points[2]!.decisionMakerAccess).toBeCloseTo(decayed(0.45, 83), 12);
    });

    it('agrees with compareSnapshots on each step', () => {
      expect(t.points[2]!.change).toBe(compareSnapshots(globex('07-01'), globex('09-01')).netChange);
    });
  });

  describe('small histories', () => {
    it('one snapshot: change null, direction stable, the peak is that snapshot', () => {
      const t = supportTrend([snapshot('2026-03-01', 1, 0)]);
      expect(t.points).toHaveLength(1);
      expect(t.points[0]!.change).toBeNull();
      expect(t.points[0]!.net).toBeCloseTo(0.5, 12);
      expect(t.direction).toBe('stable');
      expect(t.peak).toEqual({ asOf: '2026-03-01', net: t.points[0]!.net });
      expect(t.fromPeak).toBe(0);
    });

    it('net 0 -> 1/2 -> 1 is growing; the peak is the last snapshot', () => {
      const t = supportTrend([snapshot('2026-01-01', 0, 0), snapshot('2026-02-01', 1, 0), snapshot('2026-03-01', 1, 1)]);
      expect(t.points.map((p) => p.change)).toEqual([null, expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
      expect(t.direction).toBe('growing');
      expect(t.peak!.asOf).toBe('2026-03-01');
      expect(t.fromPeak).toBe(0);
    });

    it('a last change below stableWithin is stable', () => {
      // net 1/2 -> 1/2 + 0.01/2 = 0.505: change 0.005 < 0.01
      const t = supportTrend([snapshot('2026-01-01', 1, 0), snapshot('2026-02-01', 1, 0.01)]);
      expect(t.direction).toBe('stable');
      expect(supportTrend([snapshot('2026-01-01', 1, 0), snapshot('2026-02-01', 1, 0.01)], { stableWithin: 0.001 }).direction).toBe('growing');
    });

    it('snapshots without asOf come first, in input order', () => {
      const t = supportTrend([snapshot('2026-02-01', 1, 1), snapshot(undefined, 0, 0), snapshot(undefined, -1, 0)]);
      expect(t.points.map((p) => [p.asOf, p.net])).toEqual([
        [null, 0],
        [null, expect.closeTo(-0.5, 12)],
        ['2026-02-01', expect.closeTo(1, 12)],
      ]);
    });

    it('an unknown stance counts 0 in net and shows in unknownShare; no path to the decision maker is access 0', () => {
      const t = supportTrend([snapshot('2026-01-01', null, 1)]);
      expect(t.points[0]!.net).toBeCloseTo(0.5, 12);
      expect(t.points[0]!.unknownShare).toBeCloseTo(0.5, 12);
      expect(t.points[0]!.decisionMakerAccess).toBe(0);
      expect(t.points[0]!.allies).toBe(0);
    });

    it('accepts PowerGraphs', () => {
      const s = [snapshot('2026-01-01', 0, 0), snapshot('2026-02-01', 1, 0)];
      expect(supportTrend(s.map((x) => buildGraph(x)))).toEqual(supportTrend(s));
    });
  });
});
