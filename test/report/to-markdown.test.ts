import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/index.js';
import { toMarkdown } from '../../src/report/index.js';
import { deepFreeze, harbor, hostile } from './support.js';

/** The cells of a GFM table row: split on `|` not preceded by a backslash. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The tables of a Markdown document: arrays of rows (header first, delimiter row dropped). */
function tables(md: string): string[][][] {
  const out: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) out.push((current = []));
      if (!/^\|(?: -+:? \|)+$/.test(line)) current.push(cells(line));
    } else current = null;
  }
  return out;
}

describe('toMarkdown', () => {
  it('rejects something that is not an assessment, and invalid options', () => {
    expect(() => toMarkdown(undefined as never)).toThrow(OptionError);
    expect(() => toMarkdown(harbor().assessment, { people: -1 })).toThrow(OptionError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { assessment, graph } = harbor();
    const md = toMarkdown(assessment);

    it('has the deal as title and a section per part of the assessment', () => {
      expect(md.split('\n')[0]).toBe('# Harbor Logistics warehouse system');
      const headings = md.split('\n').filter((l) => l.startsWith('## '));
      expect(headings).toEqual([
        '## The three thresholds: 1 of 3 passed',
        '## Red flags',
        '## Next actions',
        '## Who matters',
        '## Support base',
        '## Decision makers',
        '## Coach candidates',
        '## Committee lean',
        '## Who to win over next',
      ]);
    });

    it('puts thresholds, flags, people, decision makers, coaches and engagements in tables with the right number of cells', () => {
      const t = tables(md);
      expect(t.map((x) => x[0]![0])).toEqual(['Threshold', 'Severity', '#', 'Name', '#', '#']);
      for (const table of t) for (const row of table) expect(row).toHaveLength(table[0]!.length);
      expect(t[0]![1]).toEqual(['**Information power**', '❌ NOT PASSED', expect.stringContaining('completeness 0.204')]);
      expect(t[2]![1]).toEqual(['1', 'Dana Reyes', '0.232', 'unknown', 'decision maker', '1']);
      expect(t[3]![1]![5]).toBe('us → Ana Silva → Lee Park → Dana Reyes (16%)');
    });

    it('nests the SPIN questions under their action', () => {
      expect(md).toContain('13. Ask Ana Silva about their needs (SPIN):\n    - *Situation:* How does your team do this work today, step by step?');
    });

    it('adds titles and our relationship with the graph', () => {
      const t = tables(toMarkdown(assessment, { graph }));
      expect(t[2]![0]).toEqual(['#', 'Name', 'Title', 'Score', 'Stance', 'Roles', 'Level', 'Our relationship']);
      expect(t[2]![3]).toEqual(['3', 'Ana Silva', 'Warehouse Manager', '0.186', 'champion +1.00', 'user', '3', '0.71']);
    });

    it('is deterministic and does not mutate the assessment', () => {
      expect(toMarkdown(deepFreeze(structuredClone(assessment)))).toBe(md);
    });
  });

  describe('with hostile names', () => {
    const { assessment, graph } = hostile();
    const md = toMarkdown(assessment, { graph });
    const people = tables(md)[2]!;

    it('lets no raw HTML through: every < in the document is our own <br>', () => {
      expect(md.replace(/<br>/g, '')).not.toContain('<');
      expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(md).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;');
    });

    it('keeps every table row to its columns (a | in a name is escaped)', () => {
      for (const table of tables(md)) for (const row of table) expect(row).toHaveLength(table[0]!.length);
      expect(people.map((r) => r[1])).toContain('\\*bold\\* \\| \\[x\\](javascript:alert(1)) \\_u\\_ \\`code\\` \\#h');
    });

    it('makes no link: the brackets of [x](javascript:...) are escaped', () => {
      expect(md).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    });

    it('prefixes values a spreadsheet would read as a formula with an apostrophe', () => {
      const names = people.map((r) => r[1]!);
      expect(names).toContain(`'=HYPERLINK("http://x","click")`);
      expect(names).toContain("'+1 555 0100");
      expect(names).toContain("'-2+3");
      expect(names).toContain("'@SUM(1+1)\\*cmd\\|/C calc");
      for (const table of tables(md)) for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=@]/);
    });

    it('escapes quotes and ampersands, keeps emoji, isolates right-to-left text', () => {
      expect(md).toContain('"quotes" &amp; ampersands');
      expect(md).toContain('Zoë 👩🏽‍💻 🇨🇳 Chen');
      expect(md).toContain('\u2068محمد الأحمد\u2069');
      expect(md).not.toMatch(/[\u202a-\u202e\u0000-\u0008\u001b]/);
    });

    it('cuts the 10,000-character name', () => {
      expect(md).not.toContain('o'.repeat(150));
    });
  });
});
