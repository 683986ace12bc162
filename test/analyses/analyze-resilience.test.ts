import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, analyzeResilience, measureSupportBase, type Resilience } from '../../src/index.js';
import { deal, harbor, infl, thrown } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal } from '../support/arbitraries.js';

function impact(r: Resilience, id: string) {
  const x = r.people.find((p) => p.id === id);
  if (!x) throw new Error(`${id} was not analysed`);
  return x;
}

/**
 * dm (influence 1, stance 0), champ (0.5, +1) -> dm 0.5, other (0.5, +1/2) connected to nobody.
 * Contacts: champ 0.8, other 0.6 (both allies too).
 * p: v = (1/2, 1/4, 1/4); W_dm = (1/2 self, 1/2 champ), champ and other listen to themselves.
 *   p_dm = 1/2 · 1/2 p_dm + 1/4 => p_dm = 1/3;  p_champ = 1/2 (p_champ + 1/2 · 1/3) + 1/8 => p_champ = 5/12;
 *   p_other = 1/4.  net = 5/12 · 1 + 1/4 · 1/2 = 13/24.
 * Access to dm: us -> champ 0.8 · (1 + 1)/2 · 0.5 = 0.4 => 'path' (champ carries the only path).
 */
const champion = () =>
  deal(
    [
      { id: 'dm', roles: ['decision-maker'], influence: 1, stance: 0 },
      { id: 'champ', influence: 0.5, stance: 1 },
      { id: 'other', influence: 0.5, stance: 0.5 },
    ],
    [infl('champ', 'dm', 0.5)],
    {
      contacts: [
        { person: 'champ', strength: 0.8 },
        { person: 'other', strength: 0.6 },
      ],
    },
  );

describe('analyzeResilience', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['analyzeResilience(d, { limit: -1 })', { limit: -1 }, 'limit'],
    ['analyzeResilience(d, { supportDrop: 3 })', { supportDrop: 3 }, 'supportDrop'],
    ['analyzeResilience(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ["analyzeResilience(d, { normalization: 'foo' })", { normalization: 'foo' }, 'normalization'],
    ['analyzeResilience(d, { people: 3 }) (unknown option name)', { people: 3 }, 'people'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => analyzeResilience(champion(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('analyzeResilience(invalid deal) throws ValidationError invalid_input', () => {
    const error = thrown(() => analyzeResilience({ schemaVersion: 1, id: 'x', people: [{ id: 'a' }, { id: 'a' }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[1].id']);
  });

  describe('analyzeResilience(champion)', () => {
    const r = analyzeResilience(champion());

    it('baseline: net 13/24, access to dm 0.4 (path)', () => {
      expect(r.baseline.net).toBeCloseTo(13 / 24, 12);
      expect(r.baseline.decisionMakerAccess).toEqual([{ id: 'dm', probability: expect.closeTo(0.4, 15), status: 'path' }]);
    });

    it('the champion who carries the only path to the decision maker is a single point of failure, and sorts first', () => {
      expect(r.people.map((p) => [p.id, p.singlePointOfFailure])).toEqual([
        ['champ', true],
        ['other', false],
      ]);
      const champ = impact(r, 'champ');
      expect(champ.lostAccessTo).toEqual(['dm']);
      expect(champ.decisionMakerAccess).toEqual([{ id: 'dm', probability: 0, status: 'none' }]);
      expect(champ.why).toEqual(['contact', 'ally']);
    });

    it('without the champion: p = v = (2/3, 1/3), net = 1/3 · 1/2 = 1/6, netLoss = 13/24 - 4/24 = 3/8 (a second reason)', () => {
      const champ = impact(r, 'champ');
      expect(champ.net).toBeCloseTo(1 / 6, 12);
      expect(champ.netLoss).toBeCloseTo(3 / 8, 12);
      expect(champ.reasons).toHaveLength(2);
    });

    it('without other: p_dm = 4/9, p_champ = 5/9, net 5/9, netLoss = 13/24 - 5/9 = -1/72; access unchanged', () => {
      // v = (2/3, 1/3): p_dm = 1/2 · 1/2 p_dm + 1/3 => p_dm = 4/9; p_champ = 5/9.
      const other = impact(r, 'other');
      expect(other.net).toBeCloseTo(5 / 9, 12);
      expect(other.netLoss).toBeCloseTo(-1 / 72, 12);
      expect(other.lostAccessTo).toEqual([]);
      expect(other.decisionMakerAccess).toEqual([{ id: 'dm', probability: expect.closeTo(0.4, 15), status: 'path' }]);
      expect(other.reasons).toEqual([]);
    });

    it('a measureSupportBase of the deal without the person agrees with the reported net', () => {
      const without = champion();
      without.people = without.people.filter((p) => p.id !== 'champ');
      without.relations = [];
      without.contacts = [{ person: 'other', strength: 0.6 }];
      expect(impact(r, 'champ').net).toBeCloseTo(measureSupportBase(without).net, 15);
    });
  });

  it.each<[string, Record<string, unknown>, string[], string[]]>([
    // Analysed by key-people score: champ 5/12 before other 1/4.
    ['analyzeResilience(champion, { limit: 1 })', { limit: 1 }, ['champ'], ['other']],
    ['analyzeResilience(champion, { limit: 0 })', { limit: 0 }, [], ['champ', 'other']],
    ['analyzeResilience(champion, { limit: 5 })', { limit: 5 }, ['champ', 'other'], []],
  ])('%s puts the rest in skipped', (_name, options, analysed, skipped) => {
    const r = analyzeResilience(champion(), options);
    expect(r.people.map((p) => p.id)).toEqual(analysed);
    expect(r.skipped).toEqual(skipped);
  });

  it('analyzeResilience(champion, { supportDrop: 2 }): losing access alone still makes a single point of failure', () => {
    const champ = impact(analyzeResilience(champion(), { supportDrop: 2 }), 'champ');
    expect(champ.singlePointOfFailure).toBe(true);
    expect(champ.reasons).toHaveLength(1);
    expect(champ.lostAccessTo).toEqual(['dm']);
  });

  it('analyzeResilience(our only contact leaves): a single point of failure even with no access to lose', () => {
    // dm and x, no edges; we know only x, so dm is unreachable already ('none'): nothing to lose but the contact.
    // p = v = (1/2, 1/2), stances 0 => netLoss 0.
    const r = analyzeResilience(
      deal([{ id: 'dm', roles: ['decision-maker'], stance: 0 }, { id: 'x', stance: 0 }], [], { contacts: [{ person: 'x', strength: 0.9 }] }),
    );
    expect(r.baseline.decisionMakerAccess).toEqual([{ id: 'dm', probability: 0, status: 'none' }]);
    expect(r.people).toHaveLength(1);
    const x = r.people[0]!;
    expect(x.id).toBe('x');
    expect(x.why).toEqual(['contact']);
    expect(x.singlePointOfFailure).toBe(true);
    expect(x.lostAccessTo).toEqual([]);
    expect(x.netLoss).toBe(0);
    expect(x.reasons).toHaveLength(1);
  });

  it('analyzeResilience(an inferred decision maker who stops being the top score): access to them is still measured, not lost', () => {
    // Nobody has a role, nobody has a manager: the decision maker is the top score. Influence unassessed
    // (uniform v). Edges x -> c, y -> c, y -> d (0.5 each); c (champion) and d (neutral) are our contacts (0.9).
    // W: c = (x 1/2, y 1/2, W_cc = 0); d = (y 1/2, self 1/2); x, y listen to themselves.
    //   p_c = 1/8;  p_d = 1/4 p_d + 1/8 => 1/6;  p_x = 1/2 (p_x + 1/2 p_c) + 1/8 => 5/16;
    //   p_y = 1/2 (p_y + 1/2 p_c + 1/2 p_d) + 1/8 => 19/48  =>  y is the decision maker (19/48 > 15/48).
    // Access to y: us -> c 0.9 · 1 · 0.5 = 0.45 (through d: 0.9 · 1/2 · 0.5 = 0.225) => 'path'.
    // Without d: v = 1/3 each, p_c = 1/6 and p_x = p_y = 5/12: tied, so x (smaller id) is the decision
    // maker now. But y is still there, and still reachable through c at 0.45: nothing is lost.
    // net: 1/8 before, 1/6 after => netLoss = -1/24.
    const r = analyzeResilience(
      deal(
        [{ id: 'x', stance: 0 }, { id: 'y', stance: 0 }, { id: 'c', stance: 1 }, { id: 'd', stance: 0 }],
        [infl('x', 'c', 0.5), infl('y', 'c', 0.5), infl('y', 'd', 0.5)],
        { contacts: [{ person: 'c', strength: 0.9 }, { person: 'd', strength: 0.9 }] },
      ),
    );
    expect(r.baseline.decisionMakerAccess).toEqual([{ id: 'y', probability: expect.closeTo(0.45, 15), status: 'path' }]);
    const d = impact(r, 'd');
    expect(d.netLoss).toBeCloseTo(-1 / 24, 12);
    expect(d.decisionMakerAccess).toEqual([{ id: 'y', probability: expect.closeTo(0.45, 15), status: 'path' }]);
    expect(d.lostAccessTo).toEqual([]);
    expect(d.singlePointOfFailure).toBe(false);
  });

  describe('analyzeResilience(Harbor)', () => {
    const r = analyzeResilience(harbor());

    it('analyses our contacts Ana (whm, also an ally) and Raj (it); Ana carries the only good path to the CEO and sorts first', () => {
      expect(r.people.map((p) => [p.id, p.singlePointOfFailure])).toEqual([
        ['whm', true],
        ['it', false],
      ]);
      expect(impact(r, 'whm').why).toEqual(['contact', 'ally']);
      expect(impact(r, 'it').why).toEqual(['contact']);
      expect(r.skipped).toEqual([]);
    });

    it('baseline access to the CEO is 0.160724 (path); without Ana the best route is weak', () => {
      expect(r.baseline.decisionMakerAccess[0]!.probability).toBeCloseTo(0.160724, 6);
      expect(r.baseline.decisionMakerAccess[0]!.status).toBe('path');
      // Without Ana, Lee's only report is Raj: it -> coo = 0.3 and coo - it q = max(0.5, 0.3) = 0.5.
      // us -> Raj 0.6 · (1 - 0.4)/2 · 0.5 · Lee (1 + 0.5)/2 · 0.5 = 0.03375 (better than via Sam: 0.01575).
      const whm = impact(r, 'whm');
      expect(whm.lostAccessTo).toEqual(['ceo']);
      expect(whm.decisionMakerAccess[0]!.probability).toBeCloseTo(0.6 * 0.3 * 0.5 * 0.75 * 0.5, 12);
      expect(whm.decisionMakerAccess[0]!.status).toBe('weak-path');
    });

    it('without Raj, the path through Ana is intact (Lee keeps whm -> coo 0.6, coo -> whm 0.5)', () => {
      const it_ = impact(r, 'it');
      expect(it_.lostAccessTo).toEqual([]);
      expect(it_.decisionMakerAccess[0]!.probability).toBeCloseTo(0.160724, 6);
      expect(r.baseline.net).toBeCloseTo(0.135763, 6);
    });
  });

  describe('properties', () => {
    test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })(
      'single points of failure come first, then net loss descending; analysed + skipped = contacts and allies',
      (raw) => {
        const r = analyzeResilience(raw, { limit: 3 });
        const spof = r.people.map((p) => p.singlePointOfFailure);
        expect(spof).toEqual([...spof].sort((a, b) => Number(b) - Number(a)));
        for (let k = 1; k < r.people.length; k++) {
          const [a, b] = [r.people[k - 1]!, r.people[k]!];
          if (a.singlePointOfFailure === b.singlePointOfFailure) expect(b.netLoss).toBeLessThanOrEqual(a.netLoss + 1e-12);
        }
        expect(r.people.length).toBeLessThanOrEqual(3);
        for (const p of r.people) {
          expect(p.singlePointOfFailure).toBe(p.reasons.length > 0);
          expect(p.netLoss).toBeCloseTo(r.baseline.net - p.net, 12);
          // access is reported for every baseline decision maker who remains
          expect(p.decisionMakerAccess.map((a) => a.id)).toEqual(r.baseline.decisionMakerAccess.map((a) => a.id).filter((id) => id !== p.id));
          for (const id of p.lostAccessTo) {
            expect(['direct', 'path']).toContain(r.baseline.decisionMakerAccess.find((a) => a.id === id)!.status);
            expect(['weak-path', 'none']).toContain(p.decisionMakerAccess.find((a) => a.id === id)!.status);
          }
        }
        expect(new Set([...r.people.map((p) => p.id), ...r.skipped]).size).toBe(r.people.length + r.skipped.length);
      },
    );

    test.prop([arbitraryShuffledDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(analyzeResilience(shuffled))).toBe(JSON.stringify(analyzeResilience(raw)));
    });

    test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(analyzeResilience(structuredClone(raw)))).toBe(JSON.stringify(analyzeResilience(structuredClone(raw))));
    });
  });
});
