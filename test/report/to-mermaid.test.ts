import { describe, expect, it } from 'vitest';
import { buildGraph, ValidationError } from '../../src/index.js';
import { toMermaid } from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { harbor, hostile, reversedDeal } from './support.js';

/** What each line of our Mermaid output must look like. */
const LINE = [
  /^flowchart TB$/,
  /^ {2}subgraph d\d+\["[^"]*"\]$/,
  /^ {2}end$/,
  /^ {2,4}p\d+(_[A-Za-z0-9]{1,24})?(\["[^"]*"\]|\[\["[^"]*"\]\])$/,
  /^ {2}p\d+(_[A-Za-z0-9]+)? (-->|-\.->|---)\|"[^"]*"\| p\d+(_[A-Za-z0-9]+)?$/,
  /^ {2}linkStyle [\d,]+ [a-z:#0-9.,\- ]+$/,
  /^ {2}classDef (champion|supporter|neutral|skeptic|opponent|unknown) [a-z:#0-9.,\- ]+$/,
  /^ {2}class [\w,]+ (champion|supporter|neutral|skeptic|opponent|unknown)$/,
];

describe('toMermaid', () => {
  it('throws ValidationError on an invalid deal', () => {
    expect(() => toMermaid({} as never)).toThrow(ValidationError);
  });

  it('draws the worked example as a flowchart', () => {
    const { graph } = harbor();
    const mmd = toMermaid(graph);
    expect(mmd.split('\n')[0]).toBe('flowchart TB');
    expect(mmd).toContain('  p1_ceo[["Dana Reyes<br/>CEO"]]');
    expect(mmd).toContain('  p2_cfo -->|"0.5"| p1_ceo');
    expect(mmd).toContain('  p3_coo -.->|"0.15"| p1_ceo');
    expect(mmd).toContain('  p5_whm ---|"conflict"| p4_it');
    expect(mmd).toContain('  class p2_cfo,p4_it skeptic');
    expect(mmd).toContain('  class p1_ceo unknown');
    // 11 influence lines + 1 conflict, each styled exactly once.
    const styled = [...mmd.matchAll(/linkStyle ([\d,]+)/g)].flatMap((m) => m[1]!.split(',').map(Number)).sort((a, b) => a - b);
    expect(styled).toEqual(Array.from({ length: 12 }, (_, k) => k));
    expect(toMermaid(buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never)))).toBe(mmd);
  });

  it('keeps hostile names inside their labels: generated ids, entity-escaped labels', () => {
    const { graph } = hostile();
    const mmd = toMermaid(graph);
    for (const line of mmd.trimEnd().split('\n')) expect(LINE.some((re) => re.test(line)), line).toBe(true);
    expect(mmd).toContain('#60;img src#61;x onerror#61;alert#40;1#41;#62;');
    expect(mmd).toContain('#quot;quotes#quot; #38; ampersands');
    expect(mmd).toContain('p1_proto[[');
    // Labels carry no character that could end them or start markup.
    for (const [, label] of mmd.matchAll(/\["([^"]*)"\]/g)) expect(label!.replace(/<br\/>|#(?:quot|\d+);/g, '')).not.toMatch(/[<>[\]{}()|`\\;#&]/);
  });
});
