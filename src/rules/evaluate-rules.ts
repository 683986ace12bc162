/**
 * The rule engine: evaluate the built-in and user rules on a context, render each hit in the
 * requested locale, and order the red flags by severity.
 *
 * @module
 */
import { OptionError } from '../errors.js';
import { catalogues } from '../explain/catalogue.js';
import { formatMessage, renderTemplate } from '../explain/format-message.js';
import type { MessageParams } from '../explain/types.js';
import { BUILTIN_RULES } from './builtin-rules.js';
import { SEVERITIES, type Finding, type Rule, type RuleContext } from './types.js';

/**
 * Evaluates rules and returns the red flags ordered by severity (critical first), then rule order,
 * then the people they name.
 *
 * @param context - the deal, graph and analyses (see {@link RuleContext}); {@link assessDeal} builds it
 * @param rules - the rules to run (default: the built-in ones)
 * @param disable - rule codes to skip
 * @returns the red flags
 * @throws {@link OptionError} when a rule returns an unknown severity
 * @example
 * ```ts
 * // assessDeal builds the context and runs the rules; with your own rule added:
 * const late: Rule = {
 *   code: 'no_budget', description: 'No budget recorded.', messages: { en: 'No budget recorded yet.' },
 *   evaluate: (ctx) => (ctx.deal.intel?.finance?.budget == null ? [{ severity: 'medium' }] : []),
 * };
 * assessDeal(harborDeal, { rules: { custom: [late] } }).flags.some((f) => f.code === 'no_budget');
 * // => true
 * ```
 * @category Rules
 */
export function evaluateRules(context: RuleContext, rules: readonly Rule[] = BUILTIN_RULES, disable: readonly string[] = []): Finding[] {
  const off = new Set(disable);
  const findings: { finding: Finding; order: number }[] = [];
  rules.forEach((rule, order) => {
    if (off.has(rule.code)) return;
    for (const hit of rule.evaluate(context)) {
      if (!SEVERITIES.includes(hit.severity))
        throw new OptionError('evaluateRules', `rules.${rule.code}.severity`, hit.severity, `one of ${SEVERITIES.join(', ')}`);
      const params: MessageParams = hit.params ?? {};
      findings.push({
        order,
        finding: { code: rule.code, severity: hit.severity, message: render(rule, params, context), params, people: [...(hit.people ?? [])] },
      });
    }
  });
  return findings
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) ||
        a.order - b.order ||
        compareText(a.finding.people.join('\u0000'), b.finding.people.join('\u0000')),
    )
    .map((x) => x.finding);
}

function render(rule: Rule, params: MessageParams, context: RuleContext): string {
  const own = rule.messages?.[context.locale] ?? rule.messages?.en;
  if (own !== undefined) {
    return renderTemplate(own, params, context.locale);
  }
  const code = `flag_${rule.code}`;
  return catalogues.en[code] === undefined ? rule.description : formatMessage(code, params, context.locale);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
