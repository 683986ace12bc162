import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/index.js';
import { toText } from '../../src/report/index.js';
import { displayWidth } from '../../src/report/internal/text.js';
import { deepFreeze, harbor, hostile } from './support.js';

describe('toText', () => {
  it('rejects something that is not an assessment, and unknown or invalid options', () => {
    expect(() => toText({} as never)).toThrow(OptionError);
    expect(() => toText(null as never)).toThrow(OptionError);
    const { assessment } = harbor();
    expect(() => toText(assessment, { width: 10 })).toThrow(OptionError);
    expect(() => toText(assessment, { locale: 'fr' as never })).toThrow(OptionError);
    expect(() => toText(assessment, { colour: true } as never)).toThrow(OptionError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { assessment, graph } = harbor();
    const text = toText(assessment);
    const lines = text.split('\n');

    it('starts with the deal and its stage', () => {
      expect(lines[0]).toBe('Harbor Logistics warehouse system (harbor-wms)');
      expect(lines[1]).toBe('as of 2026-11-01 · Stage: proposal (60% through the cycle) · 6 people');
    });

    it('shows the three thresholds with their evidence (only relationship passes)', () => {
      expect(text).toContain('THE THREE THRESHOLDS: 1 OF 3 PASSED');
      expect(text).toMatch(/✗ Information power +NOT PASSED/);
      expect(text).toMatch(/✓ Relationship power +PASSED/);
      expect(text).toMatch(/✗ Decision power +NOT PASSED/);
      expect(text).toContain('Decision power: Dana Reyes not a direct, supportive contact yet.');
    });

    it('lists the red flags by severity, and the next actions with SPIN questions', () => {
      expect(text).toMatch(/RED FLAGS\n {2}HIGH {4}No direct contact with decision maker Dana Reyes/);
      const flags = text.slice(text.indexOf('RED FLAGS'), text.indexOf('NEXT ACTIONS'));
      expect(flags.indexOf('MEDIUM')).toBeGreaterThan(flags.lastIndexOf('HIGH'));
      expect(text).toContain('1. Get introduced to Dana Reyes through Lee Park (Ana Silva → Lee Park');
      expect(text).toContain('Situation: How does your team do this work today, step by step?');
    });

    it('ranks who matters, with score, stance and roles', () => {
      expect(text).toMatch(/ 1 {2}Dana Reyes +0\.232 {2}unknown +decision maker +1/);
      expect(text).toMatch(/ 4 {2}Sam Okafor +0\.173 {2}skeptic -0\.50 +economic buyer +2/);
      expect(text).toContain('Influence not assessed (assumed 0.75): Ana Silva');
    });

    it('shows the support base, the decision maker with the best path, coaches, lean and engagements', () => {
      expect(text).toContain('Net support +0.14 (support 0.28, opposition 0.15); unknown stance 23%');
      expect(text).toContain('Allies: Ana Silva (champion +1.00, our relationship 0.71)');
      expect(text).toContain('Dana Reyes: reachable, risk HIGH, stance unknown, our relationship 0.00');
      expect(text).toContain('Best path: us → Ana Silva → Lee Park → Dana Reyes (16%)');
      expect(text).toContain('Alternative: us → Raj Mehta → Lee Park → Dana Reyes (3%)');
      expect(text).toContain('1. Lee Park: 0.60, mobiliser; weakest: willingness (0.25)');
      expect(text).toContain('Lean +0.14: CONTESTED');
      expect(text).toMatch(/1\. Raj Mehta +\+0\.199 × {2}60% = \+0\.119 {2}our direct contact/);
    });

    it('adds our relationship with the graph, and job titles from width 100', () => {
      expect(toText(assessment, { graph })).toMatch(/Ana Silva .* 0\.71\n/);
      expect(toText(assessment, { graph, width: 100 })).toContain('Warehouse Manager');
    });

    it('keeps every line within the width', () => {
      for (const width of [40, 80, 120]) for (const line of toText(assessment, { width }).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    });

    it('colours only when asked (no escape code otherwise)', () => {
      expect(text).not.toContain('\u001b');
      const coloured = toText(assessment, { color: true });
      expect(coloured).toContain('\u001b[31m');
      expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
    });

    it('writes its own headings in Chinese for zh-CN', () => {
      const zh = toText(harbor('zh-CN').assessment, { locale: 'zh-CN' });
      expect(zh).toContain('三道门槛: 已通过 1/3');
      expect(zh).toContain('最佳路径: 我方 → Ana Silva → Lee Park → Dana Reyes (16%)');
      expect(zh).toContain('决定力：Dana Reyes 尚未成为直接联系且支持我们的人。');
    });

    it('is deterministic and does not mutate the assessment', () => {
      const frozen = deepFreeze(structuredClone(assessment));
      expect(toText(frozen, { color: true })).toBe(toText(assessment, { color: true }));
    });
  });

  describe('with hostile names', () => {
    const { assessment, graph } = hostile();
    const text = toText(assessment, { graph, color: true, width: 100 });
    const plain = text.replace(/\u001b\[\d+m/g, '');

    it('lets no control character, escape sequence or bidi override through', () => {
      expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(plain).toContain('\uFFFD[31mred\uFFFD[0m next lineevil');
    });

    it('isolates right-to-left names and keeps lines within the width', () => {
      expect(plain).toContain('\u2068محمد الأحمد\u2069');
      for (const line of plain.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    });

    it('cuts the 10,000-character name', () => {
      expect(plain.length).toBeLessThan(20_000);
      expect(plain).not.toContain('o'.repeat(100));
    });
  });
});
