import { describe, expect, it } from 'vitest';
import {
  BUILTIN_RULES,
  DEFAULT_STAGE_TEMPLATE,
  OptionError,
  RULE_THRESHOLDS,
  assessDeal,
  evaluateRules,
  type Rule,
  type RuleContext,
  type RuleHit,
} from '../../src/index.js';
import { deal, harbor, thrown } from '../support/analysis-fixtures.js';
import { safeDeal } from '../support/assessment-fixtures.js';

/** evaluateRules only reads `locale` for user rules; a bare context is enough to test the engine. */
const bare = (locale: 'en' | 'zh-CN' = 'en') => ({ locale }) as unknown as RuleContext;

/** A user rule that returns fixed hits. */
const fixed = (code: string, hits: RuleHit[], messages?: Rule['messages']): Rule => ({
  code,
  description: `the ${code} rule`,
  ...(messages ? { messages } : {}),
  evaluate: () => hits,
});

describe('evaluateRules', () => {
  it('a rule returning an unknown severity throws OptionError invalid_option naming the rule', () => {
    const error = thrown(() => evaluateRules(bare(), [fixed('my_rule', [{ severity: 'urgent' as never }])]));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe('rules.my_rule.severity');
  });

  it('orders by severity, then rule order, then the people named', () => {
    const rules = [
      fixed('first', [{ severity: 'low' }, { severity: 'high', people: ['zoe'] }, { severity: 'high', people: ['amy'] }]),
      fixed('second', [{ severity: 'critical' }, { severity: 'high', people: ['aaron'] }]),
    ];
    expect(evaluateRules(bare(), rules).map((f) => [f.code, f.severity, f.people])).toEqual([
      ['second', 'critical', []],
      ['first', 'high', ['amy']],
      ['first', 'high', ['zoe']],
      ['second', 'high', ['aaron']],
      ['first', 'low', []],
    ]);
  });

  it('skips disabled codes', () => {
    const rules = [fixed('a', [{ severity: 'high' }]), fixed('b', [{ severity: 'medium' }])];
    expect(evaluateRules(bare(), rules, ['a']).map((f) => f.code)).toEqual(['b']);
  });

  it("renders a user rule's own message in the locale, falling back to English", () => {
    const rule = fixed('late_pilot', [{ severity: 'medium', params: { weeks: 3, people: ['Ana', 'Raj'] } }], {
      en: 'The pilot is {weeks} weeks late; ask {people}.',
      'zh-CN': '试点已延误 {weeks} 周；请询问 {people}。',
    });
    expect(evaluateRules(bare('en'), [rule])[0]!.message).toBe('The pilot is 3 weeks late; ask Ana, Raj.');
    expect(evaluateRules(bare('zh-CN'), [rule])[0]!.message).toBe('试点已延误 3 周；请询问 Ana、Raj。');
    const englishOnly = fixed('late_pilot', [{ severity: 'medium', params: { weeks: 3 } }], { en: 'The pilot is {weeks} weeks late.' });
    expect(evaluateRules(bare('zh-CN'), [englishOnly])[0]!.message).toBe('The pilot is 3 weeks late.');
  });

  it('a user rule without messages and without a catalogue entry shows its description', () => {
    expect(evaluateRules(bare(), [fixed('quiet_rule', [{ severity: 'low' }])])[0]!.message).toBe('the quiet_rule rule');
  });

  it('a hit without params or people gives {} and []', () => {
    const [f] = evaluateRules(bare(), [fixed('x', [{ severity: 'low' }])]);
    expect([f!.params, f!.people]).toEqual([{}, []]);
  });

  it('defaults: 14 built-in rules, the default thresholds and stage template', () => {
    expect(BUILTIN_RULES).toHaveLength(14);
    expect(RULE_THRESHOLDS).toEqual({
      minContacts: 2,
      coachMinScore: 0.3,
      blockerStance: -0.5,
      blockerWeight: 0.3,
      highInfluence: 0.75,
      oppositionPressure: -0.2,
      supportDrop: 0.01,
    });
    expect(DEFAULT_STAGE_TEMPLATE.map((r) => [r.role, r.by])).toEqual([
      ['user', 0.2],
      ['technical-buyer', 0.3],
      ['economic-buyer', 0.5],
      ['procurement', 0.6],
      ['approver', 0.6],
      ['legal', 0.75],
    ]);
  });
});

describe('configuring the rules through assessDeal(d, { rules })', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['rules: "none"', { rules: 'none' }, 'rules'],
    ['rules.thresholds.minContact (a typo)', { rules: { thresholds: { minContact: 3 } } }, 'rules.thresholds.minContact'],
    ['rules.thresholds.coachMinScore: 2', { rules: { thresholds: { coachMinScore: 2 } } }, 'rules.thresholds.coachMinScore'],
    ['rules.thresholds.minContacts: 1.5', { rules: { thresholds: { minContacts: 1.5 } } }, 'rules.thresholds.minContacts'],
    ['rules.disable: ["no_dm_contacts"] (a typo)', { rules: { disable: ['no_dm_contacts'] } }, 'rules.disable[0]'],
    ['rules.disable: "no_coach"', { rules: { disable: 'no_coach' } }, 'rules.disable'],
    ['rules.custom: [{}]', { rules: { custom: [{}] } }, 'rules.custom[0]'],
    ['rules.stageTemplate: [{ role: "ceo", by: 0.5 }]', { rules: { stageTemplate: [{ role: 'ceo', by: 0.5 }] } }, 'rules.stageTemplate[0].role'],
    ['rules.stageTemplate: [{ role: "legal", by: 75 }]', { rules: { stageTemplate: [{ role: 'legal', by: 75 }] } }, 'rules.stageTemplate[0].by'],
    ['rules.disabled (unknown setting)', { rules: { disabled: ['no_coach'] } }, 'rules.disabled'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => assessDeal(harbor(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('rules.disable switches rules off (Harbor without no_dm_contact and needs_unknown)', () => {
    const all = assessDeal(harbor()).flags.map((f) => f.code);
    expect(all).toContain('no_dm_contact');
    expect(all).toContain('needs_unknown');
    const some = assessDeal(harbor(), { rules: { disable: ['no_dm_contact', 'needs_unknown'] } }).flags.map((f) => f.code);
    expect(some).not.toContain('no_dm_contact');
    expect(some).not.toContain('needs_unknown');
    expect(some).toEqual(all.filter((c) => c !== 'no_dm_contact' && c !== 'needs_unknown'));
  });

  it('rules.thresholds changes a threshold and keeps the others (Harbor: 2 contacts, single-threaded below 3)', () => {
    const codes = (thresholds: Record<string, number>) => assessDeal(harbor(), { rules: { thresholds } }).flags.map((f) => f.code);
    expect(codes({})).not.toContain('single_threaded');
    expect(codes({ minContacts: 3 })).toContain('single_threaded');
    // the blocker (the CFO, skeptic, influence 0.5 on the CEO) is still found with the default blockerWeight
    expect(codes({ minContacts: 3 })).toContain('blocker_near_dm');
  });

  it('rules.custom adds a user rule that reads the context, with messages in en and zh-CN, ordered among the built-in flags', () => {
    // A seller's own rule: a deal past 50% without a recorded budget approval.
    const budgetRule: Rule = {
      code: 'budget_not_approved',
      description: 'Past half way without an approved budget.',
      methodology: 'M5',
      messages: { en: 'Budget not approved at {progress} of the cycle.', 'zh-CN': '项目进行到 {progress} 时预算仍未批准。' },
      evaluate: (ctx) =>
        ctx.progress >= 0.5 && ctx.deal.intel?.finance?.budgetApproved !== true
          ? [{ severity: 'critical', params: { progress: `${Math.round(ctx.progress * 100)}%` }, people: ctx.coverage.decisionMakers.map((d) => d.id) }]
          : [],
    };
    const a = assessDeal(harbor(), { rules: { custom: [budgetRule] } });
    expect(a.flags[0]).toEqual({
      code: 'budget_not_approved',
      severity: 'critical',
      message: 'Budget not approved at 60% of the cycle.',
      params: { progress: '60%' },
      people: ['ceo'],
    });
    expect(assessDeal(harbor(), { locale: 'zh-CN', rules: { custom: [budgetRule] } }).flags[0]!.message).toBe('项目进行到 60% 时预算仍未批准。');
    // the safe deal has an approved budget: no flag
    expect(assessDeal(safeDeal(), { rules: { custom: [budgetRule] } }).flags.map((f) => f.code)).not.toContain('budget_not_approved');
    // and a user rule can be disabled like a built-in one
    expect(assessDeal(harbor(), { rules: { custom: [budgetRule], disable: ['budget_not_approved'] } }).flags.map((f) => f.code)).not.toContain('budget_not_approved');
  });

  it('rules.stageTemplate replaces the default template (Harbor at 60%)', () => {
    const codes = (stageTemplate: { role: 'legal' | 'user'; by: number }[]) =>
      assessDeal(harbor(), { rules: { stageTemplate } }).flags.filter((f) => f.code === 'role_not_engaged').map((f) => f.people);
    // default template at 60%: the CFO (economic buyer, by 50%) and Kim Novak (procurement, by 60%) are not contacts
    expect(assessDeal(harbor()).flags.filter((f) => f.code === 'role_not_engaged').map((f) => f.people)).toEqual([['cfo'], ['buyer']]);
    expect(codes([{ role: 'legal', by: 0.1 }])).toEqual([]);
    // Ana (user) is a contact: a user requirement is met
    expect(codes([{ role: 'user', by: 0.1 }])).toEqual([]);
    expect(codes([])).toEqual([]);
  });

  it('a user rule without messages shows its description, and its flag names the people it returns', () => {
    const rule = fixed('watch_list', [{ severity: 'low', people: ['it', 'whm'] }]);
    const f = assessDeal(harbor(), { rules: { custom: [rule] } }).flags.find((x) => x.code === 'watch_list')!;
    expect(f.people).toEqual(['it', 'whm']);
    expect(f.message).toBe('the watch_list rule');
  });

  it('the context a rule sees: progress 0 when the stage is missing, the thresholds merged over the defaults', () => {
    let seen: RuleContext | undefined;
    const spy: Rule = { code: 'spy', description: 'records the context', evaluate: (ctx) => ((seen = ctx), []) };
    assessDeal(deal([{ id: 'a' }]), { rules: { custom: [spy], thresholds: { minContacts: 4 } } });
    expect(seen!.progress).toBe(0);
    expect(seen!.thresholds).toEqual({ ...RULE_THRESHOLDS, minContacts: 4 });
    expect(seen!.stageTemplate).toEqual(DEFAULT_STAGE_TEMPLATE);
    expect(seen!.comparison).toBeNull();
    expect(seen!.name('a')).toBe('a');
  });
});
