import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/index.js';
import { HTML_REPORT_CSP, toHtml } from '../../src/report/index.js';
import { deepFreeze, harbor, hostile } from './support.js';

describe('toHtml', () => {
  it('rejects a missing assessment or graph and invalid options', () => {
    const { assessment, graph } = harbor();
    expect(() => toHtml({} as never, graph)).toThrow(OptionError);
    expect(() => toHtml(assessment, null as never)).toThrow(OptionError);
    expect(() => toHtml(assessment, graph, { title: 3 as never })).toThrow(OptionError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { assessment, graph } = harbor();
    const html = toHtml(assessment, graph);

    it('is one self-contained page: charset, a CSP that forbids scripts and remote loads, no script, no external reference', () => {
      expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`);
      expect(HTML_REPORT_CSP).toContain("default-src 'none'");
      expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\((?!#)/i);
      expect(html).not.toMatch(/\b(src|href)=/i);
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    });

    it('contains the thresholds, flags, actions, power map, grid and tables', () => {
      expect(html).toContain('<title>Harbor Logistics warehouse system · Deal assessment</title>');
      expect(html.match(/<div class="card (pass|fail)">/g)).toEqual(['<div class="card fail">', '<div class="card pass">', '<div class="card fail">']);
      expect(html).toContain('<li class="sev-high"><span class="sev">HIGH</span> No direct contact with decision maker Dana Reyes (path) at 60% of the cycle.</li>');
      expect(html).toContain('<ul class="spin">');
      expect(html.match(/<g class="person/g)).toHaveLength(6);
      expect(html.match(/<g class="grid-person"/g)).toHaveLength(6);
      for (const q of ['Leverage: influential supporters', 'Neutralise: influential opponents', 'Cultivate: supporters with little influence', 'Monitor: opponents with little influence'])
        expect(html).toContain(q);
      expect(html).toContain('<bdi>Ana Silva</bdi> → <bdi>Lee Park</bdi> → <bdi>Dana Reyes</bdi> <strong>(16%)</strong>');
    });

    it('takes a title and a locale', () => {
      const zh = toHtml(harbor('zh-CN').assessment, graph, { locale: 'zh-CN', title: 'Harbor & co' });
      expect(zh).toContain('<html lang="zh-CN">');
      expect(zh).toContain('<title>Harbor &amp; co</title>');
      expect(zh).toContain('三道门槛');
      expect(zh).toContain('借力：有影响力的支持者');
    });

    it('is deterministic and does not mutate its inputs', () => {
      expect(toHtml(deepFreeze(structuredClone(assessment)), graph)).toBe(html);
    });
  });

  describe('with hostile names', () => {
    const { assessment, graph } = hostile();
    const html = toHtml(assessment, graph);

    it('escapes every name: no element, attribute or script comes from the deal', () => {
      expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|<\/svg><script/i);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
      expect(html).toContain('&quot;quotes&quot; &amp; ampersands');
      expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
    });

    it('keeps the page a reasonable size despite a 10,000-character name', () => {
      expect(html.length).toBeLessThan(200_000);
      expect(html).not.toContain('o'.repeat(150));
    });
  });
});
