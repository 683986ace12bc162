/**
 * `toMarkdown`: the deal assessment as a Markdown document.
 *
 * @module
 */
import type { DealAssessment } from '../analyses/assess-deal.js';
import type { Locale } from '../explain/types.js';
import type { PowerGraph } from '../graph/power-graph.js';
import { checks, resolveOptions } from '../internal/options.js';
import { stanceLabel } from '../model/vocabulary.js';
import { assertAssessment, reportChecks } from './internal/checks.js';
import { escapeMarkdown } from './internal/escape.js';
import { fixed, pct, signed } from './internal/format.js';
import { labelsFor, word, type ReportLabels } from './internal/labels.js';
import { clip, peopleView, type ReportPerson } from './internal/people.js';

/** Options of {@link toMarkdown}. */
export interface MarkdownReportOptions {
  /** Language of the report's headings and words. Default `en`. (Messages keep the locale of `assessDeal`.) */
  locale?: Locale;
  /** The graph the assessment was made from: adds job titles and our relationship to the people table. */
  graph?: PowerGraph;
  /** How many people to list under "who matters". Default 50. */
  people?: number;
}

const DEFAULTS: Required<Omit<MarkdownReportOptions, 'graph'>> & { graph: PowerGraph | undefined } = {
  locale: 'en',
  graph: undefined,
  people: 50,
};

/**
 * Renders a deal assessment as Markdown (CommonMark with GitHub tables): the same content as
 * {@link toText}, with tables for people, decision makers, coach candidates and engagements.
 *
 * Every string that comes from the deal (names, titles, departments, and the messages that
 * quote them) is escaped: Markdown and HTML markup (`|`, `*`, `_`, `[x](javascript:...)`,
 * `<script>`) shows as text, and a value that a spreadsheet would read as a formula (a leading
 * `=`, `+`, `-` or `@`) is prefixed with an apostrophe.
 *
 * @param assessment - the result of {@link assessDeal}
 * @param options - see {@link MarkdownReportOptions}
 * @returns the Markdown document, ending in `\n`
 * @throws {@link OptionError} when `assessment` is not an assessment or an option is invalid
 * @example
 * ```ts
 * const md = toMarkdown(assessDeal(harborDeal));
 * md.split('\n')[0]; // => '# Harbor Logistics warehouse system'
 * ```
 * @category Reports
 */
export function toMarkdown(assessment: DealAssessment, options?: MarkdownReportOptions): string {
  assertAssessment('toMarkdown', assessment);
  const o = resolveOptions('toMarkdown', DEFAULTS, options, {
    locale: reportChecks.locale,
    graph: reportChecks.graph,
    people: checks.integer(0),
  });
  const a = assessment;
  const L = labelsFor(o.locale);
  const md = escapeMarkdown;
  const view = peopleView(a, o.graph);
  const nm = (id: string) => md(view.name(id));
  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${title}`, '');
  const table = (head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []) => {
    out.push(`| ${head.join(' | ')} |`);
    out.push(`|${head.map((_, k) => (right.includes(k) ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const r of rows) out.push(`| ${r.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`);
  };

  out.push(`# ${md(clip(a.deal.name ?? a.deal.id, 200))}`, '');
  out.push(
    [
      a.deal.name ? md(clip(a.deal.id, 200)) : null,
      a.deal.asOf ? `${L.asOf} ${md(a.deal.asOf)}` : null,
      `${L.stage}: ${a.deal.stage ? md(a.deal.stage) : L.notSet} (${pct(a.deal.progress)} ${L.progress})`,
      `${a.ranking.people.length} ${L.people}`,
    ]
      .filter((x): x is string => x !== null)
      .join(' · '),
  );

  section(`${L.thresholds}: ${L.thresholdsPassed(a.thresholds.passed)}`);
  table(
    [L.threshold, L.result, L.evidence],
    (
      [
        [L.information, a.thresholds.information],
        [L.relationship, a.thresholds.relationship],
        [L.decision, a.thresholds.decision],
      ] as const
    ).map(([name, t]) => [`**${name}**`, t.passed ? `✅ ${L.passed}` : `❌ ${L.notPassed}`, t.evidence.map((e) => md(view.tidy(e.message))).join('<br>')]),
  );

  section(L.flags);
  if (a.flags.length === 0) out.push(L.noFlags);
  else table([L.severityCol, L.flag], a.flags.map((f) => [`**${word(L.severity, f.severity)}**`, md(view.tidy(f.message))]));

  section(L.actions);
  if (a.actions.length === 0) out.push(L.noActions);
  for (const action of a.actions) {
    out.push(`${action.priority}. ${md(view.tidy(action.message))}`);
    const indent = ' '.repeat(String(action.priority).length + 2);
    for (const q of action.questions ?? []) out.push(`${indent}- *${word(L.spin, q.kind)}:* ${md(q.text)}`);
  }

  section(L.whoMatters);
  const withGraph = o.graph !== undefined;
  const withDepartment = view.people.some((p) => p.department !== null);
  const shown = view.people.slice(0, o.people);
  const columns: [string, (p: ReportPerson) => string, boolean][] = [
    [L.rank, (p) => String(p.rank), true],
    [L.name, (p) => nm(p.id), false],
    ...(withGraph ? [[L.jobTitle, (p: ReportPerson) => md(clip(p.title ?? '')), false] as [string, (p: ReportPerson) => string, boolean]] : []),
    [L.score, (p) => fixed(p.score, 3), true],
    [L.stanceCol, (p) => stanceWord(L, p.stance), false],
    [L.roles, (p) => p.roles.map((r) => word(L.role, r)).join(', '), false],
    [L.level, (p) => String(p.level), true],
    ...(withDepartment ? [[L.department, (p: ReportPerson) => (p.department === null ? '' : md(clip(p.department))), false] as [string, (p: ReportPerson) => string, boolean]] : []),
    ...(withGraph ? [[L.ourRelationship, (p: ReportPerson) => (p.rel ? fixed(p.rel, 2) : '—'), true] as [string, (p: ReportPerson) => string, boolean]] : []),
  ];
  table(
    columns.map(([head]) => head),
    shown.map((p) => columns.map(([, cell]) => cell(p))),
    columns.flatMap(([, , right], k) => (right ? [k] : [])),
  );
  if (view.people.length > shown.length) out.push('', `*${L.moreNotShown(view.people.length - shown.length)}*`);
  const assumed = a.ranking.assumedInfluence;
  if (assumed.ids.length > 0) out.push('', `*${L.assumedInfluence(fixed(assumed.value, 2), assumed.ids.map(nm).join(', '))}*`);

  section(L.supportBase);
  const s = a.support;
  out.push(`- **${L.net}** ${signed(s.net)} (${L.supportWord} ${fixed(s.support, 2)}, ${L.opposition} ${fixed(s.opposition, 2)})`);
  if (s.unknownShare > 0) out.push(`- **${cap(L.unknownShare)}** ${pct(s.unknownShare)}: ${L.interval} ${signed(s.interval[0])} … ${signed(s.interval[1])}`);
  const allies = a.allies.allies.map((x) => `${nm(x.id)} (${stanceWord(L, x.stance)}, ${L.ourRelationship.toLowerCase()} ${fixed(x.rel, 2)})`);
  out.push(`- **${L.allies}**: ${allies.length ? allies.join('; ') : L.none}`);
  const gks = a.gatekeepers.gatekeepers.map(
    (g) => `${nm(g.id)} (${g.reasons.map((r) => word(L.gatekeeperReason, r)).join(', ')}; ${g.won ? L.won : `${L.notWon}, ${stanceWord(L, g.stance)}`})`,
  );
  out.push(`- **${L.gatekeepers}**: ${gks.length ? gks.join('; ') : L.none}`);

  section(L.decisionMakers);
  const route = (path: readonly string[]) => [L.us, ...path.map(nm)].join(' → ');
  if (a.coverage.decisionMakers.length === 0) out.push(L.none);
  else
    table(
      [L.name, L.status, L.risk, L.stanceCol, L.ourRelationship, L.bestPath, L.alternatives],
      a.coverage.decisionMakers.map((dm) => [
        `${nm(dm.id)}${dm.inferred ? ` (${L.inferred})` : ''}`,
        word(L.coverageStatus, dm.status),
        `**${word(L.riskLevel, dm.risk).toUpperCase()}**`,
        stanceWord(L, dm.stance),
        fixed(dm.rel, 2),
        dm.best ? `${route(dm.best.path)} (${pct(dm.best.probability)})` : L.noPath,
        dm.alternatives
          .slice(1)
          .map((alt) => `${route(alt.path)} (${pct(alt.probability)})`)
          .join('<br>'),
      ]),
      [4],
    );

  section(L.coach);
  if (a.coach.candidates.length === 0) out.push(L.noCoach);
  else
    table(
      [L.rank, L.name, L.score, L.kind, cap(L.weakest)],
      a.coach.candidates.map((cand) => {
        const weakest = cand.criteria.find((x) => x.criterion === cand.weakest);
        return [
          String(cand.rank),
          nm(cand.id),
          fixed(cand.score, 2),
          word(L.coachKind, cand.kind),
          `${word(L.criterion, cand.weakest)}${weakest ? ` (${fixed(weakest.value, 2)})` : ''}`,
        ];
      }),
      [0, 2],
    );
  for (const cur of a.coach.current.filter((x) => x.weaknesses.length > 0))
    out.push('', `${L.currentCoach} ${nm(cur.id)}: ${L.weakOn} ${cur.weaknesses.map((w) => word(L.criterion, w.criterion)).join(', ')}`);

  section(L.committee);
  out.push(`**${signed(a.consensus.lean)}**: ${word(L.verdictWord, a.consensus.verdict)}`);

  section(L.engagements);
  const recs = a.engagements.recommendations;
  if (recs.length === 0) out.push(L.none);
  else
    table(
      [L.rank, L.name, L.gain, L.feasibility, L.expected, L.route],
      recs.map((r) => [
        String(r.rank),
        nm(r.id),
        signed(r.gain, 3),
        pct(r.feasibility),
        signed(r.expected, 3),
        !r.path ? L.noRoute : r.path.length === 1 && r.path[0] === r.id ? L.directContact : route(r.path),
      ]),
      [0, 2, 3, 4],
    );
  return `${out.join('\n')}\n`;
}

function stanceWord(L: ReportLabels, stance: number | null): string {
  const label = word(L.stance, stanceLabel(stance));
  return stance === null ? label : `${label} ${signed(stance)}`;
}

/** Capitalises the first letter (English labels that also appear mid-sentence). */
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
