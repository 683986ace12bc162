import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, catalogues, explain, formatMessage, renderTemplate, spinQuestions } from '../../src/index.js';

/** The `{name}` placeholders of a template, sorted and de-duplicated. */
const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Every .ts file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The message codes the library renders: string literals passed to say/gap/explain/formatMessage,
 * literal codes with a message prefix (ternaries), the flags of the built-in rules, and the three
 * trends (`trend_${trend}`).
 */
function usedCodes(): string[] {
  const srcDir = new URL('../../src/', import.meta.url).pathname;
  const codes = new Set<string>();
  for (const file of sources(srcDir)) {
    if (file.endsWith('catalogue.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:say|gap|explain|formatMessage)\(\s*'([a-z][a-z0-9_]*)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/'((?:gap|account|stage|trend|threshold|action)_[a-z0-9_]+)'/g)) codes.add(m[1]!);
  }
  for (const rule of BUILTIN_RULES) codes.add(`flag_${rule.code}`);
  for (const trend of ['growing', 'shrinking', 'stable']) codes.add(`trend_${trend}`);
  return [...codes].sort();
}

describe('the message catalogues', () => {
  const en = catalogues.en;
  const zh = catalogues['zh-CN'];

  it('there are two locales, en and zh-CN', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['en', 'zh-CN']);
  });

  it('every code in en has a zh-CN entry, and vice versa', () => {
    expect(Object.keys(en).filter((code) => !(code in zh))).toEqual([]);
    expect(Object.keys(zh).filter((code) => !(code in en))).toEqual([]);
  });

  it('each code has the same placeholders in both locales', () => {
    const differ = Object.keys(en).filter((code) => JSON.stringify(placeholders(en[code]!)) !== JSON.stringify(placeholders(zh[code] ?? '')));
    expect(differ).toEqual([]);
  });

  it('every zh-CN message is translated (has Chinese characters) and no message is empty', () => {
    expect(Object.entries(zh).filter(([, t]) => !/[\u4e00-\u9fff]/.test(t)).map(([c]) => c)).toEqual([]);
    expect(Object.entries(en).filter(([, t]) => t.trim() === '').map(([c]) => c)).toEqual([]);
  });

  it('every message code the library renders exists in the catalogue', () => {
    const codes = usedCodes();
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((code) => en[code] === undefined)).toEqual([]);
  });
});

describe('formatMessage', () => {
  it("formatMessage('dm_none', { person }) in English and Chinese (the doc example)", () => {
    expect(formatMessage('dm_none', { person: 'Dana Reyes' })).toBe('We have no path to decision maker Dana Reyes.');
    expect(formatMessage('dm_none', { person: 'Dana Reyes' }, 'zh-CN')).toBe('我们没有接触决策者 Dana Reyes 的路径。');
  });

  it('an unknown code renders as the code itself', () => {
    expect(formatMessage('no_such_code', { person: 'x' })).toBe('no_such_code');
    expect(formatMessage('no_such_code', {}, 'zh-CN')).toBe('no_such_code');
  });

  it('a missing parameter leaves its placeholder', () => {
    expect(formatMessage('dm_none')).toBe('We have no path to decision maker {person}.');
  });

  it('list parameters use the locale separator', () => {
    expect(formatMessage('gap_needs_unknown', { people: ['Zhang Wei', 'Li Qiang'] })).toBe('Needs not recorded for: Zhang Wei, Li Qiang.');
    expect(formatMessage('gap_needs_unknown', { people: ['张伟', '李强'] }, 'zh-CN')).toBe('以下人员的需求未记录：张伟、李强。');
  });

  it('explain returns the code, the params and the rendered message', () => {
    expect(explain('dm_none', { person: 'ceo' })).toEqual({ code: 'dm_none', params: { person: 'ceo' }, message: 'We have no path to decision maker ceo.' });
    expect(explain('flag_no_coach', {}, 'zh-CN').message).toBe('没有内线：还没有人符合内线的条件。');
  });
});

describe('renderTemplate', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['the doc example', '{who} owes {amount}', { who: ['Li', 'Wang'], amount: 2 / 3 }, 'Li, Wang owes 0.667'],
    ['an integer stays as it is', '{n} people', { n: 1200000 }, '1200000 people'],
    ['at most 3 decimals', '{x}', { x: 0.1 + 0.2 }, '0.3'],
    ['a negative number', '{x}', { x: -0.5 }, '-0.5'],
    ['a tiny number rounds to 0', '{x}', { x: 0.0004 }, '0'],
    ['null renders as a dash', '{x}', { x: null }, '—'],
    ['booleans', '{x}', { x: true }, 'true'],
    ['an empty list', '[{x}]', { x: [] }, '[]'],
    ['a placeholder used twice', '{a} and {a}', { a: 'x' }, 'x and x'],
    ['adjacent placeholders', '{a}{b}', { a: 1, b: 2 }, '12'],
    ['braces that are not placeholders stay', '{ a } {} {a-b} {{a}}', { a: 1 }, '{ a } {} {a-b} {1}'],
    ['no placeholder at all', 'plain text', { a: 1 }, 'plain text'],
    ['an unknown placeholder stays', '{a} {b}', { a: 1 }, '1 {b}'],
    ['inherited names are not parameters', '{toString} {constructor}', {}, '{toString} {constructor}'],
    ['a non-word name is not a placeholder', '{a-b}', { 'a-b': 'x' }, '{a-b}'],
    ['hostile values are inserted as text, never re-expanded', '{a}', { a: '{a} <script>' }, '{a} <script>'],
  ])('%s', (_name, template, params, expected) => {
    expect(renderTemplate(template, params as never)).toBe(expected);
  });

  it('joins lists with 、 in zh-CN', () => {
    expect(renderTemplate('{who}', { who: ['李', '王'] }, 'zh-CN')).toBe('李、王');
  });
});

describe('spinQuestions (M11)', () => {
  it('four questions in SPIN order: situation, problem, implication, need-payoff', () => {
    expect(spinQuestions(['user']).map((q) => q.kind)).toEqual(['situation', 'problem', 'implication', 'need-payoff']);
    expect(spinQuestions(['user'])[1]!.text).toBe('Where does the work get stuck or need workarounds?');
  });

  it('the most senior buying role wins; a role without its own set gets the general questions', () => {
    expect(spinQuestions(['user', 'decision-maker'])).toEqual(spinQuestions(['decision-maker']));
    expect(spinQuestions(['decision-maker'])[0]!.text).toBe('Which goals for the next two years does this project serve?');
    expect(spinQuestions(['coach', 'influencer'])).toEqual(spinQuestions([]));
    expect(spinQuestions([])[0]!.text).toBe('What is your part in this project?');
  });

  it('in Chinese', () => {
    expect(spinQuestions(['economic-buyer'], 'zh-CN')[0]!.text).toBe('这类项目在贵单位是如何立项和审批预算的？');
    expect(spinQuestions(['gatekeeper'], 'zh-CN').every((q) => /[\u4e00-\u9fff]/.test(q.text))).toBe(true);
  });
});
