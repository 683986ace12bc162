import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, simulate, type Change } from '../../src/index.js';
import { clone, deal, harbor, thrown } from '../support/analysis-fixtures.js';
import { freezeDeep } from '../support/arbitraries.js';

/**
 * Two people and no influence lines, so W = I and the Friedkin–Johnsen opinions stay where they
 * are: x* = (I − L)^−1 (I − L) u = u. The committee lean is then Σ v_i u_i with v = (1/2, 1/2).
 */
const twoNeutrals = () =>
  deal([
    { id: 'ceo', name: 'Dana Reyes', roles: ['decision-maker'], influence: 0.5, stance: 'neutral' },
    { id: 'cfo', name: 'Sam Okafor', influence: 0.5, stance: 'neutral' },
  ]);

const issues = (error: unknown) => (error as ValidationError).issues.map((i) => [i.code, i.path]);

describe('simulate', () => {
  it('simulate(d, [{ type: "stance", person: "nobody" }]) throws ValidationError invalid_input at changes[0].person', () => {
    const error = thrown(() => simulate(harbor(), [{ type: 'stance', person: 'nobody', stance: 1 }]));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect(issues(error)).toEqual([['unknown_person', 'changes[0].person']]);
  });

  it('reports every bad change at once, each with its path', () => {
    const changes = [
      { type: 'contact', person: 'ceo', strength: 0.8 },
      { type: 'leave', person: 'cto' },
      { type: 'relation', from: 'whm', to: 'board', kind: 'influences', weight: 0.3 },
      { type: 'promote', person: 'whm' },
      { type: 'influence', person: 'ghost', influence: 'high' },
    ] as unknown as Change[];
    expect(issues(thrown(() => simulate(harbor(), changes)))).toEqual([
      ['unknown_person', 'changes[1].person'],
      ['unknown_person', 'changes[2].to'],
      ['invalid_value', 'changes[3].type'],
      ['unknown_person', 'changes[4].person'],
    ]);
  });

  it('changes that are not an array throw ValidationError at changes', () => {
    expect(issues(thrown(() => simulate(harbor(), 'leave whm' as never)))).toEqual([['invalid_type', 'changes']]);
  });

  it('a change that makes the deal invalid throws the ValidationError of the changed deal', () => {
    const error = thrown(() => simulate(harbor(), [{ type: 'stance', person: 'whm', stance: 'fan' }]));
    expect(error).toBeInstanceOf(ValidationError);
    expect(issues(error)).toEqual([['unknown_label', 'people[3].stance']]);
    // a joiner with an id already taken
    expect(issues(thrown(() => simulate(harbor(), [{ type: 'join', person: { id: 'ceo' } }])))).toEqual([['duplicate_id', 'people[6].id']]);
  });

  it('an invalid input deal throws ValidationError; a bad option throws OptionError', () => {
    expect(thrown(() => simulate({ id: 'x', people: [] }, []))).toBeInstanceOf(ValidationError);
    const error = thrown(() => simulate(harbor(), [], { locale: 'xx' } as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe('locale');
  });

  it('never mutates the input deal or the changes (deep-frozen)', () => {
    const raw = harbor();
    const copy = clone(raw);
    const changes: Change[] = [
      { type: 'stance', person: 'ceo', stance: 'supporter' },
      { type: 'influence', person: 'whm', influence: 'high' },
      { type: 'contact', person: 'ceo', strength: 0.7, member: 'rep', lastContact: '2026-10-30' },
      { type: 'relation', from: 'whm', to: 'ceo', kind: 'influences', weight: 0.2 },
      { type: 'join', person: { id: 'cto', name: 'Mia Wong', reportsTo: 'ceo', stance: 'supporter' } },
      { type: 'leave', person: 'buyer' },
    ];
    const changesCopy = clone(changes);
    freezeDeep(raw);
    freezeDeep(changes);
    const s = simulate(raw, changes);
    expect(raw).toEqual(copy);
    expect(changes).toEqual(changesCopy);
    // and the result is the changed deal, not the input
    expect(s.deal.people.map((p) => p.id).sort()).toEqual(['ceo', 'cfo', 'coo', 'cto', 'it', 'whm']);
    expect(s.before.deal).toEqual(s.after.deal); // same id, name, date, stage
  });

  it('no changes: before equals after, nothing added or removed', () => {
    const s = simulate(harbor(), []);
    expect(JSON.stringify(s.after)).toBe(JSON.stringify(s.before));
    expect([s.differences.flagsAdded, s.differences.flagsRemoved]).toEqual([[], []]);
    expect(s.differences.lean.change).toBe(0);
  });

  describe('a stance change moves the committee lean in its direction', () => {
    it('winning over the CFO (neutral -> champion) raises lean, net and support by v_cfo · 1 = 1/2', () => {
      const s = simulate(twoNeutrals(), [{ type: 'stance', person: 'cfo', stance: 'champion' }]);
      expect(s.differences.lean.before).toBeCloseTo(0, 12);
      expect(s.differences.lean.after).toBeCloseTo(0.5, 12);
      expect(s.differences.lean.change).toBeCloseTo(0.5, 12);
      expect(s.differences.net.change).toBeCloseTo(0.5, 12);
      expect(s.differences.support.change).toBeCloseTo(0.5, 12);
      expect(s.deal.people.find((p) => p.id === 'cfo')!.stance).toBe(1);
    });

    it('losing the CFO (neutral -> skeptic) lowers the lean by 1/2 · 1/2 = 1/4', () => {
      const s = simulate(twoNeutrals(), [{ type: 'stance', person: 'cfo', stance: 'skeptic' }]);
      expect(s.differences.lean.change).toBeCloseTo(-0.25, 12);
    });

    it('on Harbor, winning over Raj (the best engagement) raises the lean', () => {
      expect(simulate(harbor(), [{ type: 'stance', person: 'it', stance: 'champion' }]).differences.lean.change).toBeGreaterThan(0);
      expect(simulate(harbor(), [{ type: 'stance', person: 'coo', stance: 'opponent' }]).differences.lean.change).toBeLessThan(0);
    });
  });

  describe('a new contact with the decision maker', () => {
    const s = simulate(harbor(), [{ type: 'contact', person: 'ceo', strength: 0.8, member: 'rep' }]);

    it("turns her status from 'path' (0.160724, worked example) to 'direct' (the contact itself, 0.8)", () => {
      const [ceo] = s.differences.decisionMakerAccess;
      expect(ceo!.id).toBe('ceo');
      expect(ceo!.before!.status).toBe('path');
      expect(ceo!.before!.probability).toBeCloseTo(0.160724, 6);
      expect(ceo!.after).toEqual({ status: 'direct', probability: 0.8 });
    });

    it('removes the no_dm_contact flag', () => {
      expect(s.differences.flagsRemoved.map((f) => f.code)).toContain('no_dm_contact');
      expect(s.after.flags.map((f) => f.code)).not.toContain('no_dm_contact');
      expect(s.differences.flagsAdded.map((f) => f.code)).not.toContain('no_dm_contact');
    });

    it('the decision threshold still fails (her stance is unknown) until she is also won over', () => {
      expect(s.differences.thresholds.decision).toEqual({ before: false, after: false });
      const won = simulate(harbor(), [
        { type: 'contact', person: 'ceo', strength: 0.8 },
        { type: 'stance', person: 'ceo', stance: 'supporter' },
      ]);
      expect(won.differences.thresholds.decision).toEqual({ before: false, after: true });
    });
  });

  describe('a person leaving', () => {
    const s = simulate(harbor(), [{ type: 'leave', person: 'whm' }]);

    it('takes her relations and contacts with her', () => {
      expect(s.deal.people.map((p) => p.id)).not.toContain('whm');
      expect(s.deal.relations.some((r) => r.from === 'whm' || r.to === 'whm')).toBe(false);
      expect(s.deal.contacts.map((c) => c.person)).toEqual(['it']);
    });

    it('drops access to the CEO to a weak path through Raj and Lee', () => {
      // us -> it 0.6 · (1 − 0.4)/2 · max(w_coo,it 0.5, w_it,coo 0.3) · Lee (1 + 0.5)/2 · max(w_ceo,coo 0.5, w_coo,ceo 0.15)
      // = 0.6 · 0.3 · 0.5 · 0.75 · 0.5 = 0.03375 < 0.1 (beats the route through Sam, 0.01575)
      const [ceo] = s.differences.decisionMakerAccess;
      expect(ceo!.after!.status).toBe('weak-path');
      expect(ceo!.after!.probability).toBeCloseTo(0.03375, 12);
    });

    it('raises single_threaded: Raj is the only contact left', () => {
      const added = s.differences.flagsAdded.filter((f) => f.code === 'single_threaded');
      expect(added.map((f) => [f.severity, f.people])).toEqual([['high', ['it']]]);
    });
  });

  it('a person joining: labels accepted, part of the after assessment only', () => {
    const s = simulate(harbor(), [{ type: 'join', person: { id: 'cto', name: 'Mia Wong', reportsTo: 'ceo', influence: 'high', stance: 'supporter' } }]);
    const cto = s.deal.people.find((p) => p.id === 'cto')!;
    expect([cto.influence, cto.stance, cto.reportsTo]).toEqual([0.75, 0.5, ['ceo']]);
    expect(s.after.ranking.people.map((p) => p.id)).toContain('cto');
    expect(s.before.ranking.people.map((p) => p.id)).not.toContain('cto');
  });

  it('changes apply in order: a joiner can then be contacted', () => {
    const s = simulate(twoNeutrals(), [
      { type: 'join', person: { id: 'cto', stance: 'champion', influence: 0.5 } },
      { type: 'contact', person: 'cto', strength: 0.9 },
    ]);
    expect(s.deal.contacts).toEqual([{ person: 'cto', strength: 0.9 }]);
    expect(s.after.allies.allies.map((a) => a.id)).toEqual(['cto']);
  });

  it('an influence change and a new relation reach the changed deal', () => {
    const s = simulate(harbor(), [
      { type: 'influence', person: 'whm', influence: { scale5: 5 } },
      { type: 'relation', from: 'whm', to: 'ceo', kind: 'influences', weight: 0.4 },
    ]);
    expect(s.deal.people.find((p) => p.id === 'whm')!.influence).toBe(1);
    expect(s.deal.relations.at(-1)).toEqual({ from: 'whm', to: 'ceo', kind: 'influences', weight: 0.4 });
  });

  it('accepts a PowerGraph, and passes the options to both assessments', () => {
    const s = simulate(buildGraph(harbor()), [{ type: 'leave', person: 'whm' }], { locale: 'zh-CN' });
    expect(s.before.flags[0]!.message).toBe('在项目进行到 60% 时仍未直接接触决策者 Dana Reyes（path）。');
    expect(s.after.flags.find((f) => f.code === 'single_threaded')!.message).toBe('单线联系：我们只与 1 人有关系：Raj Mehta。');
  });
});
