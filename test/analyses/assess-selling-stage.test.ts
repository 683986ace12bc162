import { describe, expect, it } from 'vitest';
import { OptionError, SELLING_STAGES, ValidationError, assessSellingStage, buildGraph } from '../../src/index.js';
import { deal, harbor, thrown } from '../support/analysis-fixtures.js';
import type { RawDeal } from '../support/arbitraries.js';

/**
 * A plant-automation deal. The CEO is the decision maker; CFO, IT head and operations head report
 * to the CEO; a line supervisor reports to operations. Levels: ceo 1; cfo, it, ops 2; user 3.
 */
const people = (over: Record<string, Record<string, unknown>> = {}) =>
  [
    { id: 'ceo', name: 'Zhao Gang', roles: ['decision-maker'], influence: 1, stance: null },
    { id: 'cfo', name: 'Qian Li', reportsTo: 'ceo', roles: ['economic-buyer'], influence: 0.8, stance: 'neutral' },
    { id: 'it', name: 'Sun Yu', reportsTo: 'ceo', roles: ['technical-buyer'], influence: 0.6, stance: 'supporter' },
    { id: 'ops', name: 'Zhou Hai', reportsTo: 'ceo', roles: ['approver'], influence: 0.6, stance: 'supporter' },
    { id: 'user', name: 'Wu Lan', reportsTo: 'ops', roles: ['user'], influence: 0.3, stance: 'supporter' },
  ].map((p) => ({ ...p, ...over[p.id] }));

const team = [
  { id: 'rep', name: 'Account Manager' },
  { id: 'se', name: 'Solution Engineer' },
  { id: 'exec', name: 'Regional VP' },
];

/** Relationship selling: one salesperson with personal ties to two people, no needs recorded. */
function relationshipDeal(): RawDeal {
  return deal(people(), [], {
    team,
    contacts: [
      { member: 'rep', person: 'cfo', strength: 0.8 },
      { member: 'rep', person: 'it', strength: 0.5 },
    ],
  });
}

/**
 * Needs selling: two of ours (rep, se) engage three of theirs (cfo, it, user); needs recorded for
 * cfo and it, not for user => 2/3 of the engaged. The IT head is an ally at level 2 (supporter,
 * strength 0.6); the CEO's stance is unknown.
 */
function needsDeal(): RawDeal {
  return deal(
    people({
      cfo: { needs: ['payback inside 18 months'] },
      it: { needs: ['single sign-on with the MES'] },
      user: { inProject: true },
    }),
    [],
    {
      team,
      contacts: [
        { member: 'rep', person: 'cfo', strength: 0.6 },
        { member: 'se', person: 'it', strength: 0.6 },
        { member: 'se', person: 'user', strength: 0.4 },
      ],
    },
  );
}

/**
 * Trust selling: three of ours engage all five of theirs, everyone's needs recorded, allies at
 * level 2, and the CEO (supporter) is a direct contact (strength 0.6 >= 0.5).
 */
function trustDeal(): RawDeal {
  const needs = { needs: ['a need'] };
  return deal(
    people({ ceo: { stance: 'supporter', ...needs }, cfo: needs, it: { stance: 'champion', ...needs }, ops: needs, user: needs }),
    [],
    {
      team,
      contacts: [
        { member: 'exec', person: 'ceo', strength: 0.6 },
        { member: 'rep', person: 'cfo', strength: 0.5 },
        { member: 'rep', person: 'ops', strength: 0.7 },
        { member: 'se', person: 'it', strength: 0.8 },
        { member: 'se', person: 'user', strength: 0.5 },
      ],
    },
  );
}

const missing = (raw: unknown, options = {}) => assessSellingStage(raw, options).missingForNext.map((m) => m.code);

describe('assessSellingStage', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['assessSellingStage(d, { needsRecorded: 1.5 })', { needsRecorded: 1.5 }, 'needsRecorded'],
    ['assessSellingStage(d, { seniorLevel: 0 })', { seniorLevel: 0 }, 'seniorLevel'],
    ['assessSellingStage(d, { trustOurPeople: -1 })', { trustOurPeople: -1 }, 'trustOurPeople'],
    ['assessSellingStage(d, { needsTheirPeople: 2.5 })', { needsTheirPeople: 2.5 }, 'needsTheirPeople'],
    ["assessSellingStage(d, { locale: 'de' })", { locale: 'de' }, 'locale'],
    ['assessSellingStage(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['assessSellingStage(d, { stage: "needs" }) (unknown option name)', { stage: 'needs' }, 'stage'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => assessSellingStage(needsDeal(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('assessSellingStage(invalid deal) throws ValidationError invalid_input', () => {
    const raw = needsDeal();
    (raw.contacts as Record<string, unknown>[])[0]!.member = 'partner';
    const error = thrown(() => assessSellingStage(raw));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([['unknown_member', 'contacts[0].member']]);
  });

  it('the stages are relationship, needs, trust (M3)', () => {
    expect(SELLING_STAGES).toEqual(['relationship', 'needs', 'trust']);
  });

  describe('relationship selling: one salesperson, personal ties', () => {
    const s = assessSellingStage(relationshipDeal());

    it('reads the evidence: 1 of ours, 2 of theirs, no needs recorded', () => {
      expect(s.stage).toBe('relationship');
      // Allies: it (supporter, strength 0.5 >= 0.3) at level 2. The CEO's stance is unknown.
      expect(s.evidence).toEqual({
        ourPeopleEngaged: 1,
        theirPeopleEngaged: 2,
        needsRecordedShare: 0,
        seniorAllies: ['it'],
        decisionMakerSupport: false,
      });
    });

    it('names what needs selling takes: a small team (1 < 2 of ours and 2 < 3 of theirs) and needs for half', () => {
      expect(s.missingForNext.map((m) => [m.code, m.params])).toEqual([
        ['stage_need_team', { ours: 1, theirs: 2, needOurs: 2, needTheirs: 3 }],
        ['stage_need_needs', { share: '0%', needed: '50%' }],
      ]);
      expect(s.missingForNext[0]!.message).toBe('1 of our people engage 2 of theirs; needs selling takes 2 of ours or 3 of theirs.');
    });

    it('Harbor (one account manager, Ana and Raj, no needs) is at relationship selling too', () => {
      const h = assessSellingStage(harbor());
      expect(h.stage).toBe('relationship');
      expect([h.evidence.ourPeopleEngaged, h.evidence.theirPeopleEngaged]).toEqual([1, 2]);
    });
  });

  describe('needs selling: a small team and recorded needs', () => {
    const s = assessSellingStage(needsDeal());

    it('reads the evidence: 2 of ours, 3 of theirs, needs for 2 of 3, the IT head a senior ally', () => {
      expect(s.stage).toBe('needs');
      expect(s.evidence.ourPeopleEngaged).toBe(2);
      expect(s.evidence.theirPeopleEngaged).toBe(3);
      expect(s.evidence.needsRecordedShare).toBeCloseTo(2 / 3, 15);
      // user is an ally too (supporter, 0.4) but at level 3
      expect(s.evidence.seniorAllies).toEqual(['it']);
      expect(s.evidence.decisionMakerSupport).toBe(false);
    });

    it('names what trust selling takes: 3 of ours engaging 5 of theirs, needs for 75%, a supportive decision maker', () => {
      expect(s.missingForNext.map((m) => [m.code, m.params])).toEqual([
        ['stage_trust_team', { ours: 2, theirs: 3, needOurs: 3, needTheirs: 5 }],
        ['stage_need_needs', { share: '67%', needed: '75%' }],
        ['stage_trust_dm', {}],
      ]);
    });

    it('one of ours engaging three of theirs is also enough of a team (ours OR theirs)', () => {
      const raw = needsDeal();
      for (const c of raw.contacts as Record<string, unknown>[]) c.member = 'rep';
      const r = assessSellingStage(raw);
      expect(r.evidence.ourPeopleEngaged).toBe(1);
      expect(r.stage).toBe('needs');
    });

    it('contacts without a named member count as one of our people', () => {
      const raw = needsDeal();
      for (const c of raw.contacts as Record<string, unknown>[]) delete c.member;
      expect(assessSellingStage(raw).evidence.ourPeopleEngaged).toBe(1);
    });

    it('{ seniorLevel: 1 }: an ally at level 2 is no longer senior enough', () => {
      const r = assessSellingStage(needsDeal(), { seniorLevel: 1 });
      expect(r.evidence.seniorAllies).toEqual([]);
      expect(r.missingForNext.map((m) => [m.code, m.params])).toContainEqual(['stage_trust_senior_ally', { level: 1 }]);
    });
  });

  describe('trust selling: the whole organisation sells', () => {
    const s = assessSellingStage(trustDeal());

    it('3 of ours engage 5 of theirs, every need recorded, senior allies, a supportive decision maker we know directly', () => {
      expect(s.stage).toBe('trust');
      expect(s.evidence.ourPeopleEngaged).toBe(3);
      expect(s.evidence.theirPeopleEngaged).toBe(5);
      expect(s.evidence.needsRecordedShare).toBe(1);
      // allies at level <= 2: ceo (0.5, 0.6), it (1, 0.8), ops (0.5, 0.7); user is level 3
      expect([...s.evidence.seniorAllies].sort()).toEqual(['ceo', 'it', 'ops']);
      expect(s.evidence.decisionMakerSupport).toBe(true);
      expect(s.missingForNext).toEqual([]);
    });

    it('a supportive decision maker reached through a path (not directly) still counts', () => {
      // Without the CEO contact: the best path is us -> it (0.8) · (1 + 1)/2 · max(w_it,ceo = 0.3/3, w_ceo,it = 0.5)
      // = 0.4 >= 0.1 => status path. Four of theirs remain engaged (< 5), so the team is what is missing.
      const raw = trustDeal();
      raw.contacts = (raw.contacts as Record<string, unknown>[]).filter((c) => c.person !== 'ceo');
      const r = assessSellingStage(raw);
      expect(r.evidence.decisionMakerSupport).toBe(true);
      expect(r.stage).toBe('needs');
      expect(r.missingForNext.map((m) => m.code)).toEqual(['stage_trust_team']);
    });

    it('a decision maker who is only neutral keeps the account at needs selling', () => {
      const raw = trustDeal();
      raw.people[0] = { ...raw.people[0]!, stance: 'neutral' };
      expect(missing(raw)).toEqual(['stage_trust_dm']);
    });
  });

  it('thresholds are options: { needsOurPeople: 1, needsRecorded: 0 } puts the one-salesperson account at needs selling', () => {
    expect(assessSellingStage(relationshipDeal(), { needsOurPeople: 1, needsRecorded: 0 }).stage).toBe('needs');
    // and { trustOurPeople: 2, trustTheirPeople: 3, trustNeedsRecorded: 0.5 } leaves only the decision maker missing
    expect(missing(needsDeal(), { trustOurPeople: 2, trustTheirPeople: 3, trustNeedsRecorded: 0.5 })).toEqual(['stage_trust_dm']);
  });

  it("assessSellingStage(d, { locale: 'zh-CN' }) writes what is missing in Chinese", () => {
    const s = assessSellingStage(relationshipDeal(), { locale: 'zh-CN' });
    expect(s.missingForNext.map((m) => m.message)).toEqual([
      '我方 1 人接触了对方 2 人；需求营销需要我方 2 人或对方 3 人。',
      '已记录需求的接触对象占 0%；需要达到 50%。',
    ]);
  });

  it('assessSellingStage(PowerGraph) equals assessSellingStage(raw deal)', () => {
    expect(assessSellingStage(buildGraph(needsDeal()))).toEqual(assessSellingStage(needsDeal()));
  });
});
