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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    return formatValue(params[name] ?? null, locale);
  });
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
