/**
 * Determinism (design.md principle 5): same input, same output, byte for byte. For every public
 * analysis and every report, `JSON.stringify` of the result (or the report text) is identical
 * across two runs, for a copy of the deal with people and relations in another order, and for
 * the parsed deal and a PowerGraph instead of the raw deal.
 *
 * Arrays sorted "by score then id" are defined by the design, so permuting the input may not
 * change them either: this is a byte comparison, not a comparison per id.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { assessDeal, buildGraph, parseDeal } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryShuffledDeal, type RawDeal } from '../support/arbitraries.js';
import { ANALYSES, MULTI_DEAL, REPORTS } from '../support/public-api.js';

const bytes = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

describe('every analysis is deterministic', () => {
  describe.each(ANALYSES)('%s', (name, run) => {
    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED, numRuns: 50 })(
      `${name} gives the same bytes twice and for any order of people and relations`,
      ([raw, shuffled]) => {
        const first = bytes(run(raw));
        expect(bytes(run(raw))).toBe(first);
        expect(bytes(run(shuffled))).toBe(first);
      },
      PROPERTY_TIMEOUT,
    );

    test.prop([arbitraryShuffledDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED + 1, numRuns: 30 })(
      `${name} gives the same bytes for the raw deal, the parsed deal and a PowerGraph`,
      ([raw]) => {
        const first = bytes(run(raw));
        expect(bytes(run(parseDeal(raw)))).toBe(first);
        expect(bytes(run(buildGraph(raw)))).toBe(first);
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe.each(MULTI_DEAL)('%s', (name, run) => {
    test.prop([arbitraryShuffledDeal({ maxPeople: 8 }), arbitraryShuffledDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED, numRuns: 40 })(
      `${name} gives the same bytes twice and for any order of people and relations in either snapshot`,
      ([a, aShuffled], [b, bShuffled]) => {
        const first = bytes(run(a, b));
        expect(bytes(run(a, b))).toBe(first);
        expect(bytes(run(aShuffled, bShuffled))).toBe(first);
      },
      PROPERTY_TIMEOUT,
    );
  });
});

/**
 * The other lists whose order carries no meaning for the analyses: contacts (the strongest counts),
 * team members and a person's reporting lines. Shuffled together with people and relations.
 * (Competitors, key success factors and a person's roles are quoted in document order in messages
 * and evidence, so they keep theirs.)
 */
const arbitraryFullyShuffledDeal = arbitraryShuffledDeal({ maxPeople: 8 }).chain(([raw, shuffled]) => {
  const shuffle = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
  const list = (key: string) => ((raw[key] as unknown[] | undefined) ?? []);
  return fc
    .tuple(
      shuffle(list('contacts')),
      shuffle(list('team')),
      fc.tuple(...shuffled.people.map((p) => shuffle(Array.isArray(p.reportsTo) ? (p.reportsTo as unknown[]) : []))),
    )
    .map(([contacts, team, perPerson]): [RawDeal, RawDeal] => {
      const people = shuffled.people.map((p, k) => (Array.isArray(p.reportsTo) ? { ...p, reportsTo: perPerson[k]! } : p));
      return [raw, { ...shuffled, people, contacts, team }];
    });
});

describe('order of the other lists', () => {
  test.prop([arbitraryFullyShuffledDeal], { seed: PROPERTY_SEED, numRuns: 60 })(
    'assessDeal gives the same bytes for any order of contacts, team members and reporting lines',
    ([raw, shuffled]) => {
      expect(JSON.stringify(assessDeal(shuffled))).toBe(JSON.stringify(assessDeal(raw)));
    },
    PROPERTY_TIMEOUT,
  );
});

describe('every report is deterministic', () => {
  describe.each(REPORTS)('%s', (name, render) => {
    test.prop([arbitraryShuffledDeal({ maxPeople: 10 })], { seed: PROPERTY_SEED, numRuns: 30 })(
      `${name} gives the same bytes twice and for any order of people and relations`,
      ([raw, shuffled]) => {
        const first = bytes(render(raw));
        expect(bytes(render(raw))).toBe(first);
        expect(bytes(render(shuffled))).toBe(first);
      },
      PROPERTY_TIMEOUT,
    );
  });
});
