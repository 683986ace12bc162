/**
 * Hostile input: a library embedded in CRMs receives whatever users typed. Each case either
 * analyses correctly or fails with a ValidationError listing the issues; never a crash, never a
 * prototype pollution, never a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import {
  assessDeal,
  buildGraph,
  checkDecisionMakerCoverage,
  measureSupportBase,
  parseDeal,
  predictConsensus,
  rankKeyPeople,
  safeParseDeal,
  ValidationError,
} from '../../src/index.js';

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const NASTY_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>window.__pwned=1</script>',
  '=HYPERLINK("http://evil.example","click")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '"quoted" & \'apostrophes\' \\ backslash',
  '👩‍💼 Chief 🚀 Officer',
  'مدير المشتريات',
  'מנהל הרכש',
  '\u202Eevil\u202C',
  'x'.repeat(10_000),
];

/** A small valid deal whose ids and names are the given strings. */
function dealWithIds(ids: readonly string[], names: readonly string[] = ids): Record<string, unknown> {
  return {
    id: 'hostile',
    asOf: '2026-11-01',
    stage: { progress: 0.6 },
    people: ids.map((id, i) => ({
      id,
      name: names[i],
      title: names[i],
      department: names[(i + 1) % names.length],
      reportsTo: i === 0 ? null : ids[0],
      roles: i === 0 ? ['decision-maker'] : [],
      influence: 0.5,
      stance: i % 2 === 0 ? 'supporter' : 'skeptic',
      needs: [names[i]],
    })),
    relations: ids.slice(1).map((id, i) => ({ from: id, to: ids[(i + 2) % ids.length], kind: 'influences', weight: 0.4, note: names[i] })),
    team: [{ id: ids[0], name: names[0] }],
    contacts: [{ member: ids[0], person: ids[1], strength: 0.8 }],
    competitors: [{ id: ids[2], name: names[2] }],
  };
}

describe('hostile ids and names', () => {
  it.each(PROTO_NAMES)('an id %j is data: parsed, analysed, never touching Object.prototype', (nasty) => {
    const ids = [nasty, 'a', 'b', 'c'];
    const deal = parseDeal(dealWithIds(ids));
    expect(deal.people.map((p) => p.id)).toEqual(ids);
    const ranking = rankKeyPeople(deal);
    expect(ranking.people.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(ranking.people.reduce((s, p) => s + p.score, 0)).toBeCloseTo(1, 12);
    const a = assessDeal(deal);
    expect(a.coverage.decisionMakers[0]!.id).toBe(nasty);
    // Nothing leaked onto the prototype of plain objects.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as Record<string, unknown>).toString).toBe('function');
  });

  it('names made of markup, formulas, emoji, right-to-left text and 10,000 characters are kept exactly', () => {
    const ids = NASTY_STRINGS.map((_, i) => `p${i}`);
    const deal = parseDeal(dealWithIds(ids, NASTY_STRINGS));
    expect(deal.people.map((p) => p.name)).toEqual(NASTY_STRINGS);
    const a = assessDeal(deal);
    expect(a.ranking.people.find((p) => p.id === 'p0')!.name).toBe(NASTY_STRINGS[0]);
    expect(JSON.parse(JSON.stringify(a)).ranking.people.length).toBe(NASTY_STRINGS.length);
  });

  it('hostile strings as ids work too', () => {
    const deal = parseDeal(dealWithIds(NASTY_STRINGS));
    const base = measureSupportBase(deal);
    expect(base.contributors.map((c) => c.id).sort()).toEqual([...NASTY_STRINGS].sort());
  });

  it('a "__proto__" key in competitorAffinity is refused with a path, not silently dropped', () => {
    const raw = JSON.parse(
      '{"id":"d","competitors":[{"id":"r"}],"people":[{"id":"a","competitorAffinity":{"__proto__":0.5,"r":0.2}}]}',
    );
    const r = safeParseDeal(raw);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.path])).toContainEqual(['reserved_key', 'people[0].competitorAffinity.__proto__']);
  });
});

describe('hostile numbers and references', () => {
  it('NaN, Infinity and negative weights are each reported with their path', () => {
    const r = safeParseDeal({
      id: 'd',
      people: [
        { id: 'a', influence: Number.NaN, stance: Number.POSITIVE_INFINITY },
        { id: 'b', susceptibility: -0.1 },
      ],
      relations: [
        { from: 'a', to: 'b', kind: 'influences', weight: -0.5 },
        { from: 'b', to: 'a', kind: 'influences', weight: Number.NEGATIVE_INFINITY },
      ],
      contacts: [{ person: 'a', strength: Number.NaN }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(ValidationError);
    expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([
      ['people[0].influence', 'non_finite'],
      ['people[0].stance', 'non_finite'],
      ['people[1].susceptibility', 'out_of_range'],
      ['relations[0].weight', 'out_of_range'],
      ['relations[1].weight', 'non_finite'],
      ['contacts[0].strength', 'non_finite'],
    ]);
  });

  it('duplicate relations merge by noisy-OR instead of failing', () => {
    // Two identical lines a -> b of 1/2: 1 - (1 - 1/2)(1 - 1/2) = 3/4.
    const g = buildGraph({
      id: 'd',
      people: [{ id: 'a' }, { id: 'b' }],
      relations: [
        { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
        { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
      ],
    });
    expect(g.weight(0, 1)).toBeCloseTo(3 / 4, 15);
  });

  it('relations to unknown people and reporting cycles fail with every issue listed', () => {
    const r = safeParseDeal({
      id: 'd',
      people: [
        { id: 'a', reportsTo: 'c' },
        { id: 'b', reportsTo: 'a' },
        { id: 'c', reportsTo: 'b' },
      ],
      relations: [{ from: 'a', to: 'ghost', kind: 'informs' }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.code).sort()).toEqual(['reports_to_cycle', 'unknown_person']);
    expect(r.error.issues.find((i) => i.code === 'reports_to_cycle')!.message).toContain('"a" -> "c" -> "b" -> "a"');
  });
});

describe('scale without recursion', () => {
  it('100,000 people in one reportsTo chain parse, build and analyse without a stack overflow', () => {
    const n = 100_000;
    const people = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      reportsTo: i === 0 ? null : `p${i - 1}`,
      influence: 0.5,
      stance: i % 3 === 0 ? 0.5 : null,
      roles: i === 0 ? ['decision-maker'] : undefined,
    }));
    const g = buildGraph({ id: 'chain', people, contacts: [{ person: `p${n - 1}`, strength: 0.9 }] });
    // Levels: 1 + the manager's level, so the last person is at level n.
    expect(g.level[g.indexOf(`p${n - 1}`)!]).toBe(n);
    const ranking = rankKeyPeople(g, { brokerageExactLimit: 0, brokeragePivots: 4 });
    expect(ranking.people.reduce((s, p) => s + p.score, 0)).toBeCloseTo(1, 9);
    const c = predictConsensus(g);
    expect(c.stances.length).toBe(n);
    const [dm] = checkDecisionMakerCoverage(g).decisionMakers;
    // The only route runs down the whole chain; every factor is < 1, so it underflows toward 0
    // but the search itself completes.
    expect(dm!.id).toBe('p0');
  }, 120_000);

  it('a reporting cycle 100,000 long is found and named without a stack overflow', () => {
    const n = 100_000;
    const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, reportsTo: `p${(i + 1) % n}` }));
    const r = safeParseDeal({ id: 'ring', people });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]!.code).toBe('reports_to_cycle');
    expect(r.error.issues[0]!.path).toBe('people[0].reportsTo');
  }, 60_000);
});
