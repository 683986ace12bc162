import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, measureBuyingCenter } from '../../src/index.js';
import { deal, harbor, infl, thrown } from '../support/analysis-fixtures.js';
import type { RawDeal } from '../support/arbitraries.js';

/**
 * A packaging-line purchase (Johnston & Bonoma's five dimensions, hand-counted).
 *
 *   ceo (Executive, decision-maker)            level 1   member (buying role)
 *   ├─ cfo (Finance, economic-buyer)           level 2   member (buying role)
 *   │   └─ buyer (Finance, procurement, takes part)  level 3   member
 *   ├─ it (IT, technical-buyer, inProject false)     level 2   NOT a member (does not take part)
 *   │   └─ planner (no department, takes part)       level 3   member
 *   └─ assistant (Executive, no role)           level 2   NOT a member
 *
 * Members m = 4: ceo, cfo, buyer, planner.
 * Influence lines among members: reportsTo gives ceo -> cfo, cfo -> buyer, buyer -> cfo, and
 * cfo -> ceo, but an explicit `influences` cfo -> ceo of weight 0 replaces that derived line (no link).
 * `planner informs buyer` adds planner -> buyer; `buyer informs cfo` repeats buyer -> cfo (counted once).
 * Linked ordered member pairs: ceo->cfo, cfo->buyer, buyer->cfo, planner->buyer = 4 of m(m-1) = 12.
 */
function packagingDeal(): RawDeal {
  return deal(
    [
      { id: 'ceo', department: 'Executive', roles: ['decision-maker'], influence: 1 },
      { id: 'cfo', department: 'Finance', reportsTo: 'ceo', roles: ['economic-buyer'], influence: 0.8 },
      { id: 'buyer', department: 'Finance', reportsTo: 'cfo', roles: ['procurement'], inProject: true, influence: 0.3 },
      { id: 'it', department: 'IT', reportsTo: 'ceo', roles: ['technical-buyer'], inProject: false, influence: 0.6 },
      { id: 'planner', reportsTo: 'it', inProject: true, influence: 0.4 },
      { id: 'assistant', department: 'Executive', reportsTo: 'ceo', influence: 0.2 },
    ],
    [
      infl('cfo', 'ceo', 0),
      { from: 'planner', to: 'buyer', kind: 'informs' },
      { from: 'buyer', to: 'cfo', kind: 'informs', weight: 0.5 },
    ],
  );
}

/**
 * No influence lines, so W = I and the key-people score is the prior: p = v = influence / sum, and
 * power = p / max p = influence / max influence.
 */
function gridDeal(): RawDeal {
  return deal([
    // power 1, takes part (interest 1) => manage closely
    { id: 'gm', name: 'General Manager', influence: 1, inProject: true, needs: ['cut changeover time'] },
    // power 0.8, does not take part (0.2) => keep satisfied
    { id: 'cfo', name: 'CFO', influence: 0.8, inProject: false },
    // power 0.2, a buying role (0.75) => keep informed
    { id: 'operator', name: 'Line Operator', influence: 0.2, roles: ['user'] },
    // power 0.2, nothing recorded (0.5 >= 0.5) => keep informed
    { id: 'clerk', name: 'Clerk', influence: 0.2 },
    // power 0.1, does not take part but has needs: 0.2 + 0.2 = 0.4 < 0.5 => monitor
    { id: 'auditor', name: 'Auditor', influence: 0.1, inProject: false, needs: ['audit trail'] },
  ]);
}

describe('measureBuyingCenter', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['measureBuyingCenter(d, { highPower: 1.5 })', { highPower: 1.5 }, 'highPower'],
    ['measureBuyingCenter(d, { highInterest: -0.1 })', { highInterest: -0.1 }, 'highInterest'],
    ["measureBuyingCenter(d, { normalization: 'col' })", { normalization: 'col' }, 'normalization'],
    ['measureBuyingCenter(d, { highpower: 0.5 }) (unknown option name)', { highpower: 0.5 }, 'highpower'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => measureBuyingCenter(packagingDeal(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('measureBuyingCenter(invalid deal) throws ValidationError invalid_input', () => {
    const raw = packagingDeal();
    (raw.relations as Record<string, unknown>[]).push({ from: 'ceo', to: 'cmo', kind: 'informs' });
    const error = thrown(() => measureBuyingCenter(raw));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['relations[3].to']);
  });

  describe('measureBuyingCenter(packaging line): the five dimensions, hand-counted', () => {
    const bc = measureBuyingCenter(packagingDeal());

    it('members take part or hold a buying role; inProject: false excludes even a technical buyer', () => {
      expect(bc.members).toEqual(['buyer', 'ceo', 'cfo', 'planner']);
      expect(bc.grid.filter((x) => x.member).map((x) => x.id).sort()).toEqual(['buyer', 'ceo', 'cfo', 'planner']);
    });

    it('extensivity = 4 members', () => {
      expect(bc.extensivity).toBe(4);
    });

    it('vertical involvement = 3 levels (ceo 1, cfo 2, buyer and planner 3)', () => {
      expect(bc.verticalInvolvement).toBe(3);
    });

    it('lateral involvement = 2 departments (Executive, Finance; the planner has none)', () => {
      expect(bc.lateralInvolvement).toBe(2);
    });

    it('connectedness = 4 linked ordered member pairs / (4·3) = 1/3', () => {
      expect(bc.connectedness).toBeCloseTo(1 / 3, 15);
    });

    it('centrality of purchasing: the buyer is linked with cfo and planner, 2 of the 3 other members', () => {
      expect(bc.centrality).toEqual([{ id: 'buyer', value: 2 / 3 }]);
    });
  });

  it('connectedness: the derived cfo -> ceo line counts when no explicit weight-0 line replaces it (5/12)', () => {
    const raw = packagingDeal();
    raw.relations = (raw.relations as Record<string, unknown>[]).slice(1);
    expect(measureBuyingCenter(raw).connectedness).toBeCloseTo(5 / 12, 15);
  });

  it('no procurement member: centrality is empty; one member: connectedness 0', () => {
    const one = deal([{ id: 'owner', roles: ['decision-maker'] }, { id: 'friend' }]);
    const r = measureBuyingCenter(one);
    expect(r.members).toEqual(['owner']);
    expect(r.connectedness).toBe(0);
    expect(r.centrality).toEqual([]);
    expect([r.extensivity, r.verticalInvolvement, r.lateralInvolvement]).toEqual([1, 1, 0]);
  });

  describe('the power/interest grid (Mendelow)', () => {
    const grid = measureBuyingCenter(gridDeal()).grid;
    const row = (id: string) => grid.find((x) => x.id === id)!;

    it('power = key-people score / top score = influence / 1 (no lines, p = v)', () => {
      // sorted by power, ties by id: gm 1, cfo 0.8, clerk 0.2, operator 0.2, auditor 0.1
      expect(grid.map((x) => x.id)).toEqual(['gm', 'cfo', 'clerk', 'operator', 'auditor']);
      for (const [id, power] of [['gm', 1], ['cfo', 0.8], ['clerk', 0.2], ['operator', 0.2], ['auditor', 0.1]] as const)
        expect(row(id).power).toBeCloseTo(power, 12);
    });

    it('interest: takes part 1 (needs cannot push it past 1), buying role 0.75, not recorded 0.4, not taking part 0.2 (+0.2 with needs)', () => {
      expect(grid.map((x) => [x.id, x.interest])).toEqual([
        ['gm', 1],
        ['cfo', 0.2],
        ['clerk', 0.4], // nothing recorded: 0.4, below the high mark 0.5 (nothing known is not interest)
        ['operator', 0.75],
        ['auditor', 0.4],
      ]);
    });

    it('the four quadrants', () => {
      expect(Object.fromEntries(grid.map((x) => [x.id, x.quadrant]))).toEqual({
        gm: 'manage-closely',
        cfo: 'keep-satisfied',
        clerk: 'monitor',
        operator: 'keep-informed',
        auditor: 'monitor',
      });
      expect(row('gm').name).toBe('General Manager');
    });

    it('{ highPower: 0.9, highInterest: 0.8 } moves everyone but the general manager (power 1, interest 1) to monitor', () => {
      const moved = measureBuyingCenter(gridDeal(), { highPower: 0.9, highInterest: 0.8 }).grid;
      expect(Object.fromEntries(moved.map((x) => [x.id, x.quadrant]))).toEqual({
        gm: 'manage-closely',
        cfo: 'monitor',
        clerk: 'monitor',
        operator: 'monitor',
        auditor: 'monitor',
      });
    });
  });

  it('measureBuyingCenter(Harbor): Lee Park has no role and no inProject, so 5 members on 3 levels', () => {
    const bc = measureBuyingCenter(harbor());
    expect(bc.members).toEqual(['buyer', 'ceo', 'cfo', 'it', 'whm']);
    expect(bc.extensivity).toBe(5);
    expect(bc.verticalInvolvement).toBe(3);
  });

  it('measureBuyingCenter(PowerGraph) equals measureBuyingCenter(raw deal)', () => {
    expect(measureBuyingCenter(buildGraph(packagingDeal()))).toEqual(measureBuyingCenter(packagingDeal()));
  });
});
