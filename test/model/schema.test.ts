import { describe, expect, it } from 'vitest';
import { ValidationError, dealSchema, parseDeal, parseIsoDate, safeParseDeal } from '../../src/index.js';

/** A one-person deal with the given person fields. */
function onePerson(fields: Record<string, unknown>): Record<string, unknown> {
  return { id: 'd', people: [{ id: 'p', ...fields }] };
}

/** The issues of a deal that must fail, as [code, path] pairs. */
function issuesOf(input: unknown): [string, string][] {
  const result = safeParseDeal(input);
  expect(result.success).toBe(false);
  if (result.success) return [];
  expect(result.error).toBeInstanceOf(ValidationError);
  return result.error.issues.map((issue) => [issue.code, issue.path]);
}

describe('parseIsoDate', () => {
  it.each([
    '2026-02-30', // February has 28 days in 2026
    '2026-02-29', // 2026 is not a leap year
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-31', // November has 30 days
    '2026-11-1',
    '26-11-01',
    '2026/11/01',
    '01.11.2026',
    '2026-11-01T24:00:00Z',
    '2026-11-01T09:60:00Z',
    '2026-11-01T09:30:60Z',
    '2026-11-01T09:30:00+24:00',
    '2026-11-01Z',
    'yesterday',
    '',
  ])('parseIsoDate(%j) = undefined', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  // 2026-01-01 is 56 years after 1970-01-01 with 14 leap days (1972 .. 2024): 56*365 + 14 = 20454 days.
  // Jan..Oct 2026 = 31+28+31+30+31+30+31+31+30+31 = 304 days, so 2026-11-01 is day 20758.
  const NOV_1 = 20758 * 86_400_000;
  const HOUR = 3_600_000;
  it.each([
    ['2026-11-01', NOV_1],
    ['2026-11-01T00:00:00Z', NOV_1],
    ['2026-11-01T09:30:00Z', NOV_1 + 9.5 * HOUR],
    ['2026-11-01T09:30Z', NOV_1 + 9.5 * HOUR], // seconds optional
    ['2026-11-01T09:30:00', NOV_1 + 9.5 * HOUR], // no offset = UTC
    ['2026-11-01 09:30:00Z', NOV_1 + 9.5 * HOUR], // a space instead of T
    ['2026-11-01T09:30:00.5Z', NOV_1 + 9.5 * HOUR + 500],
    ['2026-11-01T09:30:00+02:00', NOV_1 + 7.5 * HOUR], // 09:30 at +2 is 07:30 UTC
    ['2026-11-01T09:30:00-0130', NOV_1 + 11 * HOUR], // 09:30 at -1:30 is 11:00 UTC
    ['2026-10-31T18:00:00-06:00', NOV_1], // the day before, 18:00 at -6, is midnight UTC
  ])('parseIsoDate(%j) = %j', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });
  // 2024-02-29 is day 59 of 2024 (0-based: Jan 31 + Feb 28). From 2024-01-01 to 2026-11-01 is
  // 366 + 365 + 304 = 1035 days, so 2024-02-29 is 1035 - 59 = 976 days before 2026-11-01.
  it('parseIsoDate("2024-02-29") is 976 days before 2026-11-01 (a leap day is a real date)', () => {
    expect(parseIsoDate('2024-02-29')).toBe(NOV_1 - 976 * 86_400_000);
  });
});

describe('dealSchema', () => {
  it('rejects a deal without people (zod safeParse reports failure; parseDeal adds paths)', () => {
    expect(dealSchema.safeParse({ id: 'd', people: [] }).success).toBe(false);
    expect(issuesOf({ id: 'd', people: [] })).toEqual([['too_few', 'people']]);
  });

  it('fills the defaults of a minimal deal', () => {
    expect(parseDeal({ id: 'd', people: [{ id: 'p' }] })).toEqual({
      schemaVersion: 1,
      id: 'd',
      people: [{ id: 'p', reportsTo: [], roles: [], influence: null, stance: null }],
      relations: [],
      team: [],
      contacts: [],
      competitors: [],
      keySuccessFactors: [],
    });
  });

  it('rejects a schemaVersion other than 1', () => {
    expect(issuesOf({ schemaVersion: 2, id: 'd', people: [{ id: 'p' }] })).toEqual([['invalid_value', 'schemaVersion']]);
  });

  describe('stance', () => {
    it.each([2, -1.5, 1.0000001])('a plain number out of -1..1 is an error, not a rating: stance %j', (stance) => {
      expect(issuesOf(onePerson({ stance }))).toEqual([['out_of_range', 'people[0].stance']]);
    });

    it.each(['maybe', 'champ', '', 'high'])('an unknown label is an error: stance %j', (stance) => {
      expect(issuesOf(onePerson({ stance }))).toEqual([['unknown_label', 'people[0].stance']]);
    });

    it.each([{ rating: 6 }, { rating: -5.5 }])('a rating outside -5..5 is an error: stance %j', (stance) => {
      expect(issuesOf(onePerson({ stance }))).toEqual([['out_of_range', 'people[0].stance.rating']]);
    });

    it.each([true, [], {}, { rating: 1, extra: 1 }, { scale5: 3 }])('another shape is an error: stance %j', (stance) => {
      const issues = issuesOf(onePerson({ stance }));
      expect(issues).toHaveLength(1);
      expect(issues[0]![1]).toMatch(/^people\[0\]\.stance/);
    });

    it.each([
      ['champion', 1],
      ['supporter', 0.5],
      ['neutral', 0],
      ['skeptic', -0.5],
      ['opponent', -1],
      ['unknown', null],
      ['mentor', 1],
      ['non-supporter', -0.5],
      ['enemy', -1],
      [' Non_Supporter ', -0.5],
      ['CHAMPION', 1],
      [0.3, 0.3],
      [-1, -1],
      [null, null],
      [undefined, null], // absent = unknown
      // Miller Heiman rating x maps to x / 5
      [{ rating: 5 }, 1],
      [{ rating: -2 }, -2 / 5],
      [{ rating: 2.5 }, 0.5],
      [{ rating: -5 }, -1],
      [{ rating: 0 }, 0],
    ])('parseDeal maps stance %j to %j', (stance, expected) => {
      expect(parseDeal(onePerson({ stance })).people[0]!.stance).toBe(expected);
    });
  });

  describe('influence', () => {
    it.each([1.5, -0.1, 4])('a plain number out of 0..1 is an error, not a 1..5 scale: influence %j', (influence) => {
      expect(issuesOf(onePerson({ influence }))).toEqual([['out_of_range', 'people[0].influence']]);
    });

    it.each([{ scale5: 0 }, { scale5: 5.5 }])('a scale5 outside 1..5 is an error: influence %j', (influence) => {
      expect(issuesOf(onePerson({ influence }))).toEqual([['out_of_range', 'people[0].influence.scale5']]);
    });

    it('an unknown label is an error', () => {
      expect(issuesOf(onePerson({ influence: 'huge' }))).toEqual([['unknown_label', 'people[0].influence']]);
    });

    it.each([
      ['decisive', 1],
      ['high', 0.75],
      ['medium', 0.5],
      ['low', 0.25],
      ['none', 0],
      ['unknown', null], // accepted for influence too
      [' HIGH ', 0.75],
      [0.8, 0.8],
      [null, null],
      [undefined, null],
      // a 1..5 scale x maps to (x - 1) / 4
      [{ scale5: 1 }, 0],
      [{ scale5: 2 }, 0.25],
      [{ scale5: 4 }, 0.75],
      [{ scale5: 5 }, 1],
      [{ scale5: 3.5 }, 0.625], // (3.5 - 1) / 4 = 2.5 / 4
    ])('parseDeal maps influence %j to %j', (influence, expected) => {
      expect(parseDeal(onePerson({ influence })).people[0]!.influence).toBe(expected);
    });
  });

  describe('roles', () => {
    it('an unknown role is an error at its index', () => {
      expect(issuesOf(onePerson({ roles: ['user', 'assistant', 'other'] }))).toEqual([
        ['unknown_label', 'people[0].roles[1]'],
        ['unknown_label', 'people[0].roles[2]'],
      ]);
    });

    it.each([
      [['Decision Maker'], ['decision-maker']],
      [['EB', 'Economic Buying Influence', 'Budget Holder'], ['economic-buyer']], // de-duplicated
      [['Evaluator', ' technical_buyer '], ['technical-buyer']],
      [['End User', 'Business User', 'User Buying Influence'], ['user']],
      [['Executive Sponsor', 'Legal & Compliance'], ['approver', 'legal']],
      [['决策者', '内线', '小鬼'], ['decision-maker', 'coach', 'gatekeeper']],
      [[], []],
    ])('parseDeal maps roles %j to %j', (roles, expected) => {
      expect(parseDeal(onePerson({ roles })).people[0]!.roles).toEqual(expected);
    });
  });

  describe('reportsTo', () => {
    it('rejects an empty id (as a required non-empty string, like any id)', () => {
      expect(issuesOf({ id: 'd', people: [{ id: 'a', reportsTo: '' }] })).toEqual([['required', 'people[0].reportsTo']]);
    });

    it.each([
      [undefined, []],
      [null, []],
      ['m', ['m']],
      [['m'], ['m']],
      [['m', 'n', 'm'], ['m', 'n']], // de-duplicated, order kept
    ])('parseDeal reads reportsTo %j as %j', (reportsTo, expected) => {
      const deal = { id: 'd', people: [{ id: 'm' }, { id: 'n' }, { id: 'p', reportsTo }] };
      expect(parseDeal(deal).people[2]!.reportsTo).toEqual(expected);
    });
  });

  describe('level', () => {
    it.each([0, 1.5, -1])('rejects level %j (an integer from 1)', (level) => {
      const issues = issuesOf(onePerson({ level }));
      expect(issues).toHaveLength(1);
      expect(issues[0]![1]).toBe('people[0].level');
    });
  });
});
