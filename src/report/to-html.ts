/**
 * `toHtml`: the whole deal assessment as one self-contained HTML page.
 *
 * @module
 */
import type { DealAssessment } from '../analyses/assess-deal.js';
import type { Locale } from '../explain/types.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { stanceLabel } from '../model/vocabulary.js';
import { checks, resolveOptions } from '../internal/options.js';
import { assertAssessment, graphOf, reportChecks } from './internal/checks.js';
import { escapeHtml, xmlEntities } from './internal/escape.js';
import { fixed, pct, signed } from './internal/format.js';
import { labelsFor, word, type ReportLabels } from './internal/labels.js';
import { clip, peopleView, type PeopleView, type ReportPerson } from './internal/people.js';
import { renderStanceGrid } from './internal/stance-grid.js';
import { stanceColor } from './internal/svg.js';
import { cleanText, truncate } from './internal/text.js';
import { renderPowerMap } from './to-svg.js';

/** Options of {@link toHtml}. */
export interface HtmlReportOptions {
  /** Language of the page's headings and words. Default `en`. (Messages keep the locale of `assessDeal`.) */
  locale?: Locale;
  /** The page title. Default: the deal's name and "Deal assessment". */
  title?: string;
  /** The power map and the grid show at most this many people (see {@link SvgOptions.maxPeople}). Default 60. */
  maxPeople?: number;
}

const DEFAULTS: Required<Omit<HtmlReportOptions, 'title'>> & { title: string | undefined } = { locale: 'en', title: undefined, maxPeople: 60 };

/** The Content-Security-Policy of the page: no scripts, no network, inline styles and data: images only. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Renders a deal assessment as one self-contained HTML page to open in a browser, attach to a
 * CRM record or mail: the three thresholds, red flags, next actions, the SVG power map with its
 * legend, an influence x stance grid in four labelled quadrants, and tables of the people,
 * support base, decision makers, coach candidates, engagements and information points.
 *
 * The page loads nothing (no script, font, style sheet or image from anywhere) and its
 * Content-Security-Policy ({@link HTML_REPORT_CSP}) forbids scripts and remote loads. Every
 * string from the deal is HTML-escaped, so a name like `<img src=x onerror=alert(1)>` shows as
 * text.
 *
 * @param assessment - the result of {@link assessDeal} for the deal
 * @param graph - the {@link PowerGraph} the assessment was made from (or the deal itself)
 * @param options - see {@link HtmlReportOptions}
 * @returns the HTML document, starting with `<!doctype html>`
 * @throws {@link OptionError} when an argument or option is invalid
 * @example
 * ```ts
 * const graph = buildGraph(harborDeal);
 * const html = toHtml(assessDeal(graph), graph, { title: 'Harbor: account review' });
 * html.includes('<meta charset="utf-8">'); // => true
 * html.includes('<script');                // => false
 * ```
 * @category Reports
 */
export function toHtml(assessment: DealAssessment, graph: PowerGraph | Deal, options?: HtmlReportOptions): string {
  assertAssessment('toHtml', assessment);
  const g = graphOf('toHtml', graph);
  const o = resolveOptions('toHtml', DEFAULTS, options, {
    locale: reportChecks.locale,
    title: reportChecks.string,
    maxPeople: checks.integer(1),
  });
  const a = assessment;
  const L = labelsFor(o.locale);
  const h = escapeHtml;
  const view = peopleView(a, g);
  const nm = (id: string) => `<bdi>${h(view.name(id))}</bdi>`;
  const dealName = clip(a.deal.name ?? a.deal.id, 200);
  const title = o.title ?? `${dealName} · ${L.title}`;
  const map = renderPowerMap(a, g, { locale: o.locale, maxPeople: o.maxPeople, legend: true, idPrefix: 'pm' }, false);
  const shownIds = new Set(a.ranking.people.slice(0, o.maxPeople).map((p) => p.id));
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s);

  push(
    '<!doctype html>',
    `<html lang="${o.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="powermap">',
    `<title>${h(truncate(cleanText(title), 200))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
  );

  // Header.
  const meta = [
    a.deal.name ? h(clip(a.deal.id, 200)) : null,
    a.deal.asOf ? `${h(L.asOf)} ${h(a.deal.asOf)}` : null,
    `${h(L.stage)}: ${a.deal.stage ? h(a.deal.stage) : h(L.notSet)} (${pct(a.deal.progress)} ${h(L.progress)})`,
    `${a.ranking.people.length} ${h(L.people)}`,
  ].filter((x): x is string => x !== null);
  push('<header>', `<h1>${h(dealName)}</h1>`, `<p class="meta">${meta.join(' · ')}</p>`, '</header>');

  // Thresholds.
  push(`<section class="thresholds" aria-labelledby="h-thresholds"><h2 id="h-thresholds">${h(L.thresholds)} <span class="count">${h(L.thresholdsPassed(a.thresholds.passed))}</span></h2><div class="cards">`);
  for (const [name, t] of [
    [L.information, a.thresholds.information],
    [L.relationship, a.thresholds.relationship],
    [L.decision, a.thresholds.decision],
  ] as const) {
    push(
      `<div class="card ${t.passed ? 'pass' : 'fail'}"><div class="card-head"><span class="mark">${t.passed ? '✓' : '✗'}</span> <strong>${h(name)}</strong> <span class="state">${h(t.passed ? L.passed : L.notPassed)}</span></div>` +
        t.evidence.map((e) => `<p>${h(view.tidy(e.message))}</p>`).join('') +
        '</div>',
    );
  }
  push('</div></section>');

  // The power map first: the picture a seller reads at a glance.
  push(`<section aria-labelledby="h-map"><h2 id="h-map">${h(L.powerMap)}</h2><figure class="map">${map.svg}</figure></section>`);

  // Red flags and next actions side by side.
  push('<div class="columns">');
  push(`<section aria-labelledby="h-flags"><h2 id="h-flags">${h(L.flags)}</h2>`);
  if (a.flags.length === 0) push(`<p>${h(L.noFlags)}</p>`);
  else {
    push('<ul class="flags">');
    for (const f of a.flags) push(`<li class="sev-${h(f.severity)}"><span class="sev">${h(word(L.severity, f.severity))}</span> ${h(view.tidy(f.message))}</li>`);
    push('</ul>');
  }
  push('</section>');
  push(`<section aria-labelledby="h-actions"><h2 id="h-actions">${h(L.actions)}</h2>`);
  if (a.actions.length === 0) push(`<p>${h(L.noActions)}</p>`);
  else {
    push('<ol class="actions">');
    for (const action of a.actions) {
      push(`<li class="kind-${h(action.kind)}"><span class="kind">${h(word(L.actionKind, action.kind))}</span> ${h(view.tidy(action.message))}`);
      if (action.questions && action.questions.length > 0)
        push(`<ul class="spin">${action.questions.map((q) => `<li><em>${h(word(L.spin, q.kind))}:</em> ${h(q.text)}</li>`).join('')}</ul>`);
      push('</li>');
    }
    push('</ol>');
  }
  push('</section>', '</div>');

  // The influence x stance grid.
  push(`<section aria-labelledby="h-grid"><h2 id="h-grid">${h(L.grid)}</h2><figure class="grid">${renderStanceGrid(a, shownIds, L, 'pm')}</figure></section>`);

  // Tables.
  push(`<section aria-labelledby="h-people"><h2 id="h-people">${h(L.whoMatters)}</h2>`);
  push(peopleTable(view.people.slice(0, o.maxPeople), L, h, view));
  if (view.people.length > o.maxPeople) push(`<p class="note">${h(L.moreNotShown(view.people.length - o.maxPeople))}</p>`);
  const assumed = a.ranking.assumedInfluence;
  if (assumed.ids.length > 0) push(`<p class="note">${h(L.assumedInfluence(fixed(assumed.value, 2), assumed.ids.map((id) => cleanText(view.name(id))).join(', ')))}</p>`);
  push('</section>');

  const s = a.support;
  push(`<section aria-labelledby="h-support"><h2 id="h-support">${h(L.supportBase)}</h2><dl class="support">`);
  push(`<dt>${h(L.net)}</dt><dd><strong class="${s.net > 0 ? 'pos' : s.net < 0 ? 'neg' : ''}">${signed(s.net)}</strong> (${h(L.supportWord)} ${fixed(s.support, 2)}, ${h(L.opposition)} ${fixed(s.opposition, 2)})</dd>`);
  if (s.unknownShare > 0) push(`<dt>${h(cap(L.unknownShare))}</dt><dd>${pct(s.unknownShare)}: ${h(L.interval)} ${signed(s.interval[0])} … ${signed(s.interval[1])}</dd>`);
  push(
    `<dt>${h(L.allies)}</dt><dd>${
      a.allies.allies.length
        ? a.allies.allies.map((x) => `${nm(x.id)} (${h(stanceWord(L, x.stance))}, ${h(L.ourRelationship.toLowerCase())} ${fixed(x.rel, 2)})`).join('; ')
        : h(L.none)
    }</dd>`,
  );
  push(
    `<dt>${h(L.gatekeepers)}</dt><dd>${
      a.gatekeepers.gatekeepers.length
        ? a.gatekeepers.gatekeepers
            .map(
              (x) =>
                `${nm(x.id)} (${h(x.reasons.map((r) => word(L.gatekeeperReason, r)).join(', '))}; ${h(x.won ? L.won : `${L.notWon}, ${stanceWord(L, x.stance)}`)})`,
            )
            .join('; ')
        : h(L.none)
    }</dd>`,
  );
  push('</dl></section>');

  const route = (path: readonly string[]) => [h(L.us), ...path.map(nm)].join(' → ');
  push(`<section aria-labelledby="h-dm"><h2 id="h-dm">${h(L.decisionMakers)}</h2>`);
  if (a.coverage.decisionMakers.length === 0) push(`<p>${h(L.none)}</p>`);
  else {
    push(
      `<table><thead><tr><th>${h(L.name)}</th><th>${h(L.status)}</th><th>${h(L.risk)}</th><th>${h(L.stanceCol)}</th><th class="num">${h(L.ourRelationship)}</th><th>${h(L.bestPath)}</th><th>${h(L.alternatives)}</th></tr></thead><tbody>`,
    );
    for (const dm of a.coverage.decisionMakers)
      push(
        `<tr><td>${nm(dm.id)}${dm.inferred ? ` <span class="tag">${h(L.inferred)}</span>` : ''}</td><td>${h(word(L.coverageStatus, dm.status))}</td>` +
          `<td><span class="risk risk-${h(dm.risk)}">${h(word(L.riskLevel, dm.risk))}</span></td><td>${h(stanceWord(L, dm.stance))}</td><td class="num">${fixed(dm.rel, 2)}</td>` +
          `<td>${dm.best ? `${route(dm.best.path)} <strong>(${pct(dm.best.probability)})</strong>` : h(L.noPath)}</td>` +
          `<td>${dm.alternatives
            .slice(1)
            .map((alt) => `${route(alt.path)} (${pct(alt.probability)})`)
            .join('<br>')}</td></tr>`,
      );
    push('</tbody></table>');
  }
  push('</section>');

  push(`<section aria-labelledby="h-coach"><h2 id="h-coach">${h(L.coach)}</h2>`);
  if (a.coach.candidates.length === 0) push(`<p>${h(L.noCoach)}</p>`);
  else {
    push(`<table><thead><tr><th class="num">${h(L.rank)}</th><th>${h(L.name)}</th><th class="num">${h(L.score)}</th><th>${h(L.kind)}</th><th>${h(cap(L.weakest))}</th></tr></thead><tbody>`);
    for (const c of a.coach.candidates) {
      const weakest = c.criteria.find((x) => x.criterion === c.weakest);
      push(
        `<tr><td class="num">${c.rank}</td><td>${nm(c.id)}</td><td class="num">${fixed(c.score, 2)}</td><td>${h(word(L.coachKind, c.kind))}</td>` +
          `<td>${h(word(L.criterion, c.weakest))}${weakest ? ` (${fixed(weakest.value, 2)})` : ''}</td></tr>`,
      );
    }
    push('</tbody></table>');
  }
  for (const cur of a.coach.current.filter((x) => x.weaknesses.length > 0))
    push(`<p>${h(L.currentCoach)} ${nm(cur.id)}: ${h(L.weakOn)} ${h(cur.weaknesses.map((w) => word(L.criterion, w.criterion)).join(', '))}</p>`);
  push('</section>');

  push(
    `<section aria-labelledby="h-lean"><h2 id="h-lean">${h(L.committee)}</h2><p class="lean"><strong>${signed(a.consensus.lean)}</strong> <span class="verdict verdict-${h(a.consensus.verdict)}">${h(word(L.verdictWord, a.consensus.verdict))}</span></p></section>`,
  );

  push(`<section aria-labelledby="h-eng"><h2 id="h-eng">${h(L.engagements)}</h2>`);
  const recs = a.engagements.recommendations;
  if (recs.length === 0) push(`<p>${h(L.none)}</p>`);
  else {
    push(
      `<table><thead><tr><th class="num">${h(L.rank)}</th><th>${h(L.name)}</th><th class="num">${h(L.gain)}</th><th class="num">${h(L.feasibility)}</th><th class="num">${h(L.expected)}</th><th>${h(L.route)}</th></tr></thead><tbody>`,
    );
    for (const r of recs)
      push(
        `<tr><td class="num">${r.rank}</td><td>${nm(r.id)}</td><td class="num">${signed(r.gain, 3)}</td><td class="num">${pct(r.feasibility)}</td><td class="num">${signed(r.expected, 3)}</td>` +
          `<td>${!r.path ? h(L.noRoute) : r.path.length === 1 && r.path[0] === r.id ? h(L.directContact) : route(r.path)}</td></tr>`,
      );
    push('</tbody></table>');
  }
  push('</section>');

  push(`<section aria-labelledby="h-info"><h2 id="h-info">${h(L.information)}</h2>`);
  push(`<table><thead><tr><th class="num">#</th><th>${h(L.informationPoint)}</th><th>${h(L.status)}</th><th class="num">${h(L.score)}</th><th>${h(L.evidence)}</th></tr></thead><tbody>`);
  for (const p of a.information.points)
    push(
      `<tr><td class="num">${p.number}</td><td>${h(word(L.infoPoint, p.point))}</td><td><span class="info info-${h(p.status)}">${h(word(L.infoStatus, p.status))}</span></td><td class="num">${fixed(p.score, 2)}</td>` +
        `<td>${h(p.evidence)}${p.gaps.length ? `<ul>${p.gaps.map((x) => `<li>${h(view.tidy(x.message))}</li>`).join('')}</ul>` : ''}</td></tr>`,
    );
  push('</tbody></table></section>');

  push(`<footer>${h(L.generatedBy)}</footer>`, '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function stanceWord(L: ReportLabels, stance: number | null): string {
  const label = word(L.stance, stanceLabel(stance));
  return stance === null ? label : `${label} ${signed(stance)}`;
}

function peopleTable(people: readonly ReportPerson[], L: ReportLabels, h: (s: string) => string, view: PeopleView): string {
  const withDepartment = people.some((p) => p.department !== null);
  const rows = people.map((p) => {
    const swatch =
      p.stance === null ? '<span class="swatch unknown"></span>' : `<span class="swatch" style="background:${xmlEntities(stanceColor(p.stance))}"></span>`;
    const marks = [p.decisionMaker ? `<span class="tag dm">${h(L.legendItems.dm)}</span>` : '', p.coachCandidate ? `<span class="tag coach">C</span>` : '', p.gatekeeper ? `<span class="tag gk">G</span>` : '']
      .filter(Boolean)
      .join(' ');
    return (
      `<tr><td class="num">${p.rank}</td><td><bdi>${h(view.name(p.id))}</bdi> ${marks}</td><td>${h(clip(p.title ?? ''))}</td>` +
      (withDepartment ? `<td>${h(clip(p.department ?? ''))}</td>` : '') +
      `<td class="num">${p.level}</td><td class="num">${fixed(p.score, 3)}</td><td>${swatch} ${h(stanceWord(L, p.stance))}</td>` +
      `<td>${h(p.roles.map((r) => word(L.role, r)).join(', '))}</td><td class="num">${p.rel ? fixed(p.rel, 2) : '—'}</td></tr>`
    );
  });
  return (
    `<table class="people"><thead><tr><th class="num">${h(L.rank)}</th><th>${h(L.name)}</th><th>${h(L.jobTitle)}</th>` +
    (withDepartment ? `<th>${h(L.department)}</th>` : '') +
    `<th class="num">${h(L.level)}</th><th class="num">${h(L.score)}</th><th>${h(L.stanceCol)}</th><th>${h(L.roles)}</th><th class="num">${h(L.ourRelationship)}</th></tr></thead><tbody>` +
    rows.join('') +
    '</tbody></table>'
  );
}

const CSS = `
:root{color-scheme:light;--ink:#1f2937;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--pass:#166534;--fail:#b91c1c}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',Arial,sans-serif}
main{max-width:1480px;margin:0 auto;padding:24px 28px 40px}
header h1{margin:0 0 4px;font-size:26px;line-height:1.25;overflow-wrap:break-word}
.meta{margin:0;color:var(--muted)}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:18px 0;overflow-x:auto}
h2{margin:0 0 12px;font-size:17px}
h2 .count{font-weight:400;color:var(--muted);font-size:14px;margin-left:6px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px}
.card{border-radius:8px;padding:10px 14px;border:1px solid var(--line);border-left-width:6px}
.card p{margin:6px 0 0;color:#334155;overflow-wrap:break-word}
.card.pass{border-left-color:var(--pass);background:#f0fdf4}
.card.fail{border-left-color:var(--fail);background:#fef2f2}
.card .mark{font-weight:800}
.card.pass .mark,.card.pass .state{color:var(--pass)}
.card.fail .mark,.card.fail .state{color:var(--fail)}
.card .state{float:right;font-size:12px;font-weight:700;letter-spacing:.04em}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:0 18px}
.columns section{margin:0}
ul.flags{list-style:none;margin:0;padding:0}
ul.flags li{padding:6px 0;border-bottom:1px solid var(--line);overflow-wrap:break-word}
ul.flags li:last-child{border-bottom:0}
.sev{display:inline-block;min-width:64px;text-align:center;font-size:11px;font-weight:700;border-radius:4px;padding:1px 6px;margin-right:6px;color:#fff;background:#94a3b8}
.sev-critical .sev{background:#7f1d1d}.sev-high .sev{background:#dc2626}.sev-medium .sev{background:#d97706}.sev-low .sev{background:#64748b}
ol.actions{margin:0;padding-left:22px}
ol.actions>li{margin:0 0 8px;overflow-wrap:break-word}
.kind{display:inline-block;font-size:11px;font-weight:700;border-radius:4px;padding:0 6px;margin-right:4px;background:#e0e7ff;color:#3730a3}
.kind-find-out .kind{background:#fef3c7;color:#92400e}.kind-ask .kind{background:#ede9fe;color:#5b21b6}
ul.spin{margin:4px 0 0;padding-left:18px;color:#334155}
figure{margin:0}
figure svg{display:block;max-width:100%;height:auto;margin:0 auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
bdi,.u{overflow-wrap:anywhere}
th{font-size:12px;color:var(--muted);font-weight:600;background:#f8fafc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td ul{margin:4px 0 0;padding-left:18px;color:var(--muted)}
.swatch{display:inline-block;width:12px;height:12px;border-radius:50%;vertical-align:-1px;border:1px solid #fff;box-shadow:0 0 0 1px #cbd5e1}
.swatch.unknown{background:repeating-linear-gradient(45deg,#f8fafc 0 2px,#9aa5b4 2px 3.5px);border:1px dashed #475569;box-shadow:none}
.tag{display:inline-block;font-size:10.5px;font-weight:700;border-radius:9px;padding:0 6px;background:#e2e8f0;color:#334155}
.tag.dm{background:#fef3c7;color:#92400e}.tag.coach{background:#7c3aed;color:#fff}.tag.gk{background:#0f766e;color:#fff}
.risk{font-weight:700;text-transform:uppercase;font-size:12px}
.risk-low{color:var(--pass)}.risk-medium{color:#d97706}.risk-high,.risk-critical{color:var(--fail)}
.pos{color:var(--pass)}.neg{color:var(--fail)}
.lean{font-size:18px;margin:0}
.verdict{font-size:12px;font-weight:700;border-radius:4px;padding:2px 8px;margin-left:6px;background:#fef3c7;color:#92400e}
.verdict-support{background:#dcfce7;color:var(--pass)}.verdict-oppose{background:#fee2e2;color:var(--fail)}
.info{font-size:12px;font-weight:700}.info-known{color:var(--pass)}.info-partial{color:#d97706}.info-unknown{color:var(--fail)}
dl.support{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}
dl.support dt{font-weight:600;color:var(--muted)}dl.support dd{margin:0;overflow-wrap:break-word}
.note{color:var(--muted);font-style:italic;margin:8px 0 0}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
@media print{body{background:#fff}section{break-inside:avoid;border:0;padding:8px 0}main{max-width:none;padding:0}}
`
  .trim()
  .replace(/\n/g, '');
