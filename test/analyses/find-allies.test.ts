import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, findAllies, rankKeyPeople } from '../../src/index.js';
import { deal, harbor, thrown } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal } from '../support/arbitraries.js';

/** Ally ids of a deal of the given people and contacts (asOf 2026-11-01). */
function allyIds(people: Record<string, unknown>[], contacts: Record<string, unknown>[], options = {}): string[] {
  return findAllies(deal(people as never, [], { contacts }), options).allies.map((a) => a.id);
}

describe('findAllies', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['findAllies(d, { minRel: 2 })', { minRel: 2 }, 'minRel'],
    ['findAllies(d, { minStance: -2 })', { minStance: -2 }, 'minStance'],
    ['findAllies(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['findAllies(d, { minrel: 0.3 }) (unknown option name)', { minrel: 0.3 }, 'minrel'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => findAllies(harbor(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('findAllies(invalid deal) throws ValidationError invalid_input', () => {
    const error = thrown(() => findAllies({ schemaVersion: 1, id: 'x', people: [{ id: 'a' }], contacts: [{ person: 'b', strength: 1 }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['contacts[0].person']);
  });

  it('findAllies(Harbor): only Ana (champion, rel 0.9·0.5^(30/90) = 0.714330)', () => {
    // Lee (coo) supports us (0.5) but we have no contact; Raj (it) has rel 0.6 but stance -0.4.
    const r = findAllies(harbor());
    expect(r.allies.map((a) => a.id)).toEqual(['whm']);
    expect(r.allies[0]!.rel).toBeCloseTo(0.9 * 0.5 ** (30 / 90), 15);
    expect(r.allies[0]!.rel).toBeCloseTo(0.71433, 6);
    expect(r.allies[0]!.stance).toBe(1);
    expect(r.allies[0]!.score).toBeCloseTo(0.185622, 6);
    expect(r.weight).toBeCloseTo(0.185622, 6);
  });

  describe('thresholds: stance >= 0.5 and rel >= 0.3 after decay (asOf 2026-11-01, half-life 90 days)', () => {
    it.each<[string, Record<string, unknown>, Record<string, unknown> | null, boolean]>([
      ['stance 0.5, rel 0.3 (both exactly at the threshold)', { stance: 0.5 }, { strength: 0.3 }, true],
      ['supporter label, rel 0.9', { stance: 'supporter' }, { strength: 0.9 }, true],
      ['stance 0.49, rel 0.9', { stance: 0.49 }, { strength: 0.9 }, false],
      ['unknown stance, rel 0.9', { stance: null }, { strength: 0.9 }, false],
      ['champion, no contact (rel 0)', { stance: 1 }, null, false],
      ['champion, rel 0.29', { stance: 1 }, { strength: 0.29 }, false],
      // 0.5 · 0.5^(90/90) = 0.25 < 0.3: decayed below the threshold
      ['champion, strength 0.5 last seen 90 days ago => 0.25', { stance: 1 }, { strength: 0.5, lastContact: '2026-08-03' }, false],
      // 0.5 · 0.5^(45/90) = 0.3536 >= 0.3
      ['champion, strength 0.5 last seen 45 days ago => 0.354', { stance: 1 }, { strength: 0.5, lastContact: '2026-09-17' }, true],
      // 0.6 · 0.5^1 = 0.3 exactly (halving is exact in binary)
      ['champion, strength 0.6 last seen 90 days ago => 0.3', { stance: 1 }, { strength: 0.6, lastContact: '2026-08-03' }, true],
      // a contact dated after asOf does not decay (days = max(0, ...))
      ['champion, strength 0.3 last seen after asOf', { stance: 1 }, { strength: 0.3, lastContact: '2026-12-01' }, true],
    ])('%s => ally: %s', (_name, fields, contact, isAlly) => {
      const contacts = contact ? [{ person: 'x', ...contact }] : [];
      expect(allyIds([{ id: 'x', ...fields }, { id: 'y' }], contacts)).toEqual(isAlly ? ['x'] : []);
    });

    it('findAllies(two contacts with one person): the strongest after decay counts', () => {
      // 0.9 · 0.5^(180/90) = 0.225, 0.35 undated => rel = max = 0.35 >= 0.3
      const r = findAllies(
        deal([{ id: 'x', stance: 1 }], [], {
          contacts: [
            { person: 'x', strength: 0.9, lastContact: '2026-05-05' },
            { person: 'x', strength: 0.35 },
          ],
        }),
      );
      expect(r.allies.map((a) => [a.id, a.rel])).toEqual([['x', 0.35]]);
    });

    it('findAllies(deal without asOf): no decay', () => {
      const raw = deal([{ id: 'x', stance: 1 }], [], { contacts: [{ person: 'x', strength: 0.5, lastContact: '2020-01-01' }] });
      delete raw.asOf;
      expect(findAllies(raw).allies.map((a) => a.rel)).toEqual([0.5]);
    });

    it.each([
      ['findAllies(d, { minStance: 1 })', { minStance: 1 }, ['champ']],
      ['findAllies(d, { minRel: 0.8 })', { minRel: 0.8 }, ['sup']],
      ['findAllies(d, { minStance: 0, minRel: 0 })', { minStance: 0, minRel: 0 }, ['champ', 'neutral', 'sup']],
    ])('%s moves the thresholds', (_name, options, ids) => {
      const people = [
        { id: 'champ', stance: 1 },
        { id: 'sup', stance: 0.5 },
        { id: 'neutral', stance: 0 },
        { id: 'opp', stance: -1 },
      ];
      const contacts = [
        { person: 'champ', strength: 0.5 },
        { person: 'sup', strength: 0.9 },
        { person: 'opp', strength: 1 },
      ];
      expect(allyIds(people, contacts, options).sort()).toEqual(ids);
    });
  });

  it('findAllies(d) sorts allies by key-people score, and weight is the sum of their scores', () => {
    // boss -> aide 0.5: p_boss = 2/3, p_aide = 1/3 (the two-person case of rankKeyPeople).
    const r = findAllies(
      deal([{ id: 'aide', stance: 1, influence: 0.5 }, { id: 'boss', stance: 0.5, influence: 0.5 }], [{ from: 'boss', to: 'aide', kind: 'influences', weight: 0.5 }], {
        contacts: [
          { person: 'aide', strength: 1 },
          { person: 'boss', strength: 0.4 },
        ],
      }),
    );
    expect(r.allies.map((a) => a.id)).toEqual(['boss', 'aide']);
    expect(r.allies[0]!.score).toBeCloseTo(2 / 3, 12);
    expect(r.weight).toBeCloseTo(1, 12);
  });

  describe('properties', () => {
    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('every ally has stance >= 0.5 and rel >= 0.3, and their score is their key-people score', (raw) => {
      const r = findAllies(raw);
      const score = new Map(rankKeyPeople(raw).people.map((p) => [p.id, p.score]));
      for (const a of r.allies) {
        expect(a.stance).toBeGreaterThanOrEqual(0.5);
        expect(a.rel).toBeGreaterThanOrEqual(0.3);
        expect(a.score).toBe(score.get(a.id));
      }
    });

    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(findAllies(shuffled))).toBe(JSON.stringify(findAllies(raw)));
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(findAllies(structuredClone(raw)))).toBe(JSON.stringify(findAllies(structuredClone(raw))));
    });
  });
});
