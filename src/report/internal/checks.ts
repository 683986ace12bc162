/**
 * Input checks shared by the report functions.
 *
 * @internal
 * @module
 */
import type { DealAssessment } from '../../analyses/assess-deal.js';
import { OptionError } from '../../errors.js';
import { toPowerGraph } from '../../graph/build-graph.js';
import { isPowerGraph, type PowerGraph } from '../../graph/power-graph.js';
import { checks, type OptionCheck } from '../../internal/options.js';

/** Throws {@link OptionError} unless `value` looks like the result of `assessDeal`. */
export function assertAssessment(fn: string, value: unknown): asserts value is DealAssessment {
  const a = value as Partial<DealAssessment> | null;
  const ok =
    typeof a === 'object' &&
    a !== null &&
    typeof a.deal === 'object' &&
    typeof a.thresholds === 'object' &&
    Array.isArray(a.flags) &&
    Array.isArray(a.actions) &&
    typeof a.ranking === 'object' &&
    Array.isArray(a.ranking?.people) &&
    typeof a.support === 'object' &&
    typeof a.coverage === 'object';
  if (!ok) throw new OptionError(fn, 'assessment', value, 'the result of assessDeal(deal)');
}

/** The graph of a deal or graph argument (a raw deal is parsed, so it may throw `ValidationError`). */
export function graphOf(fn: string, value: unknown): PowerGraph {
  if (value === undefined || value === null || typeof value !== 'object')
    throw new OptionError(fn, 'graph', value, 'a PowerGraph (buildGraph(deal)) or a deal');
  return toPowerGraph(value);
}

/** Option checks used by several reports. */
export const reportChecks = {
  locale: checks.oneOf(['en', 'zh-CN']),
  graph: ((v) => (isPowerGraph(v) ? undefined : 'a PowerGraph (buildGraph(deal))')) as OptionCheck,
  string: ((v) => (typeof v === 'string' ? undefined : 'a string')) as OptionCheck,
};
