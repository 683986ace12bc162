import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INFORMATION_POINTS, OptionError, ValidationError, assessInformation, buildGraph } from '../../src/index.js';
import { clone, deal, harbor, thrown } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, type RawDeal } from '../support/arbitraries.js';

/**
 * A medical-devices deal early in discovery (M5). Four people, ids in sorted order ceo < cio < cto < pm:
 * - ceo  Wang Jun   decision maker, influence 0.9, neutral, no manager (the top, level 1);
 * - cio  Zhang Wei  reports to ceo, influence NOT assessed, stance UNKNOWN, takes part, no needs;
 * - cto  Li Qiang   reports to ceo, influence NOT assessed, supporter;
 * - pm   Chen Mei   reports to cio, influence low, neutral, needs recorded.
 * We have contacts with Zhang Wei and Chen Mei. Intel: the plan has steps but no difficulties.
 */
function discoveryDeal(): RawDeal {
  return deal(
    [
      { id: 'ceo', name: 'Wang Jun', roles: ['decision-maker'], influence: 0.9, stance: 'neutral' },
      { id: 'cio', name: 'Zhang Wei', reportsTo: 'ceo', influence: null, stance: null, inProject: true },
      { id: 'cto', name: 'Li Qiang', reportsTo: 'ceo', influence: null, stance: 'supporter' },
      { id: 'pm', name: 'Chen Mei', reportsTo: 'cio', influence: 'low', stance: 'neutral', needs: ['faster month-end close'] },
    ],
    [],
    {
      team: [{ id: 'rep', name: 'Account Manager' }],
      contacts: [
        { member: 'rep', person: 'cio', strength: 0.6 },
        { member: 'rep', person: 'pm', strength: 0.5 },
      ],
      intel: { plan: { steps: ['demo to the CIO', 'pilot in one plant', 'proposal to the CEO'] } },
    },
  );
}

/** The discovery deal with more fields merged in (intel, competitors, key success factors...). */
function withFields(more: Record<string, unknown>): RawDeal {
  return { ...discoveryDeal(), ...more };
}

const point = (raw: unknown, n: number, options = {}) => assessInformation(raw, options).points[n - 1]!;
const codes = (raw: unknown, n: number) => point(raw, n).gaps.map((g) => g.code);

describe('assessInformation', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['assessInformation(d, { knownAt: 1.5 })', { knownAt: 1.5 }, 'knownAt'],
    ["assessInformation(d, { locale: 'fr' })", { locale: 'fr' }, 'locale'],
    ['assessInformation(d, { maxNames: 0 })', { maxNames: 0 }, 'maxNames'],
    ['assessInformation(d, { maxNames: 2.5 })', { maxNames: 2.5 }, 'maxNames'],
    ['assessInformation(d, { knownat: 0.8 }) (unknown option name)', { knownat: 0.8 }, 'knownat'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => assessInformation(discoveryDeal(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('assessInformation(invalid deal) throws ValidationError invalid_input with the path of each problem', () => {
    const raw = withFields({ intel: { plan: { steps: 'demo' } }, competitors: [{ id: 'rival', strength: 2 }] });
    const error = thrown(() => assessInformation(raw));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['competitors[0].strength', 'intel.plan.steps']);
  });

  describe('assessInformation(discovery deal): the nine points of M5', () => {
    const info = assessInformation(discoveryDeal());

    it('returns the nine points in the method order, numbered 1..9', () => {
      expect(info.points.map((p) => [p.number, p.point])).toEqual(INFORMATION_POINTS.map((p, k) => [k + 1, p]));
    });

    it('point 1 (plan): steps recorded, difficulties not => partial 1/2 with one gap', () => {
      const p = info.points[0]!;
      expect(p.status).toBe('partial');
      expect(p.score).toBe(0.5);
      expect(p.gaps.map((g) => g.code)).toEqual(['gap_plan_difficulties']);
      expect(p.gaps[0]!.message).toBe('The key difficulties on the way are not recorded (intel.plan.difficulties).');
    });

    it('point 2 (procurement): nothing recorded => unknown 0 with both gaps', () => {
      expect(info.points[1]!.status).toBe('unknown');
      expect(info.points[1]!.score).toBe(0);
      expect(info.points[1]!.gaps.map((g) => g.code)).toEqual(['gap_procurement_process', 'gap_procurement_focus']);
    });

    it('point 3 (organisation): 4 of 4 placed, 3 of 4 stances known => (1 + 3/4)/2 = 7/8, known', () => {
      const p = info.points[2]!;
      expect(p.score).toBe(7 / 8);
      expect(p.status).toBe('known'); // 0.875 >= 0.8
      expect(p.gaps.map((g) => g.message)).toEqual(['Stance unknown for: Zhang Wei.']);
    });

    it('point 4 (decision structure): decision maker marked, influence assessed for 2 of 4 => 1/2 + 1/2·2/4 = 3/4, partial', () => {
      const p = info.points[3]!;
      expect(p.score).toBe(0.75);
      expect(p.status).toBe('partial');
      // The two people without an assessment, named in id order (cio, cto).
      expect(p.gaps).toHaveLength(1);
      expect(p.gaps[0]!.code).toBe('gap_influence_unassessed');
      expect(p.gaps[0]!.params).toEqual({ count: 2, people: 'Zhang Wei, Li Qiang' });
      expect(p.gaps[0]!.message).toBe('Influence not assessed for: Zhang Wei, Li Qiang.');
    });

    it('point 5 (finance): budget, approval and credit all missing => unknown with three gaps', () => {
      expect(info.points[4]!.score).toBe(0);
      expect(info.points[4]!.gaps.map((g) => g.code)).toEqual(['gap_budget', 'gap_budget_approved', 'gap_credit']);
    });

    it('point 6 (needs): no project reason; engaged = Zhang Wei (contact, takes part) and Chen Mei (contact); needs for 1 of 2 => 0 + 1/2·1/2 = 1/4', () => {
      const p = info.points[5]!;
      expect(p.score).toBe(0.25);
      expect(p.status).toBe('partial');
      expect(p.gaps.map((g) => g.message)).toEqual([
        'Why the customer started the project is not recorded (intel.projectReason).',
        'Needs not recorded for: Zhang Wei.',
      ]);
    });

    it('points 7, 8, 9 (resources, competitors, success factors): nothing recorded => unknown', () => {
      expect(info.points.slice(6).map((p) => [p.status, p.score])).toEqual([
        ['unknown', 0],
        ['unknown', 0],
        ['unknown', 0],
      ]);
      expect(info.points[7]!.gaps.map((g) => g.code)).toEqual(['gap_no_competitors']);
      expect(info.points[8]!.gaps.map((g) => g.code)).toEqual(['gap_ksf_none']);
    });

    it('completeness = mean of the nine scores = (1/2 + 0 + 7/8 + 3/4 + 0 + 1/4 + 0 + 0 + 0)/9 = 19/72', () => {
      expect(info.completeness).toBeCloseTo(19 / 72, 15);
    });
  });

  describe('point by point', () => {
    it.each<[string, Record<string, unknown> | undefined, number, string[]]>([
      ['no plan at all', undefined, 0, ['gap_plan_steps', 'gap_plan_difficulties']],
      ['difficulties only', { difficulties: ['IT owns the roadmap'] }, 0.5, ['gap_plan_steps']],
      ['steps and difficulties', { steps: ['pilot'], difficulties: ['IT owns the roadmap'] }, 1, []],
      ['empty lists count as not recorded', { steps: [], difficulties: [] }, 0, ['gap_plan_steps', 'gap_plan_difficulties']],
    ])('point 1 with %s => score %s', (_name, plan, score, gaps) => {
      const raw = withFields({ intel: plan === undefined ? {} : { plan } });
      expect(point(raw, 1).score).toBe(score);
      expect(codes(raw, 1)).toEqual(gaps);
    });

    it('point 2 with the process but not the focus => 1/2', () => {
      const raw = withFields({ intel: { procurement: { process: ['tender', 'board approval'] } } });
      expect(point(raw, 2).score).toBe(0.5);
      expect(codes(raw, 2)).toEqual(['gap_procurement_focus']);
    });

    it('point 3: a second person without a manager is not placed; the top is the one people report to', () => {
      // 'adviser' (no reportsTo, derived level 1) sorts before 'ceo', but nobody reports to her:
      // placed 4 of 5 (the CEO heads the structure), stances known 4 of 5 (Zhang Wei unknown)
      // => (4/5 + 4/5)/2 = 4/5.
      const raw = discoveryDeal();
      raw.people.push({ id: 'adviser', name: 'Zhou Min', influence: 0.2, stance: 'neutral' });
      const p = point(raw, 3);
      expect(p.score).toBeCloseTo(4 / 5, 15);
      expect(p.gaps.map((g) => g.message)).toEqual(['No reporting line for: Zhou Min.', 'Stance unknown for: Zhang Wei.']);
    });

    it('point 3: someone without a manager at an explicit lower level (an assistant) is not the top', () => {
      // placed 4 of 5, stances known 4 of 5 => 4/5
      const raw = discoveryDeal();
      raw.people.push({ id: 'assistant', name: 'Liu Fang', level: 4, roles: ['gatekeeper'], influence: 'low', stance: 'neutral' });
      expect(point(raw, 3).score).toBeCloseTo(4 / 5, 15);
      expect(point(raw, 3).gaps[0]!.message).toBe('No reporting line for: Liu Fang.');
    });

    it('point 4 without anyone marked decision maker or economic buyer: 0 + 1/2·2/4 = 1/4, and the gap says so', () => {
      const raw = discoveryDeal();
      raw.people[0] = { ...raw.people[0]!, roles: ['approver'] };
      expect(point(raw, 4).score).toBe(0.25);
      expect(codes(raw, 4)).toEqual(['gap_influence_unassessed', 'gap_no_decision_maker']);
    });

    it('point 4: an economic buyer counts as a marked decision structure', () => {
      const raw = discoveryDeal();
      raw.people[0] = { ...raw.people[0]!, roles: ['economic-buyer'] };
      expect(point(raw, 4).score).toBe(0.75);
    });

    it.each<[string, Record<string, unknown>, number, string[]]>([
      ['a budget of 0 is a known budget', { budget: 0 }, 1 / 3, ['gap_budget_approved', 'gap_credit']],
      ['budget null is not known', { budget: null, budgetApproved: false }, 1 / 3, ['gap_budget', 'gap_credit']],
      ['budgetApproved false is a recorded fact', { budgetApproved: false, credit: 'AA, pays in 60 days' }, 2 / 3, ['gap_budget']],
      ['an empty credit is not recorded', { budget: 400000, budgetApproved: true, credit: '' }, 2 / 3, ['gap_credit']],
      ['all three', { budget: 400000, budgetApproved: true, credit: 'state-funded' }, 1, []],
    ])('point 5: %s => %s', (_name, finance, score, gaps) => {
      const raw = withFields({ intel: { finance } });
      expect(point(raw, 5).score).toBeCloseTo(score, 15);
      expect(codes(raw, 5)).toEqual(gaps);
    });

    it('point 6: the project reason gives half; a blank reason does not count', () => {
      // 1/2 + 1/2 · 1/2 = 3/4
      expect(point(withFields({ intel: { projectReason: 'two late-delivery penalties' } }), 6).score).toBe(0.75);
      expect(point(withFields({ intel: { projectReason: '   ' } }), 6).score).toBe(0.25);
    });

    it('point 6 with nobody engaged: needs share 0 and a gap that says nobody is engaged', () => {
      const raw = withFields({ contacts: [], intel: { projectReason: 'regulation' } });
      raw.people[1] = { ...raw.people[1]!, inProject: false };
      expect(point(raw, 6).score).toBe(0.5);
      expect(codes(raw, 6)).toEqual(['gap_nobody_engaged']);
    });

    it('point 7: ours recorded, theirs not => 1/2', () => {
      const raw = withFields({ intel: { resources: { ours: ['reference site visit'] } } });
      expect(point(raw, 7).score).toBe(0.5);
      expect(codes(raw, 7)).toEqual(['gap_resources_theirs']);
    });

    it('point 8: two competitors, one with a strength => 1/2 + 1/2·1/2 = 3/4, naming the other', () => {
      const raw = withFields({
        competitors: [
          { id: 'incumbent', name: 'Vantage ERP', strength: 0.7 },
          { id: 'local', name: 'Huaxin Software' },
        ],
      });
      const p = point(raw, 8);
      expect(p.score).toBe(0.75);
      expect(p.status).toBe('partial');
      expect(p.gaps.map((g) => g.message)).toEqual(['Strength not estimated for: Huaxin Software.']);
    });

    it('point 9: the top three factors by priority count; an `unknown` status is not tracked', () => {
      // sorted by priority: pilot (1, on-track), CFO (2, unknown), IT (3, off-track); the fourth
      // (priority 4, done) is outside the top three => 2 of 3 tracked.
      const raw = withFields({
        keySuccessFactors: [
          { name: 'references', priority: 4, status: 'done' },
          { name: 'IT accepts the platform', priority: 3, status: 'off-track' },
          { name: 'pilot on live data', priority: 1, status: 'on-track' },
          { name: 'CFO signs the business case', priority: 2, status: 'unknown' },
        ],
      });
      const p = point(raw, 9);
      expect(p.score).toBeCloseTo(2 / 3, 15);
      expect(p.gaps.map((g) => g.message)).toEqual(['No status for the key success factors: CFO signs the business case.']);
    });

    it('point 9: only two factors, both tracked => 2/3 and a gap asking for a third', () => {
      const raw = withFields({
        keySuccessFactors: [
          { name: 'pilot', priority: 1, status: 'on-track' },
          { name: 'budget', priority: 2, status: 'at-risk' },
        ],
      });
      expect(point(raw, 9).score).toBeCloseTo(2 / 3, 15);
      expect(point(raw, 9).gaps.map((g) => g.message)).toEqual(['Only 2 key success factors are recorded; track at least three.']);
    });
  });

  it('assessInformation(Harbor): Ana Silva is the one person without an influence assessment (point 4)', () => {
    // marked + 5 of 6 assessed => 1/2 + 1/2·5/6 = 11/12 >= 0.8: known, but the gap is still named.
    const p = point(harbor(), 4);
    expect(p.score).toBeCloseTo(11 / 12, 15);
    expect(p.status).toBe('known');
    expect(p.gaps[0]!.message).toBe('Influence not assessed for: Ana Silva.');
  });

  it('assessInformation(d, { knownAt: 0.9 }): point 3 at 7/8 becomes partial', () => {
    expect(point(discoveryDeal(), 3, { knownAt: 0.9 }).status).toBe('partial');
    expect(point(discoveryDeal(), 1, { knownAt: 0.5 }).status).toBe('known');
  });

  it('assessInformation(d, { maxNames: 1 }) shows one name and how many more', () => {
    expect(point(discoveryDeal(), 4, { maxNames: 1 }).gaps[0]!.message).toBe('Influence not assessed for: Zhang Wei (+1).');
  });

  it("assessInformation(d, { locale: 'zh-CN' }) writes the gaps in Chinese", () => {
    const p = point(discoveryDeal(), 4, { locale: 'zh-CN' });
    expect(p.gaps[0]!.code).toBe('gap_influence_unassessed');
    expect(p.gaps[0]!.message).toBe('以下人员影响力未评估：Zhang Wei, Li Qiang。');
    expect(point(discoveryDeal(), 1, { locale: 'zh-CN' }).gaps[0]!.message).toBe('推进中的关键难点未记录（intel.plan.difficulties）。');
  });

  it('assessInformation(PowerGraph) gives the same result as the raw deal', () => {
    expect(assessInformation(buildGraph(discoveryDeal()))).toEqual(assessInformation(discoveryDeal()));
  });

  describe('properties', () => {
    const TEXTS = ['security review by IT', 'pilot on live data', 'three-year price lock', 'state-funded', 'AA rating'];
    const list = fc.option(fc.array(fc.constantFrom(...TEXTS), { maxLength: 2 }), { nil: undefined });
    const intel = fc.record(
      {
        plan: fc.record({ steps: list, difficulties: list }, { requiredKeys: [] }),
        procurement: fc.record({ process: list, focus: list }, { requiredKeys: [] }),
        finance: fc.record(
          { budget: fc.option(fc.nat(1_000_000), { nil: undefined }), budgetApproved: fc.boolean(), credit: fc.constantFrom('', 'AA rating') },
          { requiredKeys: [] },
        ),
        projectReason: fc.constantFrom('', 'two late-delivery penalties'),
        resources: fc.record({ ours: list, theirs: list }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    /** One fact to add: a list item appended, or a field filled in when it is missing. */
    const fact = fc.oneof(
      fc.record({
        list: fc.constantFrom('plan.steps', 'plan.difficulties', 'procurement.process', 'procurement.focus', 'resources.ours', 'resources.theirs'),
        item: fc.constantFrom(...TEXTS),
      }),
      fc.constantFrom<[string, unknown]>(
        ['finance.budget', 250000],
        ['finance.budgetApproved', true],
        ['finance.budgetApproved', false],
        ['finance.credit', 'AA rating'],
        ['projectReason', 'margins fell three quarters in a row'],
      ),
    );

    function addFact(raw: RawDeal, f: { list: string; item: string } | [string, unknown]): RawDeal {
      const copy = clone(raw);
      const intelOf = (copy.intel ?? {}) as Record<string, Record<string, unknown> | string>;
      copy.intel = intelOf;
      if (!Array.isArray(f)) {
        const [group, field] = f.list.split('.') as [string, string];
        const section = (intelOf[group] ?? {}) as Record<string, unknown>;
        section[field] = [...((section[field] as string[] | undefined) ?? []), f.item];
        intelOf[group] = section;
      } else if (f[0] === 'projectReason') {
        if (!intelOf.projectReason) intelOf.projectReason = f[1] as string;
      } else {
        const field = f[0].split('.')[1]!;
        const section = (intelOf.finance ?? {}) as Record<string, unknown>;
        const current = section[field];
        if (current === undefined || current === null || current === '') section[field] = f[1];
        intelOf.finance = section;
      }
      return copy;
    }

    test.prop([arbitraryDeal({ maxPeople: 6 }), intel, fact], { seed: PROPERTY_SEED, numRuns: 200 })(
      'adding a fact to intel never lowers information completeness',
      (raw, partial, f) => {
        const base = { ...raw, intel: partial };
        const before = assessInformation(base);
        const after = assessInformation(addFact(base, f));
        expect(after.completeness).toBeGreaterThanOrEqual(before.completeness);
        after.points.forEach((p, k) => expect(p.score).toBeGreaterThanOrEqual(before.points[k]!.score));
      },
      60_000,
    );

    test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED, numRuns: 100 })(
      'every point scores in [0, 1], its status follows the score, and completeness is the mean',
      (raw) => {
        const info = assessInformation(raw);
        for (const p of info.points) {
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(1);
          expect(p.status).toBe(p.score >= 0.8 ? 'known' : p.score > 0 ? 'partial' : 'unknown');
          if (p.score < 1) expect(p.gaps.length).toBeGreaterThan(0);
        }
        expect(info.completeness).toBeCloseTo(info.points.reduce((s, p) => s + p.score, 0) / 9, 14);
      },
      60_000,
    );
  });
});
