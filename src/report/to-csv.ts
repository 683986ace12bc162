/**
 * `toCsv`: the people of an assessment as one CSV table, safe to open in a spreadsheet.
 *
 * @module
 */
import type { DealAssessment } from '../analyses/assess-deal.js';
import type { PowerGraph } from '../graph/power-graph.js';
import { assertAssessment } from './internal/checks.js';
import { neutralizeFormula } from './internal/escape.js';
import { peopleView } from './internal/people.js';
import { cleanText } from './internal/text.js';

/** Options of {@link toCsv}. */
export interface CsvReportOptions {
  /** The graph the assessment was made from: adds titles and our relationship strength. */
  graph?: PowerGraph;
  /** Cell separator. Default `,`. */
  separator?: ',' | ';' | '\t';
}

const COLUMNS = [
  'rank', 'id', 'name', 'title', 'department', 'level', 'roles', 'stance', 'score', 'relationship',
  'contribution', 'decision_maker', 'ally', 'gatekeeper', 'coach_candidate', 'coach_score', 'engagement_expected',
] as const;

/**
 * The people of an assessment as CSV (RFC 4180: quoted where needed, CRLF line ends), one row per
 * person in rank order: score, stance, our relationship, support contribution, and the roles the
 * analyses gave them (decision maker, ally, gatekeeper, coach candidate). Text cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`) are prefixed with an apostrophe; control
 * characters are removed. Numbers are plain numbers.
 *
 * @param assessment - the result of {@link assessDeal}
 * @param options - see {@link CsvReportOptions}
 * @returns the CSV text, header first
 * @throws {@link OptionError} when `assessment` is not an assessment
 * @example
 * ```ts
 * toCsv(assessDeal(harborDeal)).split('\r\n')[1];
 * // => '1,ceo,Dana Reyes,,,1,decision-maker,,0.231632,,0,true,false,false,false,,0.046297'
 * ```
 * @category Reports
 */
export function toCsv(assessment: DealAssessment, options: CsvReportOptions = {}): string {
  assertAssessment('toCsv', assessment);
  const sep = options.separator ?? ',';
  const view = peopleView(assessment, options.graph);
  const contribution = new Map(assessment.support.contributors.map((c) => [c.id, c.contribution]));
  const coach = new Map(assessment.coach.candidates.map((c) => [c.id, c.score]));
  const expected = new Map(assessment.engagements.recommendations.map((r) => [r.id, r.expected]));
  const num = (x: number | null | undefined, digits = 6) => (x === null || x === undefined ? '' : String(Math.round(x * 10 ** digits) / 10 ** digits));
  const text = (s: string | null | undefined) => quote(neutralizeFormula(cleanText(s ?? '')), sep);
  const lines = [COLUMNS.join(sep)];
  for (const p of view.people) {
    lines.push(
      [
        String(p.rank),
        text(p.id),
        text(p.name),
        text(p.title),
        text(p.department),
        String(p.level),
        text(p.roles.join(' ')),
        num(p.stance),
        num(p.score),
        num(p.rel),
        num(contribution.get(p.id) ?? 0),
        String(p.decisionMaker),
        String(p.ally),
        String(p.gatekeeper),
        String(p.coachCandidate),
        num(coach.get(p.id)),
        num(expected.get(p.id)),
      ].join(sep),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function quote(value: string, sep: string): string {
  return value.includes(sep) || value.includes('"') || value.includes('\n') || value.includes('\r') || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}
