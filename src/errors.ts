/**
 * Errors are data: every error powermap throws is a {@link PowermapError} with a stable `code`,
 * the offending path or value, and a hint. Messages read `fn: what is wrong ("value"). How to fix.`
 *
 * @module
 */

/** One problem found in an input, with the JSON path where it sits (`people[3].reportsTo`). */
export interface Issue {
  /** Stable machine-readable code, e.g. `unknown_person`, `out_of_range`, `reports_to_cycle`. */
  readonly code: string;
  /** Where the problem is, in JavaScript accessor notation: `people[3].reportsTo[0]`. Empty for the root. */
  readonly path: string;
  /** What is wrong, for a human. */
  readonly message: string;
}

/**
 * Base class of every error powermap throws on purpose.
 *
 * @example
 * ```ts
 * try { parseDeal({}); } catch (e) { if (e instanceof PowermapError) e.code; }
 * // => 'invalid_input'
 * ```
 */
export class PowermapError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** How to fix it, when there is something to say. */
  readonly hint: string | undefined;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}

/**
 * The input is not a valid deal (or not a valid input of another kind). Holds **every** problem
 * found, not only the first, each with its path.
 *
 * @example
 * ```ts
 * const r = safeParseDeal({ people: [{ id: 'a', stance: 2 }] });
 * r.success; // => false
 * r.error.issues.map((i) => i.path);
 * // => ['id', 'people[0].stance']  (document order)
 * ```
 */
export class ValidationError extends PowermapError {
  /** Every problem found, in document order. */
  readonly issues: readonly Issue[];

  constructor(fn: string, issues: readonly Issue[]) {
    const first = issues[0];
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      'invalid_input',
      `${fn}: ${count} in the input${first ? ` (first: ${first.path || '(root)'}: ${first.message})` : ''}. ` +
        'Fix each listed issue (see .issues) and try again.',
      'Each issue names the path of the offending value.',
    );
    this.issues = issues;
  }
}

/**
 * A person id was asked for that the deal does not contain.
 *
 * @example
 * ```ts
 * new UnknownPersonError('simulate', 'cfo2').message;
 * // => 'simulate: no person with id "cfo2" in the deal. Use an id from deal.people.'
 * ```
 */
export class UnknownPersonError extends PowermapError {
  /** The id that was not found. */
  readonly id: string;

  constructor(fn: string, id: string, what = 'person') {
    super(
      'unknown_person',
      `${fn}: no ${what} with id ${JSON.stringify(id)} in the deal. Use an id from deal.people.`,
      'Ids are matched exactly (case-sensitive).',
    );
    this.id = id;
  }
}

/**
 * An iterative solver did not reach its tolerance within the allowed iterations.
 *
 * @example
 * ```ts
 * try { predictConsensus(harborDeal, { maxIterations: 1 }); } catch (e) { (e as ConvergenceError).iterations; }
 * // => 1
 * ```
 */
export class ConvergenceError extends PowermapError {
  /** Iterations run before giving up. */
  readonly iterations: number;
  /** The last change measured (L1 or max norm, as the solver states). */
  readonly residual: number;

  constructor(fn: string, iterations: number, residual: number) {
    super(
      'no_convergence',
      `${fn}: did not converge after ${iterations} iterations (residual ${residual.toExponential(3)}). ` +
        'Raise maxIterations, or lower susceptibilities close to 1.',
    );
    this.iterations = iterations;
    this.residual = residual;
  }
}

/**
 * An option passed to a function is out of its range or of the wrong type, or is unknown.
 *
 * @example
 * ```ts
 * try { rankKeyPeople(harborDeal, { alpha: 1 }); } catch (e) { [(e as OptionError).code, (e as OptionError).option]; }
 * // => ['invalid_option', 'alpha']
 * ```
 */
export class OptionError extends PowermapError {
  /** The option's name. */
  readonly option: string;
  /** The value that was passed. */
  readonly value: unknown;

  constructor(fn: string, option: string, value: unknown, expected: string, message?: string) {
    super('invalid_option', message ?? `${fn}: option ${option} is invalid (${describeValue(value)}). Expected ${expected}.`);
    this.option = option;
    this.value = value;
  }
}

/** Short, safe rendering of a value for an error message: quoted strings, never throws, never huge. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
