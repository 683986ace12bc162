import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PowermapError, ValidationError, formatPath, parseDeal, safeParseDeal } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, freezeDeep } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/** The issues of an input that must fail, as [code, path] pairs in the order reported. */
function issuesOf(input: unknown): [string, string][] {
  const result = safeParseDeal(input);
  expect(result.success).toBe(false);
  if (result.success) return [];
  expect(result.error).toBeInstanceOf(ValidationError);
  for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
  return result.error.issues.map((issue) => [issue.code, issue.path]);
}

/** A deal of the given people (and more fields). */
function deal(people: Record<string, unknown>[], more: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: 1, id: 'd', people, ...more };
}

const threePeople = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('parseDeal', () => {
  it('throws a ValidationError that lists every problem with a code and a path', () => {
    const bad = deal([{ id: 'a', stance: 2 }, { id: 'b', reportsTo: 'nobody' }]);
    expect(() => parseDeal(bad)).toThrow(ValidationError);
    try {
      parseDeal(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(PowermapError);
      expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([
        ['out_of_range', 'people[0].stance'],
        ['unknown_person', 'people[1].reportsTo'],
      ]);
    }
  });

  it.each([42, 'deal', null, undefined, [], true])('rejects a non-object input (%j) with one issue at the root', (input) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]![1]).toBe('');
  });

  describe('cross-reference checks', () => {
    it.each<[string, Record<string, unknown>, [string, string][]]>([
      [
        'duplicate_id: a person id used twice (reported at the second use)',
        deal([{ id: 'a' }, { id: 'b' }, { id: 'a' }]),
        [['duplicate_id', 'people[2].id']],
      ],
      [
        'duplicate_id: a team member id used twice',
        deal([{ id: 'a' }], { team: [{ id: 'rep' }, { id: 'rep' }] }),
        [['duplicate_id', 'team[1].id']],
      ],
      [
        'duplicate_id: a competitor id used twice',
        deal([{ id: 'a' }], { competitors: [{ id: 'rival' }, { id: 'x' }, { id: 'rival' }] }),
        [['duplicate_id', 'competitors[2].id']],
      ],
      [
        'unknown_person: reportsTo as a string',
        deal([{ id: 'a' }, { id: 'b', reportsTo: 'ceo' }]),
        [['unknown_person', 'people[1].reportsTo']],
      ],
      [
        'unknown_person: reportsTo as an array (path names the entry)',
        deal([{ id: 'a' }, { id: 'b', reportsTo: ['a', 'ceo'] }]),
        [['unknown_person', 'people[1].reportsTo[1]']],
      ],
      [
        'unknown_person: relation from',
        deal(threePeople, { relations: [{ from: 'a', to: 'b', kind: 'informs' }, { from: 'x', to: 'a', kind: 'conflict' }] }),
        [['unknown_person', 'relations[1].from']],
      ],
      [
        'unknown_person: relation to',
        deal(threePeople, { relations: [{ from: 'a', to: 'x', kind: 'influences', weight: 0.5 }] }),
        [['unknown_person', 'relations[0].to']],
      ],
      [
        'unknown_person: ids are case-sensitive',
        deal(threePeople, { relations: [{ from: 'A', to: 'b', kind: 'informs' }] }),
        [['unknown_person', 'relations[0].from']],
      ],
      [
        'unknown_person: contacts.person',
        deal(threePeople, { contacts: [{ person: 'a', strength: 1 }, { person: 'z', strength: 0.5 }] }),
        [['unknown_person', 'contacts[1].person']],
      ],
      [
        'unknown_member: contacts.member',
        deal(threePeople, { team: [{ id: 'rep' }], contacts: [{ member: 'boss', person: 'a', strength: 0.5 }] }),
        [['unknown_member', 'contacts[0].member']],
      ],
      [
        'unknown_member: a member without any team',
        deal(threePeople, { contacts: [{ member: 'rep', person: 'a', strength: 0.5 }] }),
        [['unknown_member', 'contacts[0].member']],
      ],
      [
        'unknown_competitor: competitorAffinity key',
        deal([{ id: 'a', competitorAffinity: { rival: 0.5, other: 0.2 } }], { competitors: [{ id: 'rival' }] }),
        [['unknown_competitor', 'people[0].competitorAffinity.other']],
      ],
      [
        'unknown_competitor: a key that is not an identifier is quoted in the path',
        deal([{ id: 'a', competitorAffinity: { 'rival corp': 0.5 } }]),
        [['unknown_competitor', 'people[0].competitorAffinity["rival corp"]']],
      ],
      [
        'self_relation: influences',
        deal(threePeople, { relations: [{ from: 'b', to: 'b', kind: 'influences', weight: 0.4 }] }),
        [['self_relation', 'relations[0]']],
      ],
      [
        'self_relation: conflict',
        deal(threePeople, { relations: [{ from: 'a', to: 'b', kind: 'informs' }, { from: 'c', to: 'c', kind: 'conflict' }] }),
        [['self_relation', 'relations[1]']],
      ],
      [
        'reports_to_cycle: a person reporting to themself (string form)',
        deal([{ id: 'a', reportsTo: 'a' }]),
        [['reports_to_cycle', 'people[0].reportsTo']],
      ],
      [
        'reports_to_cycle: a person reporting to themself (array form, path names the entry)',
        deal([{ id: 'm' }, { id: 'a', reportsTo: ['m', 'a'] }]),
        [['reports_to_cycle', 'people[1].reportsTo[1]']],
      ],
      [
        'missing_weight: influences without weight',
        deal(threePeople, { relations: [{ from: 'a', to: 'b', kind: 'influences' }] }),
        [['missing_weight', 'relations[0].weight']],
      ],
    ])('%s', (_name, input, expected) => {
      expect(issuesOf(input)).toEqual(expected);
    });

    it('accepts a weight on informs (optional) and on conflict (ignored), and none on either', () => {
      const ok = deal(threePeople, {
        relations: [
          { from: 'a', to: 'b', kind: 'informs' },
          { from: 'a', to: 'c', kind: 'informs', weight: 0.3 },
          { from: 'b', to: 'c', kind: 'conflict' },
          { from: 'c', to: 'a', kind: 'conflict', weight: 0.9 },
        ],
      });
      expect(safeParseDeal(ok).success).toBe(true);
    });

    it('reports a 3-cycle once, at its first person in the input, and the message names the cycle', () => {
      // a -> c -> b -> a (each arrow: "reports to")
      const result = safeParseDeal(deal([{ id: 'a', reportsTo: 'c' }, { id: 'b', reportsTo: 'a' }, { id: 'c', reportsTo: 'b' }]));
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([['reports_to_cycle', 'people[0].reportsTo']]);
      expect(result.error.issues[0]!.message).toContain('"a" -> "c" -> "b" -> "a"');
    });

    it('reports a cycle that does not start at the first person at its first member, through a dotted line', () => {
      // top has no manager; x reports to [top, z]; y reports to x; z reports to y: x -> z -> y -> x.
      const input = deal([
        { id: 'top' },
        { id: 'x', reportsTo: ['top', 'z'] },
        { id: 'y', reportsTo: 'x' },
        { id: 'z', reportsTo: 'y' },
      ]);
      const result = safeParseDeal(input);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([['reports_to_cycle', 'people[1].reportsTo']]);
      expect(result.error.issues[0]!.message).toContain('"x" -> "z" -> "y" -> "x"');
    });

    it('reports two separate cycles separately', () => {
      const input = deal([
        { id: 'a', reportsTo: 'b' },
        { id: 'b', reportsTo: 'a' },
        { id: 'c', reportsTo: 'd' },
        { id: 'd', reportsTo: 'c' },
      ]);
      expect(issuesOf(input)).toEqual([
        ['reports_to_cycle', 'people[0].reportsTo'],
        ['reports_to_cycle', 'people[2].reportsTo'],
      ]);
    });

    it('finds a cycle through a 100,000-person chain without overflowing the stack', () => {
      // p0 reports to p99999, and p(k) reports to p(k-1): one cycle through everyone.
      const n = 100_000;
      const people = Array.from({ length: n }, (_, k) => ({ id: `p${k}`, reportsTo: `p${(k + n - 1) % n}` }));
      expect(issuesOf(deal(people))).toEqual([['reports_to_cycle', 'people[0].reportsTo']]);
    }, 30_000);

    it('reserved_key: "__proto__" in competitorAffinity (JSON.parse makes it an own key)', () => {
      const input = JSON.parse(
        '{"id":"d","competitors":[{"id":"rival"}],"people":[{"id":"a","competitorAffinity":{"__proto__":0.5,"rival":0.2}}]}',
      ) as unknown;
      expect(issuesOf(input)).toEqual([['reserved_key', 'people[0].competitorAffinity.__proto__']]);
    });

    it('reserved_key: "__proto__" even when a competitor has that id', () => {
      const input = JSON.parse('{"id":"d","competitors":[{"id":"__proto__"}],"people":[{"id":"a","competitorAffinity":{"__proto__":0.5}}]}') as unknown;
      expect(issuesOf(input)).toEqual([['reserved_key', 'people[0].competitorAffinity.__proto__']]);
    });

    it('accepts awkward person ids: "__proto__", "constructor", "a b", "王"', () => {
      const input = deal(
        [{ id: '__proto__' }, { id: 'constructor', reportsTo: '__proto__' }, { id: 'a b', reportsTo: ['constructor', '__proto__'] }, { id: '王' }],
        {
          relations: [{ from: '王', to: '__proto__', kind: 'influences', weight: 0.4 }],
          contacts: [{ person: 'a b', strength: 0.5 }],
          competitors: [{ id: 'toString' }],
        },
      );
      const parsed = parseDeal(input);
      expect(parsed.people.map((p) => p.id)).toEqual(['__proto__', 'constructor', 'a b', '王']);
      expect(parsed.people[2]!.reportsTo).toEqual(['constructor', '__proto__']);
    });
  });

  describe('schema checks', () => {
    it.each<[string, Record<string, unknown>, [string, string][]]>([
      ['required: the deal id', { people: [{ id: 'a' }] }, [['required', 'id']]],
      ['required: people', { id: 'd' }, [['required', 'people']]],
      ['required: a person id', deal([{ name: 'Nobody' }]), [['required', 'people[0].id']]],
      ['required: an empty person id', deal([{ id: '' }]), [['required', 'people[0].id']]],
      [
        'required: relation kind',
        deal(threePeople, { relations: [{ from: 'a', to: 'b' }] }),
        [['required', 'relations[0].kind']],
      ],
      [
        'required: contact strength',
        deal(threePeople, { contacts: [{ person: 'a' }] }),
        [['required', 'contacts[0].strength']],
      ],
      ['unknown_field: on the deal', deal(threePeople, { owner: 'me' }), [['unknown_field', 'owner']]],
      ['unknown_field: on a person', deal([{ id: 'a', Stance: 'champion' }]), [['unknown_field', 'people[0].Stance']]],
      [
        'unknown_field: a misspelt weight is unknown, and the influences line misses its weight',
        deal(threePeople, { relations: [{ from: 'a', to: 'b', kind: 'influences', wieght: 0.5 }] }),
        [
          ['missing_weight', 'relations[0].weight'],
          ['unknown_field', 'relations[0].wieght'],
        ],
      ],
      [
        'unknown_field: inside stage',
        deal(threePeople, { stage: { progress: 0.5, percent: 50 } }),
        [['unknown_field', 'stage.percent']],
      ],
      [
        'out_of_range: relation weights above 1 and below 0',
        deal(threePeople, {
          relations: [
            { from: 'a', to: 'b', kind: 'influences', weight: 1.5 },
            { from: 'b', to: 'c', kind: 'informs', weight: -0.1 },
          ],
        }),
        [
          ['out_of_range', 'relations[0].weight'],
          ['out_of_range', 'relations[1].weight'],
        ],
      ],
      [
        'out_of_range: contact strength',
        deal(threePeople, { contacts: [{ person: 'a', strength: 2 }, { person: 'b', strength: -1 }] }),
        [
          ['out_of_range', 'contacts[0].strength'],
          ['out_of_range', 'contacts[1].strength'],
        ],
      ],
      [
        'out_of_range: susceptibility, stage.progress',
        deal([{ id: 'a', susceptibility: 1.2 }], { stage: { progress: -0.5 } }),
        [
          ['out_of_range', 'stage.progress'],
          ['out_of_range', 'people[0].susceptibility'],
        ],
      ],
      [
        'non_finite: NaN and Infinity in stance, influence, weight and strength',
        deal([{ id: 'a', stance: Number.NaN, influence: Number.POSITIVE_INFINITY }, { id: 'b' }], {
          relations: [{ from: 'a', to: 'b', kind: 'influences', weight: Number.NaN }],
          contacts: [{ person: 'a', strength: Number.NEGATIVE_INFINITY }],
        }),
        [
          ['non_finite', 'people[0].influence'],
          ['non_finite', 'people[0].stance'],
          ['non_finite', 'relations[0].weight'],
          ['non_finite', 'contacts[0].strength'],
        ],
      ],
      ['invalid_date: an impossible date', deal(threePeople, { asOf: '2026-02-30' }), [['invalid_date', 'asOf']]],
      ['invalid_date: month 13', deal(threePeople, { asOf: '2026-13-01' }), [['invalid_date', 'asOf']]],
      ['invalid_date: not ISO 8601', deal(threePeople, { asOf: '11/01/2026' }), [['invalid_date', 'asOf']]],
      [
        'invalid_date: lastContact',
        deal(threePeople, {
          contacts: [
            { person: 'a', strength: 1, lastContact: '2026-10-32' },
            { person: 'b', strength: 1, lastContact: 'last week' },
            { person: 'c', strength: 1, lastContact: '2026-10-02T25:00:00Z' },
          ],
        }),
        [
          ['invalid_date', 'contacts[0].lastContact'],
          ['invalid_date', 'contacts[1].lastContact'],
          ['invalid_date', 'contacts[2].lastContact'],
        ],
      ],
      [
        'invalid_value: an unknown relation kind',
        deal(threePeople, { relations: [{ from: 'a', to: 'b', kind: 'likes' }] }),
        [['invalid_value', 'relations[0].kind']],
      ],
      [
        'unknown_label: stance, influence and role labels',
        deal([{ id: 'a', roles: ['boss'], influence: 'huge', stance: 'maybe' }]),
        [
          ['unknown_label', 'people[0].roles[0]'],
          ['unknown_label', 'people[0].influence'],
          ['unknown_label', 'people[0].stance'],
        ],
      ],
      ['too_few: no people', deal([]), [['too_few', 'people']]],
    ])('%s', (_name, input, expected) => {
      expect(issuesOf(input)).toEqual(expected);
    });
  });

  it('reports every one of the ten mistakes of ten-mistakes.json, in document order', () => {
    // See test/fixtures/README.md for the list.
    expect(issuesOf(loadFixture('ten-mistakes.json'))).toEqual([
      ['invalid_date', 'asOf'],
      ['unknown_label', 'people[0].influence'],
      ['out_of_range', 'people[1].stance'],
      ['unknown_person', 'people[2].reportsTo'],
      ['duplicate_id', 'people[3].id'],
      ['unknown_label', 'people[4].roles[0]'],
      ['self_relation', 'relations[0]'],
      ['out_of_range', 'relations[1].weight'],
      ['missing_weight', 'relations[2].weight'],
      ['unknown_person', 'contacts[0].person'],
    ]);
  });

  it('reports schema issues and cross-reference issues together', () => {
    // A schema problem (stance 2) anywhere does not hide a reference problem elsewhere, and vice versa.
    const input = deal(
      [
        { id: 'a', stance: 2 },
        { id: 'b', reportsTo: 'x' },
        { id: 'a', influence: 'huge' },
      ],
      { asOf: '2026-02-30', relations: [{ from: 'b', to: 'b', kind: 'influences' }] },
    );
    expect(issuesOf(input)).toEqual([
      ['invalid_date', 'asOf'],
      ['out_of_range', 'people[0].stance'],
      ['unknown_person', 'people[1].reportsTo'],
      ['duplicate_id', 'people[2].id'],
      ['unknown_label', 'people[2].influence'],
      ['self_relation', 'relations[0]'],
      ['missing_weight', 'relations[0].weight'],
    ]);
  });

  it('reads the Harbor worked example as its hand checks say', () => {
    // worked-example.md, "Hand checks": decisive 1, 0.8, {scale5: 4} = 3/4, null, medium 1/2, low 1/4;
    // stances null, skeptic -1/2, supporter 1/2, champion 1, {rating: -2} = -2/5, neutral 0.
    const parsed = parseDeal(loadFixture('harbor-wms.json'));
    expect(parsed.people.map((p) => p.id)).toEqual(['ceo', 'cfo', 'coo', 'whm', 'it', 'buyer']);
    expect(parsed.people.map((p) => p.influence)).toEqual([1, 0.8, 0.75, null, 0.5, 0.25]);
    expect(parsed.people.map((p) => p.stance)).toEqual([null, -0.5, 0.5, 1, -0.4, 0]);
    expect(parsed.people.map((p) => p.reportsTo)).toEqual([[], ['ceo'], ['ceo'], ['coo'], ['coo'], ['cfo']]);
    expect(parsed.people.map((p) => p.roles)).toEqual([
      ['decision-maker'], ['economic-buyer'], [], ['user'], ['technical-buyer'], ['procurement'],
    ]);
    expect(parsed.relations).toHaveLength(5);
    expect(parsed.stage).toEqual({ name: 'proposal', progress: 0.6 });
    expect(parsed.contacts[1]).toEqual({ member: 'rep', person: 'it', strength: 0.6 });
  });

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 300 })('every deal from arbitraryDeal is valid', (raw) => {
    const result = safeParseDeal(raw);
    if (!result.success) expect(result.error.issues).toEqual([]);
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 300 })(
    'a valid deal survives JSON.stringify -> parseDeal unchanged',
    (raw) => {
      const parsed = parseDeal(raw);
      expect(parseDeal(JSON.parse(JSON.stringify(parsed)))).toStrictEqual(parsed);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 200 })('parsing a parsed deal changes nothing', (raw) => {
    const parsed = parseDeal(raw);
    expect(parseDeal(parsed)).toStrictEqual(parsed);
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 200 })('parseDeal never mutates its input', (raw) => {
    const copy = structuredClone(raw);
    const frozen = freezeDeep(raw);
    parseDeal(frozen); // a write to a frozen object would throw here (ESM is strict mode)
    expect(frozen).toStrictEqual(copy);
  }, PROPERTY_TIMEOUT);

  it('never mutates an invalid input either (the ten-mistakes fixture, frozen)', () => {
    const input = freezeDeep(loadFixture('ten-mistakes.json'));
    const copy = structuredClone(input);
    expect(() => parseDeal(input)).toThrow(ValidationError);
    expect(input).toStrictEqual(copy);
  });
});

describe('safeParseDeal', () => {
  it('returns { success: false, error } instead of throwing', () => {
    const result = safeParseDeal({ id: 'd', people: [{ id: 'a', reportsTo: 'nobody' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([['unknown_person', 'people[0].reportsTo']]);
  });

  it('returns { success: true, data } for a valid deal', () => {
    const result = safeParseDeal({ id: 'd', people: [{ id: 'ceo', stance: 'Supporter', influence: { scale5: 5 } }] });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.people[0]!.stance).toBe(0.5);
    expect(result.data.people[0]!.influence).toBe(1);
  });

  test.prop([fc.jsonValue()], { seed: PROPERTY_SEED, numRuns: 500 })('safeParseDeal never throws on any JSON value', (value) => {
    const result = safeParseDeal(value);
    expect(typeof result.success).toBe('boolean');
  }, PROPERTY_TIMEOUT);

  test.prop([fc.anything()], { seed: PROPERTY_SEED, numRuns: 500 })('safeParseDeal never throws on any value', (value) => {
    const result = safeParseDeal(value);
    expect(typeof result.success).toBe('boolean');
  }, PROPERTY_TIMEOUT);

  const DEAL_KEYS = ['id', 'asOf', 'stage', 'people', 'relations', 'team', 'contacts', 'competitors', 'intel'] as const;
  const PERSON_KEYS = ['id', 'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility', 'competitorAffinity'] as const;
  test.prop(
    [arbitraryDeal({ maxPeople: 5 }), fc.constantFrom(...DEAL_KEYS, ...PERSON_KEYS.map((k) => `person.${k}`)), fc.nat(), fc.anything()],
    { seed: PROPERTY_SEED, numRuns: 500 },
  )('safeParseDeal never throws on a valid deal with one field replaced by any value', (raw, key, who, value) => {
    if (key.startsWith('person.')) {
      const person = raw.people[who % raw.people.length]!;
      person[key.slice('person.'.length)] = value;
    } else raw[key] = value;
    const result = safeParseDeal(raw);
    if (!result.success) for (const issue of result.error.issues) expect(typeof issue.path).toBe('string');
  }, PROPERTY_TIMEOUT);
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['asOf'], 'asOf'],
    [['people', 3, 'reportsTo', 0], 'people[3].reportsTo[0]'],
    [['people', 0, 'competitorAffinity', 'rival corp'], 'people[0].competitorAffinity["rival corp"]'],
    [['people', 0, 'competitorAffinity', '王'], 'people[0].competitorAffinity["王"]'],
    [['people', 0, 'competitorAffinity', 'a"b'], 'people[0].competitorAffinity["a\\"b"]'],
    [['x-y'], '["x-y"]'],
  ])('formatPath(%j) = %j', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
