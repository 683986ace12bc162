import { describe, expect, it } from 'vitest';
import { buildGraph, ValidationError } from '../../src/index.js';
import { toDot } from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { hostileDeal } from './hostile-deal.js';
import { harbor, hostile, reversedDeal } from './support.js';

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const ATTRS = String.raw`\[(?:[\w]+=(?:${STRING}|[\w.\-]+)(?:, )?)+\]`;
/** A statement of our DOT output: a node, an edge, a rank group, or a default. */
const STATEMENT = new RegExp(String.raw`^ {2}(?:${STRING} ${ATTRS};|${STRING} -> ${STRING} ${ATTRS};|\{ rank=same; (?:${STRING}; )+\}|(?:graph|node|edge) ${ATTRS};)$`);
const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));

describe('toDot', () => {
  it('throws ValidationError on an invalid deal', () => {
    expect(() => toDot({ schemaVersion: 2 } as never)).toThrow(ValidationError);
  });

  it('draws the worked example in ranks by level', () => {
    const { graph } = harbor();
    const dot = toDot(graph);
    expect(dot.startsWith('digraph "powermap" {\n')).toBe(true);
    expect(dot).toContain('  "cfo" -> "ceo" [kinds="influences", w=0.5, label="0.5", penwidth=2.4, color="#475569"];');
    expect(dot).toContain('  "whm" -> "it" [kinds="conflict", w=0, color="#dc2626", style=dashed, dir=none, constraint=false];');
    expect(dot).toContain('  { rank=same; "cfo"; "coo"; }');
    expect(dot).toContain('"ceo" [label="Dana Reyes\\nCEO"');
    expect(toDot(buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never)))).toBe(dot);
  });

  it('quotes and escapes hostile ids and labels so that every statement parses and ids round-trip', () => {
    const { graph } = hostile();
    const lines = toDot(graph).trimEnd().split('\n');
    expect(lines[0]).toBe('digraph "powermap" {');
    expect(lines.at(-1)).toBe('}');
    for (const line of lines.slice(1, -1)) expect(STATEMENT.test(line), line).toBe(true);
    const nodeIds = lines.flatMap((l) => {
      const m = new RegExp(String.raw`^ {2}(${STRING}) \[label=`).exec(l);
      return m ? [unquote(m[1]!)] : [];
    });
    expect(nodeIds.sort()).toEqual(hostileDeal.people.map((p) => p.id).sort());
  });
});
