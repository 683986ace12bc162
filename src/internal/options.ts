/**
 * One helper merges a function's options over its module-level DEFAULTS and validates them,
 * throwing {@link OptionError} naming the function and the option.
 *
 * @internal
 * @module
 */
import { OptionError } from '../errors.js';

/** A check for one option: returns the expected-range text when the value is invalid. */
export type OptionCheck = (value: unknown) => string | undefined;

export const checks = {
  /** A finite number in [min, max] (or [min, max) when `openMax`). */
  number(min: number, max: number, openMax = false): OptionCheck {
    return (v) =>
      typeof v === 'number' && Number.isFinite(v) && v >= min && (openMax ? v < max : v <= max)
        ? undefined
        : `a number in [${min}, ${max}${openMax ? ')' : ']'}`;
  },
  /** A positive number (Infinity allowed when `allowInfinity`). */
  positive(allowInfinity = false): OptionCheck {
    return (v) =>
      typeof v === 'number' && v > 0 && (allowInfinity || Number.isFinite(v)) ? undefined : 'a positive number';
  },
  /** An integer in [min, max]. */
  integer(min: number, max = Number.MAX_SAFE_INTEGER): OptionCheck {
    return (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `an integer from ${min}`);
  },
  /** One of the given strings. */
  oneOf(values: readonly string[]): OptionCheck {
    return (v) => (typeof v === 'string' && values.includes(v) ? undefined : `one of ${values.map((x) => `"${x}"`).join(', ')}`);
  },
  boolean(): OptionCheck {
    return (v) => (typeof v === 'boolean' ? undefined : 'true or false');
  },
  any(): OptionCheck {
    return () => undefined;
  },
};

/**
 * Merges `options` over `defaults` (ignoring `undefined` values) and validates each known option.
 * Unknown option names are an error, so a typo never passes silently.
 */
export function resolveOptions<T extends object>(
  fn: string,
  defaults: T,
  options: Partial<T> | undefined,
  rules: { [K in keyof T]?: OptionCheck },
): T {
  const out = { ...defaults };
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object') throw new OptionError(fn, 'options', options, 'an object');
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(defaults, key))
      throw new OptionError(
        fn,
        key,
        value,
        `a known option: ${Object.keys(defaults).join(', ')}`,
        `${fn}: unknown option ${JSON.stringify(key)}. Known options: ${Object.keys(defaults).join(', ')}.`,
      );
    const expected = rules[key as keyof T]?.(value);
    if (expected !== undefined) throw new OptionError(fn, key, value, expected);
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
