import { describe, expect, it } from 'vitest';
import { assessDeal, buildGraph, OptionError, toCsv } from '../../src/index.js';
import { loadFixture } from '../support/fixtures.js';

/** A tiny RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('toCsv', () => {
  it('throws OptionError when given something that is not an assessment', () => {
    expect(() => toCsv({} as never)).toThrow(OptionError);
  });

  it('writes one row per person in rank order (the worked example: ceo 0.231632 first)', () => {
    const deal = loadFixture('harbor-wms.json');
    const rows = readCsv(toCsv(assessDeal(deal), { graph: buildGraph(deal) }));
    expect(rows[0]).toEqual(['rank', 'id', 'name', 'title', 'department', 'level', 'roles', 'stance', 'score', 'relationship', 'contribution', 'decision_maker', 'ally', 'gatekeeper', 'coach_candidate', 'coach_score', 'engagement_expected']);
    // worked-example.md: ceo, coo, whm, cfo, it, buyer
    expect(rows.slice(1).map((r) => r[1])).toEqual(['ceo', 'coo', 'whm', 'cfo', 'it', 'buyer']);
    expect(Number(rows[1]![8])).toBeCloseTo(0.231632, 6);
    // Ana's relationship 0.9 * 0.5^(30/90) = 0.714330 (with the graph); her contribution = score * 1
    const whm = rows.find((r) => r[1] === 'whm')!;
    expect(Number(whm[9])).toBeCloseTo(0.71433, 5);
    expect(Number(whm[10])).toBeCloseTo(0.185622, 6);
    expect(whm[12]).toBe('true'); // an ally
  });

  it('neutralises formulas and quotes separators, quotes and line breaks', () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', 'Ana, "the champion"'];
    const deal = {
      id: 'csv',
      people: names.map((name, i) => ({ id: `p${i}`, name, title: i === 0 ? 'line\nbreak' : undefined, influence: 0.5, stance: 0.5 })),
    };
    const text = toCsv(assessDeal(deal), { graph: buildGraph(deal) });
    const rows = readCsv(text);
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byId.get('p0')![2]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(byId.get('p1')![2]).toBe("'+SUM(1,2)");
    expect(byId.get('p2')![2]).toBe("'-2+3");
    expect(byId.get('p3')![2]).toBe("'@cmd");
    expect(byId.get('p4')![2]).toBe('Ana, "the champion"');
    expect(byId.get('p0')![3]).not.toContain('\n'); // control characters removed
    for (const r of rows) expect(r).toHaveLength(17);
    // numbers stay numbers (a negative stance is not "neutralised")
    expect(text).not.toMatch(/,'-0\./);
  });

  it('is deterministic and takes another separator', () => {
    const a = assessDeal(loadFixture('harbor-wms.json'));
    expect(toCsv(a)).toBe(toCsv(a));
    expect(toCsv(a, { separator: ';' }).split('\r\n')[0]).toContain('rank;id;name');
  });
});
