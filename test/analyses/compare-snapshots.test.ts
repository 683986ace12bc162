import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, compareSnapshots } from '../../src/index.js';
import { deal, thrown } from '../support/analysis-fixtures.js';
import type { RawDeal } from '../support/arbitraries.js';

/** A Globex snapshot (examples/deals/snapshots), fresh on every call. */
const globex = (date: '05-01' | '07-01' | '09-01') =>
  JSON.parse(readFileSync(new URL(`../../examples/deals/snapshots/globex-2026-${date}.json`, import.meta.url), 'utf8')) as RawDeal;

/** Our relationship strength after recency decay: strength · 0.5^(days / 90). */
const decayed = (strength: number, days: number) => strength * 0.5 ** (days / 90);

/**
 * Two people and no influence lines, so W = I and the key-people score is the prior p = v:
 * ceo (influence 0.5, decision maker) and cto (influence 0.5).
 */
function pair(ceo: Record<string, unknown>, cto: Record<string, unknown>, more: Record<string, unknown> = {}): RawDeal {
  return deal(
    [
      { id: 'ceo', name: 'Chen Hua', roles: ['decision-maker'], influence: 0.5, ...ceo },
      { id: 'cto', name: 'Lin Tao', influence: 0.5, ...cto },
    ],
    [],
    more,
  );
}

describe('compareSnapshots', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['compareSnapshots(a, b, { stableWithin: 3 })', { stableWithin: 3 }, 'stableWithin'],
    ['compareSnapshots(a, b, { championStance: 2 })', { championStance: 2 }, 'championStance'],
    ["compareSnapshots(a, b, { locale: 'ja' })", { locale: 'ja' }, 'locale'],
    ['compareSnapshots(a, b, { stable: 0.1 }) (unknown option name)', { stable: 0.1 }, 'stable'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => compareSnapshots(pair({}, {}), pair({}, {}), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('compareSnapshots(valid, invalid) throws ValidationError invalid_input naming the bad field of the later snapshot', () => {
    const error = thrown(() => compareSnapshots(pair({}, {}), pair({ stance: 'fan' }, {})));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[0].stance']);
  });

  describe('Globex, May to July: the support base grows', () => {
    const c = compareSnapshots(globex('05-01'), globex('07-01'));

    it('trend growing, with the dates of both snapshots', () => {
      expect(c.trend).toBe('growing');
      expect([c.before.asOf, c.after.asOf]).toEqual(['2026-05-01', '2026-07-01']);
      expect(c.netChange).toBe(c.after.net - c.before.net);
      expect(c.netChange).toBeGreaterThan(0);
      // The README (an independent scratch implementation): support about 0.21 -> 0.42, no opposition in July.
      expect(c.before.support).toBeCloseTo(0.21, 2);
      expect(c.after.support).toBeCloseTo(0.42, 2);
      expect(c.after.opposition).toBe(0);
    });

    it('Marta Silva joined; nobody left', () => {
      expect(c.added).toEqual([{ id: 'marta-silva', name: 'Marta Silva' }]);
      expect(c.removed).toEqual([]);
    });

    it('stances that moved, largest change first (unknown -> known counts as largest), ties by id', () => {
      // From the files: Leo unknown -> supporter; Olivia unknown -> {rating: 1} = 1/5;
      // Ben, Samuel neutral -> supporter (+1/2); Raymond skeptic -> neutral (+1/2).
      expect(c.stanceChanges.map((x) => [x.id, x.before, x.after])).toEqual([
        ['leo-fischer', null, 0.5],
        ['olivia-grant', null, 0.2],
        ['ben-carter', 0, 0.5],
        ['raymond-cho', -0.5, 0],
        ['samuel-ortiz', 0, 0.5],
      ]);
      // Ben's influence was not assessed in May, medium in July.
      expect(c.influenceChanges.map((x) => [x.id, x.before, x.after])).toEqual([['ben-carter', null, 0.5]]);
    });

    it('new contacts (the CEO meeting on 10 June among them) and a weaker one with Dana Kim', () => {
      const kind = Object.fromEntries(c.contactChanges.map((x) => [x.id, x.change]));
      expect(kind).toMatchObject({ 'olivia-grant': 'new', 'raymond-cho': 'new', 'ben-carter': 'new', 'leo-fischer': 'new', 'dana-kim': 'weaker' });
      const olivia = c.contactChanges.find((x) => x.id === 'olivia-grant')!;
      // 0.45 on 2026-06-10, 21 days before 2026-07-01
      expect([olivia.before, olivia.after]).toEqual([0, decayed(0.45, 21)]);
      const dana = c.contactChanges.find((x) => x.id === 'dana-kim')!;
      // 0.4 on 2026-04-02 (29 days before May 1) -> 0.4 on 2026-05-20 (42 days before July 1)
      expect(dana.before).toBeCloseTo(decayed(0.4, 29), 12);
      expect(dana.after).toBeCloseTo(decayed(0.4, 42), 12);
    });

    it('access to the CEO stays a path through Nadia, and grows a little', () => {
      // May: us -> nadia 0.9·0.5^(7/90), champion factor 1, nadia -> olivia 0.45.
      // July: the same path with 0.9·0.5^(4/90) beats the direct contact 0.45·0.5^(21/90) = 0.3828 (< 0.5, not direct).
      expect(c.decisionMakerAccess).toHaveLength(1);
      const a = c.decisionMakerAccess[0]!;
      expect([a.id, a.before, a.after, a.change]).toEqual(['olivia-grant', 'path', 'path', 'same']);
      expect(a.probabilityBefore).toBeCloseTo(decayed(0.9, 7) * 0.45, 12);
      expect(a.probabilityAfter).toBeCloseTo(decayed(0.9, 4) * 0.45, 12);
    });

    it('summary: the trend first, then who joined', () => {
      expect(c.summary.map((s) => s.code)).toEqual(['trend_growing', 'trend_person_joined']);
      expect(c.summary[1]!.message).toBe('Marta Silva has joined.');
      expect(c.championsCooling).toEqual([]);
    });
  });

  describe('Globex, July to September: the champion leaves and the base shrinks', () => {
    const c = compareSnapshots(globex('07-01'), globex('09-01'));

    it('trend shrinking; opposition rises from 0 to about 0.07 (README)', () => {
      expect(c.trend).toBe('shrinking');
      expect(c.netChange).toBeLessThan(0);
      expect(c.before.opposition).toBe(0);
      expect(c.after.opposition).toBeCloseTo(0.07, 2);
      expect(c.after.support).toBeCloseTo(0.27, 2);
    });

    it('nadia-haddad is removed and listed as a champion who left', () => {
      expect(c.removed).toEqual([{ id: 'nadia-haddad', name: 'Nadia Haddad' }]);
      expect(c.added).toEqual([]);
      expect(c.championsCooling).toEqual([{ id: 'nadia-haddad', name: 'Nadia Haddad', before: 1, after: null }]);
    });

    it("dana-kim's stance fell from neutral to skeptic, and no other stance moved", () => {
      expect(c.stanceChanges).toEqual([{ id: 'dana-kim', name: 'Dana Kim', before: 0, after: -0.5 }]);
      expect(c.influenceChanges).toEqual([]);
    });

    it('access to the CEO now rests on the decaying June contact: 0.45·0.5^(83/90) = 0.2375', () => {
      // July: 0.3927 through Nadia. September: Nadia is gone; the direct contact (83 days old) beats
      // us -> samuel 0.6·0.5^(18/90) · (1 + 1/2)/2 · max(0.5, 0.3/3) = 0.1959. Still `path` (>= 0.1).
      const a = c.decisionMakerAccess[0]!;
      expect([a.before, a.after, a.change]).toEqual(['path', 'path', 'same']);
      expect(a.probabilityBefore).toBeCloseTo(decayed(0.9, 4) * 0.45, 12);
      expect(a.probabilityAfter).toBeCloseTo(decayed(0.45, 83), 12);
      expect(c.contactChanges.find((x) => x.id === 'olivia-grant')!.change).toBe('weaker');
    });

    it('summary: shrinking, then "Champion Nadia Haddad has left." (not also "has left")', () => {
      expect(c.summary.map((s) => s.message)).toEqual([
        `The support base is shrinking: net ${round(c.before.net)} -> ${round(c.after.net)} (${round(c.netChange)}).`,
        'Champion Nadia Haddad has left.',
      ]);
    });
  });

  describe('small hand-made pairs', () => {
    it('the same deal twice is stable, with nothing added, removed or changed', () => {
      const raw = pair({ stance: 1 }, { stance: 0 }, { contacts: [{ person: 'cto', strength: 0.6 }] });
      const c = compareSnapshots(raw, raw);
      expect(c.trend).toBe('stable');
      expect(c.netChange).toBe(0);
      expect([c.added, c.removed, c.stanceChanges, c.influenceChanges, c.contactChanges, c.championsCooling]).toEqual([[], [], [], [], [], []]);
      expect(c.summary.map((s) => s.code)).toEqual(['trend_stable']);
    });

    it('a stance falling from 0 to -1 shrinks the base by 1/2 (p = 1/2 each): net 1/2 -> 0', () => {
      const c = compareSnapshots(pair({ stance: 1 }, { stance: 0 }), pair({ stance: 1 }, { stance: -1 }));
      expect(c.before.net).toBeCloseTo(0.5, 12);
      expect(c.after.net).toBeCloseTo(0, 12);
      expect(c.netChange).toBeCloseTo(-0.5, 12);
      expect(c.trend).toBe('shrinking');
      expect(c.summary[0]!.message).toBe('The support base is shrinking: net 0.5 -> 0 (-0.5).');
    });

    it('{ stableWithin: 0.6 } calls a change of 1/2 stable', () => {
      expect(compareSnapshots(pair({ stance: 1 }, { stance: 0 }), pair({ stance: 1 }, { stance: -1 }), { stableWithin: 0.6 }).trend).toBe('stable');
    });

    it('added and removed people: a new IT head joins, the old one (not a champion) leaves', () => {
      const before = pair({ stance: 0 }, { stance: 0.5 });
      const after = deal([
        { id: 'ceo', name: 'Chen Hua', roles: ['decision-maker'], influence: 0.5, stance: 0 },
        { id: 'cto2', name: 'Xu Jing', influence: 0.5, stance: null },
      ]);
      const c = compareSnapshots(before, after);
      expect(c.added).toEqual([{ id: 'cto2', name: 'Xu Jing' }]);
      expect(c.removed).toEqual([{ id: 'cto', name: 'Lin Tao' }]);
      expect(c.championsCooling).toEqual([]);
      expect(c.summary.slice(1).map((s) => s.message)).toEqual(['Lin Tao has left.', 'Xu Jing has joined.']);
    });

    it('new and lost contacts: the contact with the CTO is lost (0.6 -> 0), one with the CEO is new (0 -> 0.3)', () => {
      const before = pair({ stance: 0 }, { stance: 0 }, { contacts: [{ person: 'cto', strength: 0.6 }] });
      const after = pair({ stance: 0 }, { stance: 0 }, { contacts: [{ person: 'ceo', strength: 0.3 }] });
      const c = compareSnapshots(before, after);
      // largest change first: |0 - 0.6| = 0.6, then |0.3 - 0| = 0.3
      expect(c.contactChanges).toEqual([
        { id: 'cto', name: 'Lin Tao', before: 0.6, after: 0, change: 'lost' },
        { id: 'ceo', name: 'Chen Hua', before: 0, after: 0.3, change: 'new' },
      ]);
    });

    it('stronger and weaker contacts', () => {
      const before = pair({}, {}, { contacts: [{ person: 'ceo', strength: 0.2 }, { person: 'cto', strength: 0.9 }] });
      const after = pair({}, {}, { contacts: [{ person: 'ceo', strength: 0.4 }, { person: 'cto', strength: 0.8 }] });
      expect(compareSnapshots(before, after).contactChanges.map((x) => [x.id, x.change])).toEqual([
        ['ceo', 'stronger'],
        ['cto', 'weaker'],
      ]);
    });

    it.each<[string, unknown, boolean]>([
      ['champion -> supporter', 0.5, true],
      ['champion -> unknown', null, true],
      ['champion -> champion', 1, false],
    ])('a champion cooling: %s => cooling %s', (_name, after, cooling) => {
      const c = compareSnapshots(pair({}, { stance: 'champion' }), pair({}, { stance: after }));
      expect(c.championsCooling.map((x) => [x.id, x.before, x.after])).toEqual(cooling ? [['cto', 1, after]] : []);
      if (cooling) expect(c.summary.map((s) => s.message)).toContain('Champion Lin Tao is cooling.');
    });

    it('a supporter (0.5) falling to neutral is not a champion cooling, unless { championStance: 0.5 }', () => {
      const before = pair({}, { stance: 'supporter' });
      const after = pair({}, { stance: 'neutral' });
      expect(compareSnapshots(before, after).championsCooling).toEqual([]);
      expect(compareSnapshots(before, after, { championStance: 0.5 }).championsCooling.map((x) => x.id)).toEqual(['cto']);
    });

    it('decision-maker access gained (none -> direct) and lost (direct -> none), named in the summary', () => {
      const without = pair({ stance: 0 }, { stance: 0 });
      const withCeo = pair({ stance: 0 }, { stance: 0 }, { contacts: [{ person: 'ceo', strength: 0.7 }] });
      const gained = compareSnapshots(without, withCeo);
      expect(gained.decisionMakerAccess).toEqual([
        { id: 'ceo', before: 'none', after: 'direct', probabilityBefore: 0, probabilityAfter: 0.7, change: 'gained' },
      ]);
      expect(gained.summary.map((s) => s.message)).toContain('Access to decision maker Chen Hua is gained.');
      const lost = compareSnapshots(withCeo, without);
      expect(lost.decisionMakerAccess[0]!.change).toBe('lost');
      // lost access comes right after the trend
      expect(lost.summary[1]!.message).toBe('Access to decision maker Chen Hua is lost.');
    });

    it('a weak path becoming a path is `gained`; a path becoming direct is `changed`', () => {
      // The only route: us -> cto (strength s) · champion factor (1 + 1)/2 · the cto -> ceo line 0.5.
      const at = (s: number, direct = 0) =>
        deal(
          [
            { id: 'ceo', roles: ['decision-maker'], influence: 0.5, stance: 0 },
            { id: 'cto', influence: 0.5, stance: 1 },
          ],
          [{ from: 'cto', to: 'ceo', kind: 'influences', weight: 0.5 }],
          { contacts: [{ person: 'cto', strength: s }, ...(direct ? [{ person: 'ceo', strength: direct }] : [])] },
        );
      // 0.1 · 1 · 0.5 = 0.05 (weak-path) -> 0.8 · 1 · 0.5 = 0.4 (path)
      expect(compareSnapshots(at(0.1), at(0.8)).decisionMakerAccess[0]!.change).toBe('gained');
      expect(compareSnapshots(at(0.8), at(0.8, 0.6)).decisionMakerAccess[0]!.change).toBe('changed');
    });

    it('a new decision maker in the later snapshot is listed with before: null', () => {
      const before = pair({ stance: 0 }, { stance: 0 });
      const after = pair({ stance: 0, roles: [] }, { stance: 0, roles: ['decision-maker'] });
      const access = compareSnapshots(before, after).decisionMakerAccess;
      expect(access.map((a) => [a.id, a.before, a.after])).toEqual([
        ['ceo', 'none', null],
        ['cto', null, 'none'],
      ]);
    });

    it("compareSnapshots(a, b, { locale: 'zh-CN' }) writes the summary in Chinese", () => {
      const c = compareSnapshots(globex('07-01'), globex('09-01'), { locale: 'zh-CN' });
      expect(c.summary[1]!.message).toBe('支持者 Nadia Haddad 已离开。');
    });

    it('compareSnapshots accepts PowerGraphs', () => {
      const a = pair({ stance: 1 }, { stance: 0 });
      const b = pair({ stance: 1 }, { stance: -1 });
      expect(compareSnapshots(buildGraph(a), buildGraph(b))).toEqual(compareSnapshots(a, b));
    });
  });
});

/** How the message catalogue shows a number: at most 3 decimals. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
