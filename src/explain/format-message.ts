/**
 * Renders a message code with its parameters in a locale.
 *
 * @module
 */
import { catalogues } from './catalogue.js';
import type { Explanation, Locale, MessageParams } from './types.js';

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { en: ', ', 'zh-CN': '、' };

/**
 * Renders `code` with `params` in `locale` (falling back to English, then to the code itself).
 * Numbers show at most 3 decimals; arrays are joined with the locale's separator.
 *
 * @param code - a message code from the catalogue
 * @param params - values for the `{name}` placeholders
 * @param locale - `en` (default) or `zh-CN`
 * @returns the rendered text
 * @example
 * ```ts
 * formatMessage('dm_none', { person: 'Dana Reyes' });           // => 'We have no path to decision maker Dana Reyes.'
 * formatMessage('dm_none', { person: 'Dana Reyes' }, 'zh-CN');  // => '我们没有接触决策者 Dana Reyes 的路径。'
 * ```
 * @category Explanations
 */
export function formatMessage(code: string, params: MessageParams = {}, locale: Locale = 'en'): string {
  const template = catalogues[locale]?.[code] ?? catalogues.en[code];
  if (template === undefined) return code;
  return renderTemplate(template, params, locale);
}

/**
 * Fills a message template's `{name}` placeholders (numbers with at most 3 decimals, lists joined
 * with the locale's separator); unknown placeholders stay as they are.
 *
 * @example
 * ```ts
 * renderTemplate('{who} owes {amount}', { who: ['Li', 'Wang'], amount: 2 / 3 }); // => 'Li, Wang owes 0.667'
 * ```
 * @category Explanations
 */
export function renderTemplate(template: string, params: MessageParams, locale: Locale = 'en'): string {
  // parts alternate literal text and placeholder names: ['', 'who', ' owes ', 'amount', ''].
  const parts = compiled(template);
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    out += Object.prototype.hasOwnProperty.call(params, name) ? formatValue(params[name] ?? null, locale) : `{${name}}`;
    out += parts[k + 1]!;
  }
  return out;
}

/** Templates split at their placeholders, cached (the catalogues hold a few hundred templates). */
const templates = new Map<string, readonly string[]>();

function compiled(template: string): readonly string[] {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    // Templates passed by callers are not from the catalogue: keep the cache bounded.
    if (templates.size < 4096) templates.set(template, parts);
  }
  return parts;
}

/**
 * Builds an {@link Explanation}: the code, the params, and the rendered message.
 *
 * @example
 * ```ts
 * explain('dm_none', { person: 'ceo' }).message; // => 'We have no path to decision maker ceo.'
 * ```
 * @category Explanations
 */
export function explain(code: string, params: MessageParams = {}, locale: Locale = 'en'): Explanation {
  return { code, params, message: formatMessage(code, params, locale) };
}

function formatValue(value: MessageParams[string], locale: Locale): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return value.join(LIST_SEPARATOR[locale]);
}
