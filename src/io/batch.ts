/**
 * `assessLines`: the pure, streaming core of NDJSON batch assessment. One deal per line in, one
 * compact result per line out, in order, in constant memory; a bad line never stops the batch.
 *
 * Pure: no `process`, no streams of Node; the lines can come from anywhere (a file, a fetch
 * body, an array). `runBatch` in `node-batch.ts` wires it to Node streams.
 *
 * @module
 */
import { assessDeal, type AssessDealOptions } from '../analyses/assess-deal.js';
import type { CoverageRisk, CoverageStatus } from '../analyses/check-decision-maker-coverage.js';
import { OptionError, PowermapError, ValidationError, type Issue } from '../errors.js';
import { safeParseDeal } from '../model/parse-deal.js';
import type { Severity } from '../rules/types.js';

/** Options of {@link assessLines}. */
export interface AssessLinesOptions {
  /** Options passed to `assessDeal` for every deal. */
  assess?: AssessDealOptions;
  /** Called after every result with the number of deals done so far and how many of them failed. */
  onProgress?: (done: number, failed: number) => void;
}

/** The red flags of one severity: how many, and their codes (in the order of the flags, without repeats). */
export interface FlagCount {
  readonly count: number;
  readonly codes: readonly string[];
}

/** A compact summary of `assessDeal`: what a pipeline or a dashboard needs per deal. */
export interface DealSummary {
  readonly id: string;
  readonly name: string | null;
  readonly asOf: string | null;
  readonly stage: string | null;
  readonly progress: number;
  /** The three thresholds of M8, passed or not, and how many passed. */
  readonly thresholds: { readonly information: boolean; readonly relationship: boolean; readonly decision: boolean; readonly passed: number };
  /** Red flags by severity. */
  readonly flags: { readonly total: number } & { readonly [S in Severity]: FlagCount };
  /** The committee lean of `predictConsensus`, -1..1. */
  readonly lean: number;
  readonly verdict: 'support' | 'oppose' | 'contested';
  /** Net support of `measureSupportBase`. */
  readonly netSupport: number;
  /** Every decision maker with access status and risk (`checkDecisionMakerCoverage`). */
  readonly decisionMakers: readonly { readonly id: string; readonly inferred: boolean; readonly status: CoverageStatus; readonly risk: CoverageRisk }[];
  /** The messages of the first three next actions. */
  readonly topActions: readonly string[];
}

/** A line that held a deal that could be assessed. */
export interface BatchSuccess {
  /** 1-based line number in the input (empty lines count). */
  readonly line: number;
  readonly ok: true;
  /** The deal's id. */
  readonly id: string;
  readonly result: DealSummary;
}

/**
 * A line that could not be assessed. `code`: `invalid_json` (not JSON), `invalid_deal` (JSON but
 * not a valid deal; `issues` lists every problem with its path), or the `code` of the error an
 * analysis threw (`no_convergence`...), `internal_error` for anything else.
 */
export interface BatchFailure {
  readonly line: number;
  readonly ok: false;
  /** The deal's id, when the line is a JSON object with a string `id`. */
  readonly id?: string;
  readonly error: { readonly code: string; readonly message: string; readonly issues?: readonly Issue[] };
}

/** One output line of a batch. */
export type BatchResult = BatchSuccess | BatchFailure;

const FN = 'assessLines';

/**
 * Assesses one deal per line (NDJSON): each non-empty line is JSON-parsed, validated and run
 * through `assessDeal`, and yields a compact {@link BatchResult} — in input order, with the
 * line's number. Lines are pulled one at a time, so memory does not grow with the input, and a
 * bad line (invalid JSON, an invalid deal, an analysis that fails) yields `ok: false` and the
 * batch goes on. Blank lines are skipped (but counted in line numbers); a byte-order mark on the
 * first line is ignored.
 *
 * @param lines - the lines, without their line breaks (a trailing `\r` is tolerated)
 * @param options - see {@link AssessLinesOptions}
 * @returns an async iterable of results, one per non-empty line
 * @throws {@link OptionError} (on the first `next()`) when `options.assess` is invalid: that is
 *   not one line's fault, so the batch stops before it starts
 * @example
 * ```ts
 * async function* lines() { yield '{"id":"d1","people":[{"id":"ceo"}]}'; yield ''; yield '{oops'; }
 * for await (const r of assessLines(lines())) console.log(r.line, r.ok);
 * // 1 true
 * // 3 false   (r.error.code === 'invalid_json')
 * ```
 * @category Interop
 */
export async function* assessLines(lines: AsyncIterable<string> | Iterable<string>, options: AssessLinesOptions = {}): AsyncGenerator<BatchResult, void, undefined> {
  if (typeof options !== 'object' || options === null) throw new OptionError(FN, 'options', options, 'an object { assess?, onProgress? }');
  const { assess, onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new OptionError(FN, 'onProgress', onProgress, 'a function (done, failed) => void');
  // Options are checked once, on a one-person deal, so that a typo stops the batch at once
  // instead of failing every line.
  try {
    assessDeal({ id: 'options-check', people: [{ id: 'p' }] }, assess);
  } catch (error) {
    if (error instanceof OptionError) throw error;
  }

  let line = 0;
  let done = 0;
  let failed = 0;
  for await (const text of lines) {
    line++;
    const body = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (body.trim() === '') continue;
    const result = assessLine(body, line, assess);
    done++;
    if (!result.ok) failed++;
    yield result;
    onProgress?.(done, failed);
  }
}

/**
 * Assesses one NDJSON line; never throws (except {@link OptionError}, which is not the line's fault).
 *
 * @param text - one line: a deal as JSON
 * @param line - its 1-based line number
 * @param assess - options of `assessDeal`
 * @returns the line's {@link BatchResult}
 * @example
 * ```ts
 * assessLine('[1, 2]', 7).ok; // => false   (error.code 'invalid_deal')
 * ```
 * @category Interop
 */
export function assessLine(text: string, line: number, assess?: AssessDealOptions): BatchResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { line, ok: false, error: { code: 'invalid_json', message: `line ${line} is not valid JSON: ${(error as Error).message}` } };
  }
  const id =
    typeof json === 'object' && json !== null && !Array.isArray(json) && typeof (json as { id?: unknown }).id === 'string'
      ? (json as { id: string }).id
      : undefined;
  const withId = id !== undefined ? { id } : {};
  const parsed = safeParseDeal(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    return {
      line,
      ok: false,
      ...withId,
      error: {
        code: 'invalid_deal',
        message: `line ${line} is not a valid deal: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}${first ? ` (first: ${first.path || '(root)'}: ${first.message})` : ''}`,
        issues,
      },
    };
  }
  try {
    return { line, ok: true, id: parsed.data.id, result: summarize(assessDeal(parsed.data, assess)) };
  } catch (error) {
    if (error instanceof OptionError) throw error;
    if (error instanceof ValidationError)
      return { line, ok: false, ...withId, error: { code: 'invalid_deal', message: error.message, issues: error.issues } };
    if (error instanceof PowermapError) return { line, ok: false, ...withId, error: { code: error.code, message: error.message } };
    return { line, ok: false, ...withId, error: { code: 'internal_error', message: `assessDeal failed: ${(error as Error)?.message ?? String(error)}` } };
  }
}

function summarize(a: ReturnType<typeof assessDeal>): DealSummary {
  const count = (severity: Severity): FlagCount => {
    const flags = a.flags.filter((f) => f.severity === severity);
    return { count: flags.length, codes: [...new Set(flags.map((f) => f.code))] };
  };
  return {
    id: a.deal.id,
    name: a.deal.name,
    asOf: a.deal.asOf,
    stage: a.deal.stage,
    progress: a.deal.progress,
    thresholds: {
      information: a.thresholds.information.passed,
      relationship: a.thresholds.relationship.passed,
      decision: a.thresholds.decision.passed,
      passed: a.thresholds.passed,
    },
    flags: { total: a.flags.length, critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low') },
    lean: a.consensus.lean,
    verdict: a.consensus.verdict,
    netSupport: a.support.net,
    decisionMakers: a.coverage.decisionMakers.map((dm) => ({ id: dm.id, inferred: dm.inferred, status: dm.status, risk: dm.risk })),
    topActions: a.actions.slice(0, 3).map((x) => x.message),
  };
}
