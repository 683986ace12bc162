/**
 * The public API as tables, and small value utilities, for the cross-cutting property suites
 * (`test/properties/`) and the fuzz suite (`test/fuzz/`).
 *
 * - `ANALYSES`: every public analysis as `[name, (input, options?) => result]`, called with its
 *   defaults unless options are given;
 * - `REPORTS`: every report and graph export as `[name, (rawDeal) => output]`: the graph is built
 *   once and the assessment computed on it, as the CLI does;
 * - `walk`, `numbersIn`: visit every value of a result (not of its JSON: `JSON.stringify` turns NaN
 *   and Infinity into `null` and would hide them);
 * - `mutateDeep`: vandalise a result in place (every field, every array), to show that nothing
 *   the library keeps is shared with what it returned;
 * - `tied`: the tie rule of design.md section 6, written again here (no import from `src/internal`);
 * - raw-deal transforms the monotonicity properties need (`setStance`, `addContact`, `withIntel`).
 *
 * @module
 */
import * as pm from '../../src/index.js';
import type { RawDeal } from './arbitraries.js';
import { clone } from './analysis-fixtures.js';

/** One public analysis: its name and a call with the given options (defaults when absent). */
export type AnalysisEntry = readonly [name: string, run: (input: unknown, options?: Record<string, unknown>) => unknown];

/** Every public analysis of design.md section 6 (compareSnapshots and supportTrend take two or more deals: see `MULTI_DEAL`). */
export const ANALYSES: readonly AnalysisEntry[] = [
  ['rankKeyPeople', (d, o) => pm.rankKeyPeople(d, o)],
  ['measureSupportBase', (d, o) => pm.measureSupportBase(d, o)],
  ['findAllies', (d, o) => pm.findAllies(d, o)],
  ['findGatekeepers', (d, o) => pm.findGatekeepers(d, o)],
  ['predictConsensus', (d, o) => pm.predictConsensus(d, o)],
  ['recommendEngagements', (d, o) => pm.recommendEngagements(d, o)],
  ['checkDecisionMakerCoverage', (d, o) => pm.checkDecisionMakerCoverage(d, o)],
  ['findCoachCandidates', (d, o) => pm.findCoachCandidates(d, o)],
  ['analyzeResilience', (d, o) => pm.analyzeResilience(d, o)],
  ['assessInformation', (d, o) => pm.assessInformation(d, o)],
  ['assessSellingStage', (d, o) => pm.assessSellingStage(d, o)],
  ['classifyAccount', (d, o) => pm.classifyAccount(d, o)],
  ['measureBuyingCenter', (d, o) => pm.measureBuyingCenter(d, o)],
  ['assessDeal', (d, o) => pm.assessDeal(d, o)],
];

/** The analyses that take several snapshots of one deal. */
export const MULTI_DEAL: readonly (readonly [name: string, run: (a: unknown, b: unknown) => unknown])[] = [
  ['compareSnapshots', (a, b) => pm.compareSnapshots(a, b)],
  ['supportTrend', (a, b) => pm.supportTrend([a, b])],
];

/** One report or export, from a raw deal. */
export type ReportEntry = readonly [name: string, render: (raw: unknown) => unknown];

/** The graph and the assessment of a raw deal, the graph built once (as the CLI does). */
export function assessed(raw: unknown): { graph: pm.PowerGraph; assessment: pm.DealAssessment } {
  const graph = pm.buildGraph(raw);
  return { graph, assessment: pm.assessDeal(graph) };
}

/** Every report (text, Markdown, SVG, HTML) and graph export (Mermaid, DOT, GEXF, GraphML, Cytoscape). */
export const REPORTS: readonly ReportEntry[] = [
  ['toText', (raw) => { const { graph, assessment } = assessed(raw); return pm.toText(assessment, { graph }); }],
  ['toMarkdown', (raw) => { const { graph, assessment } = assessed(raw); return pm.toMarkdown(assessment, { graph }); }],
  ['toSvg', (raw) => { const { graph, assessment } = assessed(raw); return pm.toSvg(assessment, graph); }],
  ['toHtml', (raw) => { const { graph, assessment } = assessed(raw); return pm.toHtml(assessment, graph); }],
  ['toMermaid', (raw) => pm.toMermaid(pm.buildGraph(raw))],
  ['toDot', (raw) => pm.toDot(pm.buildGraph(raw))],
  ['toGexf', (raw) => pm.toGexf(pm.buildGraph(raw))],
  ['toGraphml', (raw) => pm.toGraphml(pm.buildGraph(raw))],
  ['toCytoscapeJson', (raw) => pm.toCytoscapeJson(pm.buildGraph(raw))],
];

/** Visits every value reachable from `value` (own enumerable keys; typed arrays element by element), with its path. */
export function walk(value: unknown, visit: (path: string, value: unknown) => void, path = '$', seen: Set<object> = new Set()): void {
  visit(path, value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    Array.from(value as unknown as ArrayLike<number>).forEach((x, k) => visit(`${path}[${k}]`, x));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((x, k) => walk(x, visit, `${path}[${k}]`, seen));
    return;
  }
  for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], visit, `${path}.${key}`, seen);
}

/** Every number in `value`, with its path. */
export function numbersIn(value: unknown): [path: string, x: number][] {
  const out: [string, number][] = [];
  walk(value, (path, x) => {
    if (typeof x === 'number') out.push([path, x]);
  });
  return out;
}

/** Values that are not plain JSON data: non-finite or negative-zero numbers, undefined, functions, symbols, bigints, class instances, Maps, Sets. */
export function nonJsonValues(value: unknown): [path: string, what: string][] {
  const out: [string, string][] = [];
  walk(value, (path, x) => {
    if (typeof x === 'number' && !Number.isFinite(x)) out.push([path, String(x)]);
    else if (typeof x === 'number' && Object.is(x, -0)) out.push([path, '-0']);
    else if (x === undefined || typeof x === 'function' || typeof x === 'symbol' || typeof x === 'bigint') out.push([path, typeof x]);
    else if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
      const proto = Object.getPrototypeOf(x) as unknown;
      if (proto !== Object.prototype && proto !== null) out.push([path, `instance of ${(x as object).constructor?.name ?? '?'}`]);
    }
  });
  return out;
}

/**
 * Vandalises a value in place: every primitive field of every object becomes a sentinel, every
 * array is reversed and gets an extra element, every object an extra key; typed arrays are filled
 * with a sentinel. Frozen parts are left alone (writes are attempted with `Reflect`, which does not
 * throw). Values at a path (`$.allies[0].roles`) matching one of `skip` are left alone too.
 */
export function mutateDeep(value: unknown, skip: readonly RegExp[] = [], path = '$', seen: Set<object> = new Set()): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || skip.some((re) => re.test(path))) return;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (!(value instanceof DataView)) (value as unknown as Float64Array).fill(-12345);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((x, k) => mutateDeep(x, skip, `${path}[${k}]`, seen));
    if (!Object.isFrozen(value)) {
      value.reverse();
      value.push('mutated');
    }
    return;
  }
  if (value instanceof Map || value instanceof Set) {
    for (const x of value.values()) mutateDeep(x, skip, `${path}.*`, seen);
    value.clear();
    return;
  }
  for (const key of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[key];
    if (typeof x === 'object' && x !== null) mutateDeep(x, skip, `${path}.${key}`, seen);
    else if (!skip.some((re) => re.test(`${path}.${key}`)))
      Reflect.set(value, key, typeof x === 'number' ? -12345 : typeof x === 'boolean' ? !x : typeof x === 'string' ? `${x}!mutated` : 'mutated');
  }
  Reflect.set(value, '__mutated__', true);
}

/** The tie rule of design.md section 6: a and b are tied when they differ by at most 1e-12 x max(1, |a|, |b|). */
export function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether any two of the numbers are tied (design rule), that is, whether sorting them needs the id. */
export function anyTie(xs: readonly number[]): boolean {
  const sorted = [...xs].sort((a, b) => a - b);
  for (let k = 1; k < sorted.length; k++) if (tied(sorted[k - 1]!, sorted[k]!)) return true;
  return false;
}

/** A copy of the raw deal with person `k` (by position) given `stance`. */
export function setStance(raw: RawDeal, k: number, stance: unknown): RawDeal {
  const copy = clone(raw);
  copy.people[k] = { ...copy.people[k]!, stance };
  return copy;
}

/** A copy of the raw deal with one more contact (no member, no date: no decay). */
export function addContact(raw: RawDeal, person: string, strength: number): RawDeal {
  const copy = clone(raw);
  copy.contacts = [...((copy.contacts as unknown[] | undefined) ?? []), { person, strength }];
  return copy;
}

/** A copy of the raw deal with contact `k` made at least `strength` strong (and, when `fresh`, dated `asOf`: no decay). */
export function strengthenContact(raw: RawDeal, k: number, strength: number, fresh: boolean): RawDeal {
  const copy = clone(raw);
  const contacts = copy.contacts as Record<string, unknown>[];
  const c = { ...contacts[k]! };
  c.strength = Math.max(c.strength as number, strength);
  if (fresh && c.lastContact !== undefined) {
    if (copy.asOf === undefined) delete c.lastContact;
    else c.lastContact = copy.asOf;
  }
  contacts[k] = c;
  return copy;
}

/** A copy of the raw deal with `intel` replaced. */
export function withIntel(raw: RawDeal, intel: Record<string, unknown> | undefined): RawDeal {
  const copy = clone(raw);
  if (intel === undefined) delete copy.intel;
  else copy.intel = clone(intel);
  return copy;
}
