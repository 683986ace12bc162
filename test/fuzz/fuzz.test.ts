/**
 * FUZZ SUITE — time-bounded: about 30 s in total (budgets below, measured on a 2-core machine).
 * Each property runs `numRuns: 1_000_000` and stops at its `interruptAfterTimeLimit` (an interrupt
 * is not a failure), always from `PROPERTY_SEED`, so CI runs the same inputs up to the time limit
 * and a failure replays with the seed and path fast-check prints. To fuzz longer locally, raise
 * `FUZZ_SCALE` (environment variable POWERMAP_FUZZ_SCALE, e.g. 10) or change the seed.
 *
 * (a) `safeParseDeal` on arbitrary JSON (`fc.jsonValue()`), arbitrary JS values (`fc.anything()`)
 *     and deal-shaped records of hostile values: never throws; returns `{ success: true, data }`
 *     or a ValidationError whose issues each have a string code, path and message.
 * (b) Mutated valid deals, and valid deals pushed to the edges (test/support/mutated-deals.ts), to
 *     `safeParseDeal`, and when valid to `assessDeal` and the reports: nothing is thrown but
 *     ValidationError / OptionError (a ConvergenceError would be a bug too: the solvers must
 *     converge on any valid deal), and the assessment holds no NaN or Infinity; when invalid,
 *     `assessDeal` throws a ValidationError.
 * (c) The CLI in-process (`run(argv, io)`) on a file holding a mutated deal, a damaged JSON text,
 *     random bytes or random JSON: `validate` and `analyze --format json|text|md|html` exit with
 *     0, 1 or 2, agree with each other, never print a stack trace or an "unexpected error", and
 *     `analyze --format json` prints parseable JSON when it exits 0.
 *
 * Every property also checks that nothing was added to Object.prototype.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { run } from '../../src/cli/run.js';
import {
  ConvergenceError,
  OptionError,
  ValidationError,
  assessDeal,
  buildGraph,
  recommendEngagements,
  safeParseDeal,
  toHtml,
  toMarkdown,
  toText,
  type SafeParseDealResult,
} from '../../src/index.js';
import { PROPERTY_SEED, arbitraryDeal } from '../support/arbitraries.js';
import { fakeIo } from '../support/fake-io.js';
import { HOSTILE_VALUES, arbitraryEdgeDeal, arbitraryMutatedDeal } from '../support/mutated-deals.js';
import { numbersIn } from '../support/public-api.js';

const FUZZ_SCALE = Number(process.env.POWERMAP_FUZZ_SCALE ?? 1) || 1;
/** Time budgets in ms; the sum is the file's running time, about 30 s. */
const BUDGET = {
  json: 2_500 * FUZZ_SCALE,
  anything: 2_500 * FUZZ_SCALE,
  dealShaped: 3_000 * FUZZ_SCALE,
  mutated: 10_000 * FUZZ_SCALE,
  cli: 11_000 * FUZZ_SCALE,
};
/** Room for shrinking a counterexample on top of the budget. */
const MARGIN = 60_000;

const settings = (ms: number) => ({ seed: PROPERTY_SEED, numRuns: 1_000_000, interruptAfterTimeLimit: ms });

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
function prototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The result of safeParseDeal: well-formed, whatever the input. */
function wellFormed(r: SafeParseDealResult): void {
  expect(typeof r.success).toBe('boolean');
  if (r.success) {
    expect(typeof r.data.id).toBe('string');
    expect(r.data.people.length).toBeGreaterThan(0);
    return;
  }
  expect(r.error).toBeInstanceOf(ValidationError);
  expect(r.error.code).toBe('invalid_input');
  expect(r.error.issues.length, 'a failure lists at least one issue').toBeGreaterThan(0);
  for (const issue of r.error.issues) {
    expect(typeof issue.code, JSON.stringify(issue)).toBe('string');
    expect(typeof issue.path, JSON.stringify(issue)).toBe('string');
    expect(typeof issue.message, JSON.stringify(issue)).toBe('string');
    expect(issue.code.length).toBeGreaterThan(0);
  }
}

/** safeParseDeal never throws, and its result is well-formed. */
function parsesSafely(input: unknown): SafeParseDealResult {
  let r: SafeParseDealResult | undefined;
  try {
    r = safeParseDeal(input);
  } catch (error) {
    throw new Error(`safeParseDeal threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`, { cause: error });
  }
  wellFormed(r);
  return r;
}

/** Runs `fn`; anything it throws must be a ValidationError or an OptionError. A ConvergenceError is reported as a bug. */
function onlyDocumentedErrors(what: string, fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConvergenceError) throw new Error(`${what}: ConvergenceError on a valid deal (${error.message})`, { cause: error });
    if (error instanceof ValidationError || error instanceof OptionError) return;
    throw new Error(`${what} threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`, { cause: error });
  }
}

const PERSON_KEYS = ['id', 'name', 'title', 'department', 'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility', 'inProject', 'needs', 'integrity', 'competitorAffinity', 'notes', '__proto__'];
const RELATION_KEYS = ['from', 'to', 'kind', 'weight', 'note'];
const CONTACT_KEYS = ['member', 'person', 'strength', 'lastContact', 'note'];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'c', 'influences', 'informs', 'conflict', 'supporter', 'high', 'decision-maker', 0, 0.5, 1, ['a'], ['b', 'c']) },
);
/** A record with some of `keys`, each holding a hostile or plausible value. */
const someOf = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), hostile, { maxKeys: keys.length });
/** Deal-shaped values: the right keys, mostly, with hostile values. */
const dealShaped = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(1), hostile),
    id: fc.oneof(fc.constant('d'), hostile),
    asOf: fc.oneof(fc.constant('2026-11-01'), hostile),
    stage: fc.oneof(someOf(['name', 'progress']), hostile),
    account: fc.oneof(someOf(['name', 'sector', 'publicSector', 'annualVolume', 'purchaseFrequency', 'growthPotential', 'competitorTarget']), hostile),
    people: fc.oneof({ weight: 4, arbitrary: fc.array(someOf(PERSON_KEYS), { maxLength: 5 }) }, { weight: 1, arbitrary: hostile }),
    relations: fc.oneof(fc.array(someOf(RELATION_KEYS), { maxLength: 4 }), hostile),
    team: fc.oneof(fc.array(someOf(['id', 'name', 'role']), { maxLength: 2 }), hostile),
    contacts: fc.oneof(fc.array(someOf(CONTACT_KEYS), { maxLength: 4 }), hostile),
    competitors: fc.oneof(fc.array(someOf(['id', 'name', 'strength']), { maxLength: 2 }), hostile),
    intel: fc.oneof(someOf(['plan', 'procurement', 'finance', 'projectReason', 'resources']), hostile),
    keySuccessFactors: fc.oneof(fc.array(someOf(['name', 'priority', 'status']), { maxLength: 3 }), hostile),
    extra: hostile,
  },
  { requiredKeys: [] },
);

describe('FUZZ (time-bounded, about 30 s): safeParseDeal on arbitrary input', () => {
  test.prop([fc.jsonValue()], settings(BUDGET.json))(
    'safeParseDeal never throws on any JSON value and returns success or a ValidationError with string code, path and message',
    (input) => {
      parsesSafely(input);
      prototypeUntouched();
    },
    BUDGET.json + MARGIN,
  );

  const anything = fc.anything({
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'people', 'id', 'relations', 'contacts', 'toString')),
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withObjectString: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  });
  test.prop([anything], settings(BUDGET.anything))(
    'safeParseDeal never throws on any JavaScript value (Maps, Sets, BigInts, Dates, null prototypes, sparse arrays)',
    (input) => {
      parsesSafely(input);
      prototypeUntouched();
    },
    BUDGET.anything + MARGIN,
  );

  test.prop([dealShaped], settings(BUDGET.dealShaped))(
    'safeParseDeal never throws on deal-shaped records of hostile values, and what it accepts assesses without a crash',
    (input) => {
      const r = parsesSafely(input);
      if (r.success) onlyDocumentedErrors('assessDeal', () => assessDeal(r.data));
      prototypeUntouched();
    },
    BUDGET.dealShaped + MARGIN,
  );
});

describe('FUZZ (time-bounded): mutated valid deals', () => {
  /** Mostly broken deals (mutations), sometimes valid deals at the edges (extreme values, dense cycles, decayed contacts). */
  const mutatedOrEdge = fc.oneof(
    { weight: 3, arbitrary: arbitraryMutatedDeal().map(({ deal, mutations }) => ({ deal, how: mutations as unknown })) },
    { weight: 1, arbitrary: arbitraryEdgeDeal().map(({ deal, edges }) => ({ deal, how: edges as unknown })) },
  );

  test.prop([mutatedOrEdge, fc.nat()], settings(BUDGET.mutated))(
    'safeParseDeal never throws on a mutated deal; when it is valid, assessDeal and the reports throw nothing but ValidationError or OptionError, and hold no NaN or Infinity',
    ({ deal }, pick) => {
      const r = parsesSafely(deal);
      if (r.success) {
        onlyDocumentedErrors('assessDeal(parsed)', () => {
          const a = assessDeal(r.data);
          expect(numbersIn(a).filter(([, x]) => !Number.isFinite(x)), 'non-finite numbers in the assessment').toEqual([]);
        });
        onlyDocumentedErrors('recommendEngagements(raw)', () => recommendEngagements(deal, { limit: 100 }));
        if (pick % 4 === 0)
          onlyDocumentedErrors('reports', () => {
            const graph = buildGraph(r.data);
            const a = assessDeal(graph, { locale: pick % 8 === 0 ? 'zh-CN' : 'en' });
            return [toText(a, { graph }), toMarkdown(a, { graph }), toHtml(a, graph)];
          });
      } else {
        // An invalid deal makes every analysis throw a ValidationError, never something else.
        let thrown: unknown;
        try {
          assessDeal(deal);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, 'assessDeal on a deal safeParseDeal rejected').toBeInstanceOf(ValidationError);
      }
      prototypeUntouched();
    },
    BUDGET.mutated + MARGIN,
  );
});

describe('FUZZ (time-bounded): the CLI in-process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'powermap-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let fileNumber = 0;

  const mutatedText = fc.oneof(arbitraryMutatedDeal(), arbitraryEdgeDeal()).map(({ deal }) => JSON.stringify(deal) ?? 'null');
  const fileContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
    { weight: 5, arbitrary: mutatedText },
    {
      weight: 2,
      arbitrary: fc
        .tuple(mutatedText, fc.nat(), fc.nat(), fc.constantFrom('', 'NaN', 'Infinity', '}', ']', ',', '"', '\uFEFF', '\u0000', '\\u0000', '{"__proto__":{"polluted":1}}'))
        .map(([text, at, cut, insert]) => {
          const k = at % (text.length + 1);
          return text.slice(0, k) + insert + text.slice(k + (cut % 3));
        }),
    },
    { weight: 2, arbitrary: arbitraryDeal({ maxPeople: 8 }).map((d) => (JSON.stringify(d).length % 2 === 0 ? '\uFEFF' : '') + JSON.stringify(d)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
  );
  const format = fc.constantFrom('json', 'json', 'json', 'text', 'md', 'html');

  const STACK = /\n\s+at .+:\d+:\d+|^\s{4}at /m;

  test.prop([fileContent, format], settings(BUDGET.cli))(
    'validate and analyze exit 0, 1 or 2 and agree, never print a stack trace or an unexpected error, and analyze --format json prints JSON on success',
    async (content, fmt) => {
      const file = join(dir, `deal-${fileNumber++ % 4}.json`);
      writeFileSync(file, content);
      const v = fakeIo();
      const validateCode = await run(['validate', file], v.io);
      const a = fakeIo();
      const analyzeCode = await run(['analyze', file, '--format', fmt], a.io);
      for (const [what, code, c] of [['validate', validateCode, v], ['analyze', analyzeCode, a]] as const) {
        expect([0, 1, 2], `${what} exit code`).toContain(code);
        expect(c.err(), `${what} stderr has no stack trace`).not.toMatch(STACK);
        expect(c.err(), `${what} stderr`).not.toContain('unexpected error');
        expect(c.out(), `${what} stdout has no stack trace`).not.toMatch(STACK);
      }
      // The same file is valid for both commands or for neither.
      expect(analyzeCode, `analyze exit code vs validate (${validateCode}); stderr: ${a.err().slice(0, 300)}`).toBe(validateCode);
      if (analyzeCode === 0 && fmt === 'json') expect(() => JSON.parse(a.out())).not.toThrow();
      if (analyzeCode === 0) expect(a.out().length).toBeGreaterThan(0);
      prototypeUntouched();
    },
    BUDGET.cli + MARGIN,
  );
});
