import { describe, expect, it } from 'vitest';
import {
  INFLUENCE_LABELS,
  ROLES,
  ROLE_ALIASES,
  STANCE_LABELS,
  influenceFromLabel,
  influenceLabel,
  normalizeLabel,
  roleFromLabel,
  stanceFromLabel,
  stanceLabel,
} from '../../src/index.js';

// Expected values come from design.md section 4, not from the tables in vocabulary.ts.

describe('normalizeLabel', () => {
  it.each([
    ['  Economic_Buyer ', 'economic-buyer'],
    ['Economic Buyer', 'economic-buyer'],
    ['economic-buyer', 'economic-buyer'],
    ['NON   SUPPORTER', 'non-supporter'],
    ['non_ _supporter', 'non-supporter'], // a run of spaces and underscores is one '-'
    ['\tdecisive\n', 'decisive'],
    ['决策者', '决策者'],
    ['', ''],
  ])('normalizeLabel(%j) = %j', (label, expected) => {
    expect(normalizeLabel(label)).toBe(expected);
  });
});

describe('stanceFromLabel', () => {
  it.each(['maybe', '', 'champ', 'champion!', 'pro', 'non--supporter', 'high'])(
    'stanceFromLabel(%j) = undefined (not a stance label)',
    (label) => {
      expect(stanceFromLabel(label)).toBeUndefined();
    },
  );

  it.each([
    // the five labels of section 4, and unknown = null
    ['champion', 1],
    ['supporter', 0.5],
    ['neutral', 0],
    ['skeptic', -0.5],
    ['opponent', -1],
    ['unknown', null],
    // Altify support: mentor / supporter / neutral / non-supporter / enemy = 1 / .5 / 0 / -.5 / -1
    ['mentor', 1],
    ['non-supporter', -0.5],
    ['enemy', -1],
    // case-insensitive after trimming, spaces and underscores read as '-'
    ['Champion', 1],
    ['  OPPONENT ', -1],
    [' Non_Supporter ', -0.5],
    ['non supporter', -0.5],
    ['Unknown', null],
  ])('stanceFromLabel(%j) = %j', (label, expected) => {
    expect(stanceFromLabel(label)).toBe(expected);
  });

  it('knows no label the design does not list (plus the British spelling "sceptic")', () => {
    expect(Object.keys(STANCE_LABELS).sort()).toEqual(
      ['champion', 'enemy', 'mentor', 'neutral', 'non-supporter', 'opponent', 'sceptic', 'skeptic', 'supporter', 'unknown'],
    );
  });
});

describe('influenceFromLabel', () => {
  it.each(['huge', '', 'very high', 'medium-high', '0.5'])('influenceFromLabel(%j) = undefined (not an influence label)', (label) => {
    expect(influenceFromLabel(label)).toBeUndefined();
  });

  it.each([
    ['decisive', 1],
    ['high', 0.75],
    ['medium', 0.5],
    ['low', 0.25],
    ['none', 0],
    ['unknown', null], // accepted for influence too
    ['HIGH', 0.75],
    ['  Decisive\t', 1],
    ['UNKNOWN', null],
  ])('influenceFromLabel(%j) = %j', (label, expected) => {
    expect(influenceFromLabel(label)).toBe(expected);
  });

  it('has exactly the labels of design section 4 plus unknown', () => {
    expect({ ...INFLUENCE_LABELS }).toEqual({ decisive: 1, high: 0.75, medium: 0.5, low: 0.25, none: 0, unknown: null });
  });
});

describe('roleFromLabel', () => {
  it.each(['assistant', 'other', '', 'decision', 'economic buyer influence', 'toString', 'constructor', '__proto__'])(
    'roleFromLabel(%j) = undefined (not a role)',
    (label) => {
      expect(roleFromLabel(label)).toBeUndefined();
    },
  );

  it.each([
    // canonical names, any case and separator
    ['decision-maker', 'decision-maker'],
    ['Decision Maker', 'decision-maker'],
    ['ECONOMIC_BUYER', 'economic-buyer'],
    [' technical buyer ', 'technical-buyer'],
    ['Gatekeeper', 'gatekeeper'],
    // MEDDPICC: Economic Buyer (E), Champion (C)
    ['EB', 'economic-buyer'],
    ['Champion', 'champion'],
    // Miller Heiman Blue Sheet: the four buying influences and the Coach
    ['Economic Buying Influence', 'economic-buyer'],
    ['Technical Buying Influence', 'technical-buyer'],
    ['User Buying Influence', 'user'],
    ['Coach', 'coach'],
    // Salesforce OpportunityContactRole picklist
    ['Business User', 'user'],
    ['Economic Decision Maker', 'economic-buyer'],
    ['Evaluator', 'technical-buyer'],
    ['Executive Sponsor', 'approver'],
    ['Influencer', 'influencer'],
    // HubSpot buying roles
    ['Budget Holder', 'economic-buyer'],
    ['End User', 'user'],
    ['Blocker', 'blocker'],
    ['Legal & Compliance', 'legal'],
    // Chinese names used in the method
    ['决策者', 'decision-maker'],
    ['内线', 'coach'],
    ['小鬼', 'gatekeeper'],
    ['采购', 'procurement'],
    [' 法务 ', 'legal'],
  ])('roleFromLabel(%j) = %j', (label, expected) => {
    expect(roleFromLabel(label)).toBe(expected);
  });

  it('maps every canonical role to itself and every alias to a canonical role', () => {
    for (const role of ROLES) expect(roleFromLabel(role)).toBe(role);
    for (const target of Object.values(ROLE_ALIASES)) expect(ROLES).toContain(target);
  });

  it('lists the twelve roles of design section 4', () => {
    expect([...ROLES]).toEqual([
      'decision-maker', 'economic-buyer', 'approver', 'technical-buyer', 'user', 'influencer', 'gatekeeper',
      'procurement', 'legal', 'coach', 'champion', 'blocker',
    ]);
  });
});

describe('stanceLabel', () => {
  // The nearest label (champion 1, supporter .5, neutral 0, skeptic -.5, opponent -1); values
  // exactly half-way between two labels are left out on purpose (the design fixes no tie rule).
  it.each([
    [null, 'unknown'],
    [1, 'champion'],
    [0.8, 'champion'],
    [0.5, 'supporter'],
    [0.3, 'supporter'],
    [0, 'neutral'],
    [-0.2, 'neutral'],
    [-0.5, 'skeptic'],
    [-0.6, 'skeptic'],
    [-0.8, 'opponent'],
    [-1, 'opponent'],
  ])('stanceLabel(%j) = %j', (stance, expected) => {
    expect(stanceLabel(stance)).toBe(expected);
  });

  it('round-trips every stance label value to a label with the same value', () => {
    // champion 1, supporter .5, neutral 0, skeptic -.5, opponent -1: the nearest label is the label itself.
    for (const label of ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'])
      expect(stanceLabel(stanceFromLabel(label)!)).toBe(label);
  });
});

describe('influenceLabel', () => {
  // The nearest label (decisive 1, high .75, medium .5, low .25, none 0); no half-way values.
  it.each([
    [null, 'unknown'],
    [1, 'decisive'],
    [0.9, 'decisive'],
    [0.75, 'high'],
    [0.7, 'high'],
    [0.5, 'medium'],
    [0.25, 'low'],
    [0.2, 'low'],
    [0.1, 'none'],
    [0, 'none'],
  ])('influenceLabel(%j) = %j', (influence, expected) => {
    expect(influenceLabel(influence)).toBe(expected);
  });
});
