/**
 * Number formats shared by the reports: fixed decimals, so output is byte-for-byte stable.
 *
 * @internal
 * @module
 */

/** A share as a whole percentage: `0.1607` -> `16%`. */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A signed number with `d` decimals: `0.1358` -> `+0.14`; `-0` prints as `0.00`. */
export function signed(x: number, d = 2): string {
  const s = fixed(x, d);
  return x > 0 && Number(s) !== 0 ? `+${s}` : s.replace(/^-(0\.?0*)$/, '$1');
}

/** `x.toFixed(d)` without negative zero. */
export function fixed(x: number, d = 3): string {
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
