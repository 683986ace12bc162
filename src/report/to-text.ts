/**
 * `toText`: the terminal report a seller reads.
 *
 * @module
 */
import type { DealAssessment } from '../analyses/assess-deal.js';
import type { Locale } from '../explain/types.js';
import type { PowerGraph } from '../graph/power-graph.js';
import { checks, resolveOptions } from '../internal/options.js';
import { stanceLabel } from '../model/vocabulary.js';
import { assertAssessment, reportChecks } from './internal/checks.js';
import { fixed, pct, signed } from './internal/format.js';
import { labelsFor, word, type ReportLabels } from './internal/labels.js';
import { clip, peopleView, type PeopleView, type ReportPerson } from './internal/people.js';
import { displayWidth, padEnd, padStart, safeText, truncate, wrap } from './internal/text.js';

/** Options of {@link toText}. */
export interface TextReportOptions {
  /** Language of the report's headings and words. Default `en`. (Messages keep the locale of `assessDeal`.) */
  locale?: Locale;
  /** Colour with ANSI escape codes. Default `false`; the caller decides (a TTY, and no `NO_COLOR`). */
  color?: boolean;
  /** Line width in terminal columns, 40..400. Default 80. */
  width?: number;
  /** The graph the assessment was made from: adds our relationship (and, from width 100, job titles) to the people table. */
  graph?: PowerGraph;
  /** How many people to list under "who matters". Default 10. */
  people?: number;
}

const DEFAULTS: Required<Omit<TextReportOptions, 'graph'>> & { graph: PowerGraph | undefined } = {
  locale: 'en',
  color: false,
  width: 80,
  graph: undefined,
  people: 10,
};

/** ANSI styles; identity functions when colour is off. */
interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  inverse(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Paint = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  inverse: sgr(7, 27),
};
const PLAIN: Paint = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id, inverse: id };
function id(s: string): string {
  return s;
}

/**
 * Renders a deal assessment as the plain-text report a seller reads in a terminal: the deal, the
 * three thresholds with their evidence, red flags by severity, next actions with SPIN questions,
 * who matters, the support base, decision makers and their best paths, coach candidates, the
 * committee lean and who to win over next.
 *
 * Pure: no I/O, no `process`; colour only when `color: true`. Every name from the deal is
 * cleaned of control characters (no terminal escape sequence in a name can reach the screen),
 * right-to-left names are isolated, and long names are cut to fit the width.
 *
 * @param assessment - the result of {@link assessDeal}
 * @param options - see {@link TextReportOptions}
 * @returns the report, lines ending in `\n`
 * @throws {@link OptionError} when `assessment` is not an assessment or an option is invalid
 * @example
 * ```ts
 * const text = toText(assessDeal(harborDeal), { width: 80 });
 * text.split('\n')[0]; // => 'Harbor Logistics warehouse system (harbor-wms)'
 * ```
 * @category Reports
 */
export function toText(assessment: DealAssessment, options?: TextReportOptions): string {
  assertAssessment('toText', assessment);
  const o = resolveOptions('toText', DEFAULTS, options, {
    locale: reportChecks.locale,
    color: checks.boolean(),
    width: checks.integer(40, 400),
    graph: reportChecks.graph,
    people: checks.integer(0),
  });
  const a = assessment;
  const L = labelsFor(o.locale);
  const c = o.color ? COLOR : PLAIN;
  const W = o.width;
  const view = peopleView(a, o.graph);
  const nm = (id: string) => safe(view.name(id));
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  const heading = (s: string) => {
    out();
    out(c.bold(c.cyan(s.toUpperCase())));
  };
  /** Wraps text that is already safe (built from {@link safe} pieces and our own words). */
  const para = (text: string, first = '  ', rest?: string, paint: (s: string) => string = id) => {
    for (const line of wrap(text, W, first, rest)) out(paint(line));
  };

  // Header
  const title = a.deal.name ? `${safe(clip(a.deal.name, 200))} (${safe(clip(a.deal.id, 200))})` : safe(clip(a.deal.id, 200));
  for (const line of wrap(title, W)) out(c.bold(line));
  const meta = [
    a.deal.asOf ? `${L.asOf} ${safe(a.deal.asOf)}` : null,
    `${L.stage}: ${a.deal.stage ? safe(a.deal.stage) : L.notSet} (${pct(a.deal.progress)} ${L.progress})`,
    `${a.ranking.people.length} ${L.people}`,
  ].filter((x): x is string => x !== null);
  for (const line of wrap(meta.join(' · '), W)) out(line);

  // Thresholds
  heading(`${L.thresholds}: ${L.thresholdsPassed(a.thresholds.passed)}`);
  const thresholdRows: [string, { passed: boolean; evidence: readonly { message: string }[] }][] = [
    [L.information, a.thresholds.information],
    [L.relationship, a.thresholds.relationship],
    [L.decision, a.thresholds.decision],
  ];
  const tw = Math.max(...thresholdRows.map(([n]) => displayWidth(n)));
  for (const [name, t] of thresholdRows) {
    const mark = t.passed ? c.green(`✓ ${padEnd(name, tw)}  ${L.passed}`) : c.red(`✗ ${padEnd(name, tw)}  ${L.notPassed}`);
    out(`  ${mark}`);
    for (const e of t.evidence) para(safe(view.tidy(e.message)), '      ');
  }

  // Red flags
  heading(L.flags);
  if (a.flags.length === 0) out(`  ${L.noFlags}`);
  const sw = Math.max(0, ...a.flags.map((f) => displayWidth(word(L.severity, f.severity))));
  for (const f of a.flags) {
    const sev = padEnd(word(L.severity, f.severity), sw);
    const first = `  ${sev}  `;
    const wrapped = wrap(safe(view.tidy(f.message)), W, first);
    const paint = f.severity === 'critical' ? (s: string) => c.inverse(c.red(s)) : f.severity === 'high' ? c.red : f.severity === 'medium' ? c.yellow : c.dim;
    wrapped.forEach((line, k) => out(k === 0 ? `  ${paint(sev)}  ${line.slice(first.length)}` : line));
  }

  // Next actions
  heading(L.actions);
  if (a.actions.length === 0) out(`  ${L.noActions}`);
  const pw = String(a.actions.length).length;
  for (const action of a.actions) {
    const first = `  ${padStart(String(action.priority), pw)}. `;
    para(safe(view.tidy(action.message)), first);
    const indent = ' '.repeat(displayWidth(first) + 2);
    for (const q of action.questions ?? []) para(`${word(L.spin, q.kind)}: ${safe(q.text)}`, indent, `${indent}  `);
  }

  // Who matters
  heading(L.whoMatters);
  peopleTable(view.people.slice(0, o.people), { L, c, W, withGraph: o.graph !== undefined, view }).forEach((l) => out(l));
  if (view.people.length > o.people) out(c.dim(`  ${L.moreNotShown(view.people.length - o.people)}`));
  const assumed = a.ranking.assumedInfluence;
  if (assumed.ids.length > 0) para(L.assumedInfluence(fixed(assumed.value, 2), assumed.ids.map(nm).join(', ')), '  ', undefined, c.dim);

  // Support base
  heading(L.supportBase);
  const s = a.support;
  para(
    `${L.net} ${signed(s.net)} (${L.supportWord} ${fixed(s.support, 2)}, ${L.opposition} ${fixed(s.opposition, 2)})` +
      (s.unknownShare > 0 ? `; ${L.unknownShare} ${pct(s.unknownShare)}: ${L.interval} ${signed(s.interval[0])} … ${signed(s.interval[1])}` : ''),
  );
  const allies = a.allies.allies.map((x) => `${nm(x.id)} (${stanceWord(L, x.stance)}, ${L.ourRelationship.toLowerCase()} ${fixed(x.rel, 2)})`);
  para(`${L.allies}: ${allies.length ? allies.join('; ') : L.none}`);
  const gks = a.gatekeepers.gatekeepers.map(
    (g) => `${nm(g.id)} (${g.reasons.map((r) => word(L.gatekeeperReason, r)).join(', ')}; ${g.won ? L.won : `${L.notWon}, ${stanceWord(L, g.stance)}`})`,
  );
  para(`${L.gatekeepers}: ${gks.length ? gks.join('; ') : L.none}`);

  // Decision makers
  heading(L.decisionMakers);
  if (a.coverage.decisionMakers.length === 0) out(`  ${L.none}`);
  for (const dm of a.coverage.decisionMakers) {
    const risk = `${L.risk.toLowerCase()} ${word(L.riskLevel, dm.risk).toUpperCase()}`;
    const paintRisk = dm.risk === 'low' ? c.green : dm.risk === 'medium' ? c.yellow : c.red;
    const head = `${nm(dm.id)}${dm.inferred ? ` (${L.inferred})` : ''}: ${word(L.coverageStatus, dm.status)}, `;
    const tail = `, ${L.stanceCol.toLowerCase()} ${stanceWord(L, dm.stance)}, ${L.ourRelationship.toLowerCase()} ${fixed(dm.rel, 2)}`;
    const lineText = wrap(`${head}${risk}${tail}`, W, '  ');
    // Colour the risk only when it stayed on the first line intact.
    const firstLine = lineText[0]!;
    const at = firstLine.indexOf(risk);
    lineText.forEach((l, k) => out(k === 0 && at >= 0 ? `${l.slice(0, at)}${paintRisk(risk)}${l.slice(at + risk.length)}` : l));
    if (dm.best) para(`${L.bestPath}: ${route(dm.best.path, nm, L)} (${pct(dm.best.probability)})`, '    ', '      ');
    else para(`${L.bestPath}: ${L.noPath}`, '    ');
    for (const alt of dm.alternatives.slice(1)) para(`${L.alternative}: ${route(alt.path, nm, L)} (${pct(alt.probability)})`, '    ', '      ');
  }

  // Coach candidates
  heading(L.coach);
  if (a.coach.candidates.length === 0) para(L.noCoach);
  for (const cand of a.coach.candidates.slice(0, 5)) {
    const weakest = cand.criteria.find((x) => x.criterion === cand.weakest);
    para(
      `${cand.rank}. ${nm(cand.id)}: ${fixed(cand.score, 2)}, ${word(L.coachKind, cand.kind)}; ${L.weakest}: ${word(L.criterion, cand.weakest)}` +
        (weakest ? ` (${fixed(weakest.value, 2)})` : ''),
      '  ',
      '     ',
    );
  }
  for (const cur of a.coach.current.filter((x) => x.weaknesses.length > 0))
    para(`${L.currentCoach} ${nm(cur.id)}: ${L.weakOn} ${cur.weaknesses.map((w) => word(L.criterion, w.criterion)).join(', ')}`);

  // Committee lean
  const verdict = word(L.verdictWord, a.consensus.verdict);
  const paintVerdict = a.consensus.verdict === 'support' ? c.green : a.consensus.verdict === 'oppose' ? c.red : c.yellow;
  heading(L.committee);
  out(`  ${L.lean} ${signed(a.consensus.lean)}: ${paintVerdict(verdict)}`);

  // Engagements
  heading(L.engagements);
  const recs = a.engagements.recommendations;
  if (recs.length === 0) out(`  ${L.none}`);
  const nw = Math.min(24, Math.max(8, ...recs.map((r) => displayWidth(nm(r.id)))));
  for (const r of recs) {
    const where = !r.path ? L.noRoute : r.path.length === 1 && r.path[0] === r.id ? L.directContact : route(r.path, nm, L);
    const first = `  ${r.rank}. ${padEnd(truncate(nm(r.id), nw), nw)}  ${signed(r.gain, 3)} × ${padStart(pct(r.feasibility), 4)} = ${signed(r.expected, 3)}  `;
    if (displayWidth(first) + 16 <= W) for (const line of wrap(where, W, first)) out(line);
    else {
      // Narrow terminal: the route goes under the numbers.
      out(first.trimEnd());
      for (const line of wrap(where, W, '       ')) out(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A user string (or a message quoting one) cleaned for the terminal: control characters out,
 * right-to-left runs isolated, and any "word" wider than 60 columns (a 10,000-character name) cut.
 */
function safe(s: string): string {
  return safeText(s)
    .split(' ')
    .map((w) => (w.length > 60 ? truncate(w, 60) : w))
    .join(' ');
}

function stanceWord(L: ReportLabels, stance: number | null): string {
  const label = word(L.stance, stanceLabel(stance));
  return stance === null ? label : `${label} ${signed(stance)}`;
}

function route(path: readonly string[], nm: (id: string) => string, L: ReportLabels): string {
  return [L.us, ...path.map(nm)].join(' → ');
}

function peopleTable(
  people: readonly ReportPerson[],
  o: { L: ReportLabels; c: Paint; W: number; withGraph: boolean; view: PeopleView },
): string[] {
  const view = o.view;
  const { L, c, W } = o;
  type Col = { head: string; cell: (p: ReportPerson) => string; right?: boolean; min: number; flex?: number };
  const cols: Col[] = [
    { head: L.rank, cell: (p) => String(p.rank), right: true, min: 2 },
    { head: L.name, cell: (p) => safe(view.name(p.id)), min: 6, flex: 3 },
    ...(o.withGraph && W >= 100 ? [{ head: L.jobTitle, cell: (p: ReportPerson) => safe(clip(p.title ?? '')), min: 6, flex: 2 }] : []),
    { head: L.score, cell: (p) => fixed(p.score, 3), right: true, min: 5 },
    { head: L.stanceCol, cell: (p) => stanceWord(L, p.stance), min: 5, flex: 1 },
    { head: L.roles, cell: (p) => p.roles.map((r) => word(L.role, r)).join(', '), min: 4, flex: 2 },
    { head: L.levelShort, cell: (p) => String(p.level), right: true, min: 3 },
    ...(o.withGraph ? [{ head: L.relShort, cell: (p: ReportPerson) => (p.rel ? fixed(p.rel, 2) : '—'), right: true, min: 4 }] : []),
  ];
  const cells = people.map((p) => cols.map((col) => col.cell(p)));
  const natural = cols.map((col, k) => Math.max(displayWidth(col.head), col.min, ...cells.map((row) => displayWidth(row[k]!))));
  // Fit the width: shrink the flexible columns (names first) to their minimum.
  const gap = 2;
  const widths = [...natural];
  let total = 2 + widths.reduce((x, y) => x + y, 0) + gap * (cols.length - 1);
  const floor = cols.map((col) => Math.max(col.min, displayWidth(col.head)));
  while (total > W) {
    // Shrink the widest flexible column that can still give (the last one on a tie) by one column.
    let best = -1;
    for (let k = 0; k < cols.length; k++) {
      if (!cols[k]!.flex || widths[k]! <= floor[k]!) continue;
      if (best < 0 || widths[k]! / cols[k]!.flex! >= widths[best]! / cols[best]!.flex!) best = k;
    }
    if (best < 0) break;
    widths[best]!--;
    total--;
  }
  const row = (values: readonly string[]) =>
    `  ${values.map((v, k) => (cols[k]!.right ? padStart(truncate(v, widths[k]!), widths[k]!) : padEnd(truncate(v, widths[k]!), widths[k]!))).join(' '.repeat(gap))}`.trimEnd();
  const lines = [c.dim(row(cols.map((col) => col.head)))];
  for (const [k, values] of cells.entries()) {
    const p = people[k]!;
    const text = row(values);
    lines.push(p.stance === null ? text : p.stance >= 0.25 ? c.green(text) : p.stance <= -0.25 ? c.red(text) : text);
  }
  return lines;
}
