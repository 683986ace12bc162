import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  INFLUENCE_LABELS,
  ROLE_ALIASES,
  STANCE_LABELS,
  dealJsonSchema,
  influenceFromLabel,
  roleFromLabel,
  safeParseDeal,
  stanceFromLabel,
} from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, labelVariant } from '../support/arbitraries.js';

type Json = Record<string, unknown>;

/** Follows a path of keys through the schema. */
function at(schema: unknown, ...keys: (string | number)[]): Json {
  let node = schema;
  for (const key of keys) node = (node as Record<string | number, unknown>)[key];
  expect(node).toBeTypeOf('object');
  return node as Json;
}

const schema = dealJsonSchema();
const personProps = at(schema, 'properties', 'people', 'items', 'properties');

/** The `anyOf` branch of a person field with the given JSON type. */
function branch(field: string, type: string): Json {
  const anyOf = at(personProps, field, 'anyOf') as unknown as Json[];
  const found = anyOf.find((s) => s.type === type);
  expect(found).toBeDefined();
  return found!;
}

const stancePattern = new RegExp(branch('stance', 'string').pattern as string);
const influencePattern = new RegExp(branch('influence', 'string').pattern as string);
const rolePattern = new RegExp(at(personProps, 'roles', 'items').pattern as string);

/** Whether parseDeal accepts a one-person deal with this person field. */
function parserAccepts(field: string, value: unknown): boolean {
  return safeParseDeal({ id: 'd', people: [{ id: 'p', [field]: value }] }).success;
}

describe('dealJsonSchema', () => {
  it('is a JSON Schema draft 2020-12 with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://powermap.dev/schema/deal-v1.json');
    expect(schema.type).toBe('object');
  });

  it('returns a fresh, JSON-serialisable object on every call', () => {
    const a = dealJsonSchema();
    const b = dealJsonSchema();
    expect(a).not.toBe(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
  });

  it('requires id and people, and forbids unknown fields (like the parser)', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'people']));
    expect(schema.required).not.toContain('schemaVersion');
    expect(schema.additionalProperties).toBe(false);
    expect(at(schema, 'properties', 'people', 'items').additionalProperties).toBe(false);
    expect(at(schema, 'properties', 'people').minItems).toBe(1);
  });

  it('states the numeric ranges of design section 4', () => {
    expect(branch('stance', 'number')).toMatchObject({ minimum: -1, maximum: 1 });
    expect(at(branch('stance', 'object'), 'properties', 'rating')).toMatchObject({ minimum: -5, maximum: 5 });
    expect(branch('influence', 'number')).toMatchObject({ minimum: 0, maximum: 1 });
    expect(at(branch('influence', 'object'), 'properties', 'scale5')).toMatchObject({ minimum: 1, maximum: 5 });
    expect(at(schema, 'properties', 'relations', 'items', 'properties', 'weight')).toMatchObject({ minimum: 0, maximum: 1 });
    expect(at(schema, 'properties', 'relations', 'items', 'properties', 'kind').enum).toEqual(['influences', 'informs', 'conflict']);
  });

  describe('its stance pattern agrees with the parser', () => {
    it.each(['maybe', '', ' ', 'champ', 'champion!', 'non--supporter', 'non - supporter', 'high', 'champion\nchampion'])(
      'rejects %j',
      (label) => {
        expect(stancePattern.test(label)).toBe(false);
        expect(stanceFromLabel(label)).toBeUndefined();
        expect(parserAccepts('stance', label)).toBe(false);
      },
    );

    it.each([' Non_Supporter ', 'non supporter', 'NON-SUPPORTER', 'Champion', '\tskeptic\n', 'SCEPTIC', 'unknown', 'Enemy', 'mentor'])(
      'accepts %j',
      (label) => {
        expect(stancePattern.test(label)).toBe(true);
        expect(stanceFromLabel(label)).not.toBeUndefined();
        expect(parserAccepts('stance', label)).toBe(true);
      },
    );
  });

  describe('its influence pattern agrees with the parser', () => {
    it.each(['huge', 'very high', '0.5', 'med'])('rejects %j', (label) => {
      expect(influencePattern.test(label)).toBe(false);
      expect(parserAccepts('influence', label)).toBe(false);
    });

    it.each(['decisive', ' HIGH ', 'Medium', 'low', 'None', 'unknown', 'Unknown'])('accepts %j', (label) => {
      expect(influencePattern.test(label)).toBe(true);
      expect(parserAccepts('influence', label)).toBe(true);
    });
  });

  describe('its role pattern agrees with the parser', () => {
    it.each(['assistant', 'other', 'economic', 'legal&compliance', 'dm2'])('rejects %j', (label) => {
      expect(rolePattern.test(label)).toBe(false);
      expect(parserAccepts('roles', [label])).toBe(false);
    });

    it.each(['Economic Buying Influence', ' eb ', 'Legal & Compliance', '决策者', 'end_user', 'Executive Sponsor', 'DM'])(
      'accepts %j',
      (label) => {
        expect(rolePattern.test(label)).toBe(true);
        expect(parserAccepts('roles', [label])).toBe(true);
      },
    );
  });

  // Strings built from the labels themselves: variants (case, separators, padding) that must match,
  // and small edits of them (a character dropped, doubled or inserted) that mostly must not.
  const edited = (labels: readonly string[]) =>
    fc
      .tuple(fc.constantFrom(...labels).chain(labelVariant), fc.nat(), fc.constantFrom('', 'x', '-', ' ', '_', '.', 'é'), fc.constantFrom('keep', 'drop', 'insert'))
      .map(([text, at, ch, how]) => {
        const k = at % (text.length + 1);
        if (how === 'drop') return text.slice(0, k) + text.slice(k + 1);
        if (how === 'insert') return text.slice(0, k) + ch + text.slice(k);
        return text;
      });

  test.prop([edited(Object.keys(STANCE_LABELS))], { seed: PROPERTY_SEED, numRuns: 1000 })(
    'the stance pattern accepts a string exactly when stanceFromLabel knows it',
    (text) => {
      expect(stancePattern.test(text)).toBe(stanceFromLabel(text) !== undefined);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([edited(Object.keys(INFLUENCE_LABELS))], { seed: PROPERTY_SEED, numRuns: 1000 })(
    'the influence pattern accepts a string exactly when influenceFromLabel knows it',
    (text) => {
      expect(influencePattern.test(text)).toBe(influenceFromLabel(text) !== undefined);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([edited(Object.keys(ROLE_ALIASES))], { seed: PROPERTY_SEED, numRuns: 1000 })(
    'the role pattern accepts a string exactly when roleFromLabel knows it',
    (text) => {
      expect(rolePattern.test(text)).toBe(roleFromLabel(text) !== undefined);
    },
    PROPERTY_TIMEOUT,
  );

  it('equals the committed copy docs/deal.schema.json', () => {
    // Regenerate with: JSON.stringify(dealJsonSchema(), null, 2) + '\n' > docs/deal.schema.json
    const committed = readFileSync(new URL('../../docs/deal.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(dealJsonSchema(), null, 2)}\n`);
  });
});
