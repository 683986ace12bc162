import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, SEVERITIES, assessDeal, catalogues, type AssessDealOptions, type Finding } from '../../src/index.js';
import { deal, harbor } from '../support/analysis-fixtures.js';
import type { RawDeal, RawPerson } from '../support/arbitraries.js';
import { safeDeal } from '../support/assessment-fixtures.js';

/** The red flags of one rule when the deal is assessed (assessDeal builds the rule context). */
const flagsOf = (raw: unknown, code: string, options: AssessDealOptions = {}): Finding[] =>
  assessDeal(raw, options).flags.filter((f) => f.code === code);
const brief = (fs: readonly Finding[]) => fs.map((f) => [f.severity, f.people]);

const CEO = { id: 'ceo', name: 'Dana Reyes', roles: ['decision-maker'], influence: 1, stance: 'neutral' };
const report = (id: string, name: string, more: Record<string, unknown> = {}): RawPerson => ({ id, name, reportsTo: 'ceo', influence: 0.5, stance: 'neutral', ...more });

/**
 * The CEO (decision maker) and the CFO, who reports to her and champions us. We know the CFO
 * (0.9), so the best route to the CEO is us -> cfo -> ceo = 0.9 · (1 + 1)/2 · max(0.5, 0.3/1) = 0.45:
 * status `path`. `ceo` overrides the CEO's fields; `contacts` replaces ours.
 */
function dmDeal(progress: number | undefined, ceo: Record<string, unknown> = {}, contacts = [{ person: 'cfo', strength: 0.9 }]): RawDeal {
  return deal([{ ...CEO, ...ceo }, report('cfo', 'Sam Okafor', { stance: 'champion' })], [], {
    contacts,
    ...(progress === undefined ? {} : { stage: { name: 'proposal', progress } }),
  });
}

describe('the built-in rules', () => {
  it('there are 14, each with a stable code, a description, a methodology point and a message in both catalogues', () => {
    expect(BUILTIN_RULES.map((r) => r.code)).toEqual([
      'no_dm_contact',
      'dm_opposed',
      'single_threaded',
      'no_coach',
      'coach_without_power',
      'blocker_near_dm',
      'gatekeeper_not_won',
      'needs_unknown',
      'unknown_high_influence',
      'information_gaps',
      'shrinking_support',
      'opposition_pressure_on_dm',
      'single_point_of_failure',
      'role_not_engaged',
    ]);
    for (const rule of BUILTIN_RULES) {
      expect(rule.description.length).toBeGreaterThan(0);
      expect(rule.methodology).toMatch(/^M\d+(\.\d+)?$/);
      expect(catalogues.en[`flag_${rule.code}`]).toBeDefined();
      expect(catalogues['zh-CN'][`flag_${rule.code}`]).toBeDefined();
    }
  });

  it('a safe deal (all three thresholds crossed) raises none of the flags about access, stance, coaching or information', () => {
    const codes = assessDeal(safeDeal()).flags.map((f) => f.code);
    for (const code of ['no_dm_contact', 'dm_opposed', 'single_threaded', 'no_coach', 'coach_without_power', 'blocker_near_dm', 'gatekeeper_not_won', 'needs_unknown', 'unknown_high_influence', 'information_gaps', 'shrinking_support', 'opposition_pressure_on_dm', 'role_not_engaged'])
      expect(codes).not.toContain(code);
  });

  describe('no_dm_contact (M7): severity rises with progress; a direct contact clears it', () => {
    it.each<[number, string]>([
      [0, 'medium'],
      [0.3, 'medium'],
      [0.49, 'medium'],
      [0.5, 'high'],
      [0.74, 'high'],
      [0.75, 'critical'],
      [1, 'critical'],
    ])('progress %s => %s', (progress, severity) => {
      const fs = flagsOf(dmDeal(progress), 'no_dm_contact');
      expect(brief(fs)).toEqual([[severity, ['ceo']]]);
      expect(fs[0]!.params).toEqual({ person: 'Dana Reyes', status: 'path', progress: `${Math.round(progress * 100)}%` });
    });

    it('the message names the decision maker, the access status and the progress', () => {
      expect(flagsOf(dmDeal(0.6), 'no_dm_contact')[0]!.message).toBe('No direct contact with decision maker Dana Reyes (path) at 60% of the cycle.');
    });

    it('a missing stage counts as progress 0 (medium)', () => {
      expect(brief(flagsOf(dmDeal(undefined), 'no_dm_contact'))).toEqual([['medium', ['ceo']]]);
    });

    it('no route at all: status none in the message', () => {
      expect(flagsOf(dmDeal(0.8, {}, []), 'no_dm_contact')[0]!.params.status).toBe('none');
    });

    it("a direct contact (strength 0.5) clears it even at progress 0.9; 0.49 does not", () => {
      const direct = (s: number) => dmDeal(0.9, {}, [{ person: 'cfo', strength: 0.9 }, { person: 'ceo', strength: s }]);
      expect(flagsOf(direct(0.5), 'no_dm_contact')).toEqual([]);
      expect(brief(flagsOf(direct(0.49), 'no_dm_contact'))).toEqual([['critical', ['ceo']]]);
    });

    it('two decision makers: only the one we do not know directly is flagged', () => {
      const raw = dmDeal(0.6, {}, [{ person: 'cfo', strength: 0.9 }, { person: 'ceo', strength: 0.8 }]);
      raw.people[1] = { ...raw.people[1]!, roles: ['decision-maker'] };
      raw.contacts = [{ person: 'ceo', strength: 0.8 }];
      expect(brief(flagsOf(raw, 'no_dm_contact'))).toEqual([['high', ['cfo']]]);
    });
  });

  describe('dm_opposed (M7)', () => {
    it.each<[unknown, string | null]>([
      ['opponent', 'critical'],
      ['skeptic', 'critical'], // -0.5 <= -0.5
      [{ rating: -1 }, 'high'], // -0.2
      ['neutral', null],
      [null, null],
      ['supporter', null],
    ])('a decision maker with stance %j => %s', (stance, severity) => {
      const fs = flagsOf(dmDeal(0.3, { stance }), 'dm_opposed');
      expect(brief(fs)).toEqual(severity === null ? [] : [[severity, ['ceo']]]);
    });

    it('the message gives the stance', () => {
      expect(flagsOf(dmDeal(0.3, { stance: 'skeptic' }), 'dm_opposed')[0]!.message).toBe('Decision maker Dana Reyes is opposed to us (stance -0.5).');
    });
  });

  describe('single_threaded (M6.3): fewer than minContacts of their people', () => {
    const three = (contacts: Record<string, unknown>[]) =>
      deal([CEO, report('cfo', 'Sam Okafor'), report('it', 'Raj Mehta')], [], { contacts });

    it('one contact => high, naming them', () => {
      const fs = flagsOf(three([{ person: 'cfo', strength: 0.6 }]), 'single_threaded');
      expect(brief(fs)).toEqual([['high', ['cfo']]]);
      expect(fs[0]!.message).toBe('Single-threaded: we have a relationship with only 1 person(s): Sam Okafor.');
    });

    it('no contact at all => high, count 0', () => {
      const fs = flagsOf(three([]), 'single_threaded');
      expect(brief(fs)).toEqual([['high', []]]);
      expect(fs[0]!.params.count).toBe(0);
    });

    it('a contact of strength 0 is no relationship', () => {
      expect(brief(flagsOf(three([{ person: 'cfo', strength: 0.6 }, { person: 'it', strength: 0 }]), 'single_threaded'))).toEqual([['high', ['cfo']]]);
    });

    it('two contacts => no flag; { minContacts: 3 } flags them', () => {
      const two = three([{ person: 'cfo', strength: 0.6 }, { person: 'it', strength: 0.2 }]);
      expect(flagsOf(two, 'single_threaded')).toEqual([]);
      expect(brief(flagsOf(two, 'single_threaded', { rules: { thresholds: { minContacts: 3 } } }))).toEqual([['high', ['cfo', 'it']]]);
    });
  });

  describe('no_coach (M9)', () => {
    it('nobody with a positive stance who takes part => high, naming nobody', () => {
      const fs = flagsOf(deal([CEO, report('cfo', 'Sam Okafor', { stance: 'skeptic' })], [], { contacts: [{ person: 'cfo', strength: 0.6 }] }), 'no_coach');
      expect(brief(fs)).toEqual([['high', []]]);
      expect(fs[0]!.message).toBe('No coach: nobody qualifies as an inside champion yet.');
    });

    it('a champion who does not take part (inProject false) is no coach', () => {
      const raw = deal([CEO, report('cfo', 'Sam Okafor', { stance: 'champion', inProject: false })], [], { contacts: [{ person: 'cfo', strength: 0.9 }] });
      expect(brief(flagsOf(raw, 'no_coach'))).toEqual([['high', []]]);
    });

    it('the safe deal has a coach; { coachMinScore: 1 } asks for a perfect one and flags it', () => {
      expect(flagsOf(safeDeal(), 'no_coach')).toEqual([]);
      expect(brief(flagsOf(safeDeal(), 'no_coach', { rules: { thresholds: { coachMinScore: 1 } } }))).toEqual([['high', []]]);
    });
  });

  describe('coach_without_power (M9): our coach is a talker', () => {
    /**
     * No influence lines, so power = influence / top influence. Xiao Li, the CEO's assistant, is
     * marked coach, champions us and takes part: with influence 0.1 her power is 0.1 < 0.5, a talker.
     */
    const coachDeal = (xiao: Record<string, unknown> = {}) =>
      deal([
        { ...CEO, reportsTo: undefined },
        { id: 'cfo', name: 'Sam Okafor', influence: 0.8, stance: 'neutral' },
        { id: 'xiao', name: 'Xiao Li', roles: ['coach'], influence: 0.1, stance: 'champion', inProject: true, ...xiao },
      ]);

    it('a marked coach who is a talker => medium, naming her', () => {
      const fs = flagsOf(coachDeal(), 'coach_without_power');
      expect(brief(fs)).toEqual([['medium', ['xiao']]]);
      expect(fs[0]!.message).toBe('Our coach Xiao Li is friendly but has little power (a talker, not a mobiliser).');
    });

    it('a marked coach with power (influence 0.8 => power 0.8) is a mobiliser: no flag', () => {
      expect(flagsOf(coachDeal({ influence: 0.8 }), 'coach_without_power')).toEqual([]);
    });

    it('a talker coach next to a mobiliser coach: no flag', () => {
      const raw = coachDeal();
      raw.people[1] = { ...raw.people[1]!, roles: ['champion'], stance: 'champion', inProject: true };
      expect(flagsOf(raw, 'coach_without_power')).toEqual([]);
    });

    it('nobody marked: the best candidate counts once it reaches coachMinScore', () => {
      const raw = coachDeal({ roles: [] });
      expect(brief(flagsOf(raw, 'coach_without_power', { rules: { thresholds: { coachMinScore: 0.01 } } }))).toEqual([['medium', ['xiao']]]);
    });
  });

  describe('blocker_near_dm (M7)', () => {
    /** The CFO is the CEO's only report, so the derived line cfo -> ceo weighs 0.3 / 1 = 0.3. */
    const blocker = (cfo: Record<string, unknown>, relations: Record<string, unknown>[] = []) =>
      deal([CEO, report('cfo', 'Sam Okafor', cfo)], relations);

    it('a skeptic (-0.5) with weight 0.3 on the decision maker => high, naming the blocker', () => {
      const fs = flagsOf(blocker({ stance: 'skeptic' }), 'blocker_near_dm');
      expect(brief(fs)).toEqual([['high', ['cfo']]]);
      expect(fs[0]!.message).toBe('Sam Okafor opposes us and has strong influence on decision maker Dana Reyes.');
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>[], boolean]>([
      ['stance -0.4 is not hostile enough', { stance: -0.4 }, [], false],
      ['the role blocker with an unknown stance', { stance: null, roles: ['blocker'] }, [], true],
      ['a skeptic with only 0.2 of influence on the CEO', { stance: 'skeptic' }, [{ from: 'cfo', to: 'ceo', kind: 'influences', weight: 0.2 }], false],
      ['an opponent with 0.9 of influence', { stance: 'opponent' }, [{ from: 'cfo', to: 'ceo', kind: 'influences', weight: 0.9 }], true],
    ])('%s => flagged %s', (_name, cfo, relations, flagged) => {
      expect(flagsOf(blocker(cfo, relations), 'blocker_near_dm').length).toBe(flagged ? 1 : 0);
    });

    it('thresholds move it: { blockerWeight: 0.31 } clears the skeptic, { blockerStance: -0.4 } catches stance -0.4', () => {
      expect(flagsOf(blocker({ stance: 'skeptic' }), 'blocker_near_dm', { rules: { thresholds: { blockerWeight: 0.31 } } })).toEqual([]);
      expect(flagsOf(blocker({ stance: -0.4 }), 'blocker_near_dm', { rules: { thresholds: { blockerStance: -0.4 } } })).toHaveLength(1);
    });
  });

  describe('gatekeeper_not_won (M6.3, the little devils)', () => {
    /** Huang Jing keeps the CEO's calendar (role gatekeeper). */
    const gk = (stance: unknown, contacts: Record<string, unknown>[]) =>
      deal([CEO, report('cfo', 'Sam Okafor'), report('asst', 'Huang Jing', { roles: ['gatekeeper'], influence: 0.25, stance })], [], { contacts });

    it('on the best path to the decision maker => high', () => {
      // only contact: us -> asst 0.9 · (1 + 0)/2 · max(0.5, 0.3/2) = 0.225, through her
      const fs = flagsOf(gk('neutral', [{ person: 'asst', strength: 0.9 }]), 'gatekeeper_not_won');
      expect(brief(fs)).toEqual([['high', ['asst']]]);
      expect(fs[0]!.message).toBe('Gatekeeper Huang Jing is not won over.');
    });

    it('off the best path => medium', () => {
      expect(brief(flagsOf(gk('neutral', [{ person: 'cfo', strength: 0.9 }]), 'gatekeeper_not_won'))).toEqual([['medium', ['asst']]]);
    });

    it('won over (stance 0.5) => no flag', () => {
      expect(flagsOf(gk('supporter', [{ person: 'asst', strength: 0.9 }]), 'gatekeeper_not_won')).toEqual([]);
    });
  });

  describe('needs_unknown (M10, M11)', () => {
    const needs = (user: Record<string, unknown>) =>
      deal(
        [
          CEO,
          report('cfo', 'Sam Okafor'),
          report('it', 'Raj Mehta', { inProject: true }),
          report('user', 'Ana Silva', { needs: ['scan-to-pick'], ...user }),
        ],
        [],
        { contacts: [{ person: 'cfo', strength: 0.6 }, { person: 'user', strength: 0.6 }] },
      );

    it('engaged (a contact, or takes part) without needs => medium, naming them in id order; the CEO is not engaged', () => {
      const fs = flagsOf(needs({}), 'needs_unknown');
      expect(brief(fs)).toEqual([['medium', ['cfo', 'it']]]);
      expect(fs[0]!.message).toBe('Engaged but needs unknown (do not pitch yet, ask first): Sam Okafor, Raj Mehta.');
    });

    it('everyone engaged has needs => no flag', () => {
      const raw = needs({});
      raw.people = raw.people.map((p) => (p.id === 'ceo' ? p : { ...p, needs: ['something'] }));
      expect(flagsOf(raw, 'needs_unknown')).toEqual([]);
    });
  });

  describe('unknown_high_influence (M6.1)', () => {
    /** Four people, no lines: p = v. The top quartile is ceil(4/4) = 1 person. */
    const four = (ceo: Record<string, unknown>, li: Record<string, unknown>) =>
      deal([
        { ...CEO, ...ceo },
        { id: 'li', name: 'Li Min', influence: 0.75, stance: null, ...li },
        { id: 'y', influence: 0.5, stance: 0 },
        { id: 'z', influence: 0.25, stance: 0 },
      ]);

    it('assessed influence 0.75 and stance unknown => medium', () => {
      const fs = flagsOf(four({}, {}), 'unknown_high_influence');
      expect(brief(fs)).toEqual([['medium', ['li']]]);
      expect(fs[0]!.message).toBe('Stance unknown for influential people: Li Min.');
    });

    it('with the decision maker among them => high', () => {
      expect(brief(flagsOf(four({ stance: null }, {}), 'unknown_high_influence'))).toEqual([['high', ['ceo', 'li']]]);
    });

    it('influence 0.7 is below 0.75 and not top quartile => no flag; { highInfluence: 0.7 } flags it', () => {
      expect(flagsOf(four({}, { influence: 0.7 }), 'unknown_high_influence')).toEqual([]);
      expect(flagsOf(four({}, { influence: 0.7 }), 'unknown_high_influence', { rules: { thresholds: { highInfluence: 0.7 } } })).toHaveLength(1);
    });

    it('a top-quartile key-people score counts even below highInfluence (0.7 > the CEO at 0.6)', () => {
      expect(brief(flagsOf(four({ influence: 0.6 }, { influence: 0.7 }), 'unknown_high_influence'))).toEqual([['medium', ['li']]]);
    });

    it('stances known => no flag', () => {
      expect(flagsOf(four({}, { stance: 'neutral' }), 'unknown_high_influence')).toEqual([]);
    });
  });

  describe('information_gaps (M5)', () => {
    it('seven unknown points (no intel, competitors or success factors) => high, listing them', () => {
      // dmDeal: structure, stances and influence known (points 3, 4); nothing else recorded, and the
      // only engaged person (cfo) has no needs, so point 6 is 0 too.
      const fs = flagsOf(dmDeal(0.3), 'information_gaps');
      expect(brief(fs)).toEqual([['high', []]]);
      expect(fs[0]!.params.points).toEqual(['1 plan', '2 procurement', '5 finance', '6 needs', '7 resources', '8 competitors', '9 success-factors']);
    });

    it('four unknown points => medium; five => high', () => {
      // safe deal without intel: points 1, 2, 5, 7 unknown; point 6 keeps the needs (1/2)
      const four = { ...safeDeal(), intel: undefined };
      expect(brief(flagsOf(four, 'information_gaps'))).toEqual([['medium', []]]);
      expect(flagsOf(four, 'information_gaps')[0]!.message).toBe('Information points unknown: 1 plan and difficulties, 2 procurement process, 5 funding and credit, 7 resources.');
      expect(brief(flagsOf({ ...four, competitors: [] }, 'information_gaps'))).toEqual([['high', []]]);
    });

    it('a partial point is not unknown: no flag on the safe deal with only the plan steps', () => {
      const raw = safeDeal();
      raw.intel = { ...(raw.intel as object), plan: { steps: ['pilot'] } };
      expect(flagsOf(raw, 'information_gaps')).toEqual([]);
    });
  });

  describe('shrinking_support (M6.3): needs the previous snapshot', () => {
    /** Two people, no lines, p = 1/2 each: net = (u_a + u_b)/2. */
    const two = (b: number) => deal([{ ...CEO, influence: 0.5, stance: 1 }, { id: 'b', name: 'Bo Yang', influence: 0.5, stance: b }]);

    it('net 1/2 -> 0 => high, with the nets in the message', () => {
      const fs = flagsOf(two(-1), 'shrinking_support', { previous: two(0) });
      expect(brief(fs)).toEqual([['high', []]]);
      expect(fs[0]!.params).toEqual({ before: 0.5, after: 0 });
      expect(fs[0]!.message).toBe('The support base is shrinking: net 0.5 -> 0.');
    });

    it('no previous snapshot, a growing base, or a drop below supportDrop => no flag', () => {
      expect(flagsOf(two(-1), 'shrinking_support')).toEqual([]);
      expect(flagsOf(two(0), 'shrinking_support', { previous: two(-1) })).toEqual([]);
      expect(flagsOf(two(-1), 'shrinking_support', { previous: two(0), rules: { thresholds: { supportDrop: 0.6 } } })).toEqual([]);
    });

    it('Globex, July -> September: names Nadia Haddad, who left', () => {
      const globex = (d: string) => JSON.parse(readFileSync(new URL(`../../examples/deals/snapshots/globex-2026-${d}.json`, import.meta.url), 'utf8')) as unknown;
      expect(brief(flagsOf(globex('09-01'), 'shrinking_support', { previous: globex('07-01') }))).toEqual([['high', ['nadia-haddad']]]);
    });
  });

  describe('opposition_pressure_on_dm (M7)', () => {
    /**
     * Three reports of the CEO, each with an explicit line of 0.3 to her (it replaces the derived
     * 0.3/3). Her in-weights sum to 0.9 <= 1, so W keeps them: she listens 0.3 to each and 0.1 to
     * herself. Pull = sum_k W_ceo,k u_k = 0.3 (u_cfo + u_it + u_coo); her own share pulls 0.
     */
    const pressure = (coo: unknown) =>
      deal(
        [CEO, report('cfo', 'Sam Okafor', { stance: 'opponent' }), report('it', 'Raj Mehta', { stance: 'skeptic' }), report('coo', 'Lee Park', { stance: coo })],
        ['cfo', 'it', 'coo'].map((from) => ({ from, to: 'ceo', kind: 'influences', weight: 0.3 })),
      );

    it('0.3 (-1 - 1/2 + 1/2) = -0.3 < -0.2 => high, opponents named most negative first', () => {
      const fs = flagsOf(pressure('supporter'), 'opposition_pressure_on_dm');
      expect(brief(fs)).toEqual([['high', ['cfo', 'it']]]);
      expect(fs[0]!.message).toBe('Decision maker Dana Reyes listens mostly to people who oppose us: Sam Okafor, Raj Mehta.');
    });

    it('0.3 (-1 - 1/2 + 1) = -0.15 >= -0.2 => no flag', () => {
      expect(flagsOf(pressure('champion'), 'opposition_pressure_on_dm')).toEqual([]);
    });

    it('an unknown stance counts 0: 0.3 (-1 - 1/2 + 0) = -0.45 => flag', () => {
      expect(flagsOf(pressure(null), 'opposition_pressure_on_dm')).toHaveLength(1);
    });

    it('{ oppositionPressure: -0.4 } tolerates -0.3', () => {
      expect(flagsOf(pressure('supporter'), 'opposition_pressure_on_dm', { rules: { thresholds: { oppositionPressure: -0.4 } } })).toEqual([]);
    });

    it('a light line does not count as pressure: reports-to lines of 0.3/3 give 0.1 (-1 - 1/2 + 1/2) = -0.1 => no flag', () => {
      const light = deal([CEO, report('cfo', 'Sam Okafor', { stance: 'opponent' }), report('it', 'Raj Mehta', { stance: 'skeptic' }), report('coo', 'Lee Park', { stance: 'supporter' })]);
      expect(flagsOf(light, 'opposition_pressure_on_dm')).toEqual([]);
    });
  });

  describe('single_point_of_failure (M6.3)', () => {
    it('our only contact, who also carries our only route to the CEO => high', () => {
      // us -> cfo 0.6 · (1 + 0)/2 · max(0.5, 0.3) = 0.15 (path); without the CFO: no contact, no route.
      const raw = deal([CEO, report('cfo', 'Sam Okafor')], [], { contacts: [{ person: 'cfo', strength: 0.6 }] });
      const fs = flagsOf(raw, 'single_point_of_failure');
      expect(brief(fs)).toEqual([['high', ['cfo']]]);
      expect(String(fs[0]!.params.reasons)).toContain('our only contact in the account');
    });

    it('everyone neutral, two contacts, the CEO known directly: nobody is a single point of failure', () => {
      const raw = deal([CEO, report('cfo', 'Sam Okafor')], [], {
        contacts: [
          { person: 'ceo', strength: 0.8 },
          { person: 'cfo', strength: 0.6 },
        ],
      });
      expect(flagsOf(raw, 'single_point_of_failure')).toEqual([]);
    });
  });

  describe('role_not_engaged (M8): the stage template', () => {
    /** Every templated role present; only the CEO is a contact. */
    const roles = (progress: number, contacts: Record<string, unknown>[] = []) =>
      deal(
        [
          CEO,
          report('cfo', 'Sam Okafor', { roles: ['economic-buyer'] }),
          report('it', 'Raj Mehta', { roles: ['technical-buyer'] }),
          report('user', 'Ana Silva', { roles: ['user'] }),
          report('buyer', 'Kim Novak', { roles: ['procurement'] }),
          report('legal', 'Ivan Petrov', { roles: ['legal'] }),
        ],
        [],
        { stage: { progress }, contacts: [{ person: 'ceo', strength: 0.8 }, ...contacts] },
      );
    const engaged = (fs: readonly Finding[]) => fs.map((f) => [f.severity, f.params.role, f.people]);

    it('at 50%: the economic buyer (by 50%) is high; users (20%) and technical buyers (30%) medium; procurement and legal not yet', () => {
      const fs = flagsOf(roles(0.5), 'role_not_engaged');
      expect(engaged(fs)).toEqual([
        ['high', 'economic-buyer', ['cfo']],
        ['medium', 'technical-buyer', ['it']],
        ['medium', 'user', ['user']],
      ]);
      expect(fs[0]!.message).toBe('By 50% of the cycle we should have engaged the economic buyer: Sam Okafor.');
    });

    it('at 10%: nothing is due yet; at 100%: all five roles', () => {
      expect(flagsOf(roles(0.1), 'role_not_engaged')).toEqual([]);
      expect(flagsOf(roles(1), 'role_not_engaged').map((f) => f.params.role).sort()).toEqual(['economic-buyer', 'legal', 'procurement', 'technical-buyer', 'user']);
    });

    it('a contact with the economic buyer clears that one', () => {
      expect(flagsOf(roles(0.5, [{ person: 'cfo', strength: 0.4 }]), 'role_not_engaged').map((f) => f.params.role)).toEqual(['technical-buyer', 'user']);
    });

    it('{ stageTemplate } replaces the default template', () => {
      const fs = flagsOf(roles(0.5), 'role_not_engaged', { rules: { stageTemplate: [{ role: 'legal', by: 0.1 }] } });
      expect(engaged(fs)).toEqual([['medium', 'legal', ['legal']]]);
    });
  });

  describe('flags are ordered by severity', () => {
    const ordered = (flags: readonly Finding[]) => flags.every((f, k) => k === 0 || SEVERITIES.indexOf(flags[k - 1]!.severity) <= SEVERITIES.indexOf(f.severity));

    it('critical, then high, then medium, then low (a late deal with an opposed CEO nobody has met)', () => {
      const raw = dmDeal(0.8, { stance: 'opponent' });
      const flags = assessDeal(raw).flags;
      expect(ordered(flags)).toBe(true);
      expect(flags.slice(0, 2).map((f) => [f.code, f.severity])).toEqual([
        ['no_dm_contact', 'critical'],
        ['dm_opposed', 'critical'],
      ]);
      expect(flags.at(-1)!.severity).not.toBe('critical');
    });

    it('Harbor: ordered, no_dm_contact first (the worked example)', () => {
      const flags = assessDeal(harbor()).flags;
      expect(ordered(flags)).toBe(true);
      expect(flags[0]!.code).toBe('no_dm_contact');
    });
  });
});
