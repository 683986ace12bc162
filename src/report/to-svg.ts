/**
 * `toSvg`: the power map of a deal as one SVG image.
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
import { escapeXml, escapeXmlId, xmlEntities } from './internal/escape.js';
import { fixed, pct, signed } from './internal/format.js';
import { labelsFor, word, type ReportLabels } from './internal/labels.js';
import { clip, NAME_MAX } from './internal/people.js';
import { layoutPowerMap, type Layout, type LayoutNode } from './internal/layout.js';
import { badge, COLORS, crown, defs, FONT, n1, stanceColor } from './internal/svg.js';
import { cleanText, displayWidth, isolate, truncate, wrap } from './internal/text.js';

/** Options of {@link toSvg}. */
export interface SvgOptions {
  /** Language of the labels and legend. Default `en`. */
  locale?: Locale;
  /** Show at most this many people, the highest key-people scores (decision makers and the people on their best paths are always shown). Default 60. */
  maxPeople?: number;
  /** Draw the legend under the map. Default true. */
  legend?: boolean;
  /** Prefix of the ids inside the SVG (markers, patterns), so that several maps can share one page. Default `pm`. */
  idPrefix?: string;
}

const DEFAULTS: Required<SvgOptions> = { locale: 'en', maxPeople: 60, legend: true, idPrefix: 'pm' };

const SETTINGS = {
  left: 92,
  top: 92,
  slot: 150,
  subRow: 124,
  rowPad: 14,
  groupGap: 14,
  perLine: 8,
  maxWidth: 2000,
  rMin: 12,
  rMax: 30,
} as const;
const MIN_WIDTH = 820;

/**
 * Draws the power map of a deal as a standalone SVG: people in rows by formal level (level 1 at
 * the top) and in columns by department, laid out deterministically (ties by id).
 *
 * - node size = key-people score; fill = stance on a red-grey-green scale; an unknown stance is
 *   hatched with a dashed outline and a `?`;
 * - blue ring = our relationship strength (thicker and darker = stronger; no ring = no contact);
 * - a crown marks each decision maker, a `C` badge each coach candidate, a `G` badge each gatekeeper;
 * - arrows = influence, as thick as its weight (grey for reporting lines, dark for stated
 *   influence); dashed red lines = conflict;
 * - amber = the best introduction path to each decision maker, starting from a small "us" node.
 *
 * Each person is one `<g class="person" data-id="...">` with a `<title>` tooltip. Every string
 * from the deal is XML-escaped. Above `maxPeople` people, the map shows the top `maxPeople` by
 * score (plus decision makers and their paths) and the legend says so.
 *
 * @param assessment - the result of {@link assessDeal} for the deal
 * @param graph - the {@link PowerGraph} the assessment was made from (or the deal itself), for levels, departments and edges
 * @param options - see {@link SvgOptions}
 * @returns the SVG document (UTF-8 text, no XML declaration), ending in `\n`
 * @throws {@link OptionError} when an argument or option is invalid
 * @example
 * ```ts
 * const graph = buildGraph(harborDeal);
 * const svg = toSvg(assessDeal(graph), graph);
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // => true
 * (svg.match(/<g class="person/g) ?? []).length;            // => 6
 * ```
 * @category Reports
 */
export function toSvg(assessment: DealAssessment, graph: PowerGraph | Deal, options?: SvgOptions): string {
  assertAssessment('toSvg', assessment);
  const g = graphOf('toSvg', graph);
  const o = resolveOptions('toSvg', DEFAULTS, options, {
    locale: reportChecks.locale,
    maxPeople: checks.integer(1),
    legend: checks.boolean(),
    idPrefix: (v) => (typeof v === 'string' && /^[A-Za-z][\w-]*$/.test(v) ? undefined : 'a letter, then letters, digits, - or _'),
  });
  return renderPowerMap(assessment, g, o).svg;
}

/** @internal The power map and its size, for {@link toHtml}. */
export function renderPowerMap(
  a: DealAssessment,
  g: PowerGraph,
  o: Required<SvgOptions>,
  header = true,
): { svg: string; width: number; height: number } {
  const L = labelsFor(o.locale);
  const P = o.idPrefix;
  const score = new Map(a.ranking.people.map((p) => [p.id, p.score]));
  const scoreOf = (i: number) => score.get(g.ids[i]!) ?? 0;

  // Who is shown: the top maxPeople by rank, plus decision makers and their best paths.
  const forced = new Set<string>();
  for (const dm of a.coverage.decisionMakers) {
    forced.add(dm.id);
    for (const id of dm.best?.path ?? []) forced.add(id);
  }
  const ranked = a.ranking.people.filter((p) => g.index.has(p.id)).map((p) => p.id);
  const unranked = g.ids.filter((id) => !score.has(id));
  const order = [...ranked, ...unranked];
  const shownIds = new Set(order.slice(0, o.maxPeople));
  for (const id of forced) if (g.index.has(id)) shownIds.add(id);
  const shown = [...shownIds].map((id) => g.index.get(id)!).sort((x, y) => x - y);
  const truncated = shown.length < g.n;

  const layout = layoutPowerMap(g, shown, scoreOf, SETTINGS);
  const dms = new Set(a.coverage.decisionMakers.map((d) => d.id));
  const coaches = new Set(a.coach.candidates.map((c) => c.id));
  const gatekeepers = new Set(a.gatekeepers.gatekeepers.map((x) => x.id));

  // The "us" node, under the map, centred under the entry contacts of the best paths.
  const entries = a.coverage.decisionMakers
    .map((dm) => dm.best?.path[0])
    .filter((id): id is string => id !== undefined && g.index.has(id))
    .map((id) => layout.nodes.get(g.index.get(id)!)!);
  const usY = layout.bottom + 34;
  const usX = entries.length > 0 ? entries.reduce((t, e) => t + e.x, 0) / entries.length : (layout.left + layout.right) / 2;

  const contentRight = Math.max(layout.right, usX + 40);
  const width = Math.ceil(Math.max(MIN_WIDTH, contentRight + 24));
  const legendTop = usY + 40;
  const legend = o.legend ? renderLegend(L, P, width, legendTop, truncated ? L.showing(shown.length, g.n, o.maxPeople) : null) : { svg: '', height: 0 };
  // Without the header (the HTML page has its own), everything moves up.
  const oy = header ? 0 : -64;
  const height = Math.ceil(legendTop + legend.height + 12 + oy);
  // Centre narrow maps.
  const dx = Math.max(0, Math.round((width - 24 - contentRight) / 2));

  const parts: string[] = [];
  const title = `${L.powerMap} · ${cleanText(a.deal.name ?? a.deal.id)}`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="powermap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-label="${xmlEntities(truncate(title, 200))}" font-family="${xmlEntities(FONT)}">`,
  );
  parts.push(`<title>${escapeXml(truncate(title, 200))}</title>`);
  parts.push(defs(P));
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  if (oy !== 0) parts.push(`<g transform="translate(0,${oy})">`);
  if (header) parts.push(
    `<text x="24" y="34" font-size="19" font-weight="700" fill="${COLORS.ink}">${escapeXml(L.powerMap)} <tspan font-weight="400" fill="${COLORS.muted}">· ${xmlEntities(isolate(truncate(cleanText(a.deal.name ?? a.deal.id), 80)))}</tspan></text>`,
  );
  const sub = [a.deal.asOf ? `${L.asOf} ${cleanText(a.deal.asOf)}` : null, `${g.n} ${L.people}`, `${L.thresholds}: ${L.thresholdsPassed(a.thresholds.passed)}`]
    .filter((x): x is string => x !== null)
    .join(' · ');
  if (header) parts.push(`<text x="24" y="56" font-size="12.5" fill="${COLORS.muted}">${xmlEntities(isolate(truncate(sub, 140)))}</text>`);

  parts.push(`<g transform="translate(${n1(dx)},0)">`);
  parts.push(renderFrame(layout, L));

  // Edges among shown people.
  const shownSet = new Set(shown);
  const curves = new Map<string, Curve>();
  const edgeParts: string[] = [];
  const formalParts: string[] = [];
  for (const u of shown) {
    const { ptr, idx, w } = g.influenceOut;
    for (let k = ptr[u]!; k < ptr[u + 1]!; k++) {
      const v = idx[k]!;
      if (!shownSet.has(v)) continue;
      const c = curve(layout.nodes.get(u)!, layout.nodes.get(v)!, ringOf(g.rel[v]!));
      curves.set(`${u}>${v}`, c);
      const weight = w[k]!;
      const derived = g.derivedOut[k] === 1;
      const sw = 0.9 + 3.6 * weight;
      const line =
        `<path class="${derived ? 'edge formal' : 'edge influence'}" d="${c.d}" fill="none" stroke="${derived ? COLORS.formal : COLORS.influence}" ` +
        `stroke-width="${n1(sw)}" stroke-opacity="${fixed(0.4 + 0.5 * Math.min(1, weight), 2)}" stroke-linecap="round" ` +
        `marker-end="url(#${P}-${derived ? 'arrow-formal' : 'arrow'})"><title>${escapeXml(`${nameOf(g, u)} → ${nameOf(g, v)}: ${fixed(weight, 2)}`)}</title></path>`;
      (derived ? formalParts : edgeParts).push(line);
    }
  }
  const conflictParts: string[] = [];
  for (const u of shown)
    for (const v of shown) {
      if (u >= v || !g.inConflict(u, v)) continue;
      const a1 = layout.nodes.get(u)!;
      const b1 = layout.nodes.get(v)!;
      const c = curve(a1, b1, 0, -1);
      conflictParts.push(
        `<path class="edge conflict" d="${c.d}" fill="none" stroke="${COLORS.conflict}" stroke-width="2" stroke-dasharray="7 5" stroke-linecap="round">` +
          `<title>${escapeXml(`${nameOf(g, u)} ⚡ ${nameOf(g, v)}`)}</title></path>`,
      );
    }

  // Best introduction paths (under the edges, as a glow).
  const pathParts: string[] = [];
  const probLabels: string[] = [];
  for (const dm of a.coverage.decisionMakers) {
    const path = dm.best?.path ?? [];
    const at = path.map((id) => g.index.get(id)).filter((i): i is number => i !== undefined && shownSet.has(i));
    if (at.length !== path.length || at.length === 0) continue;
    const first = layout.nodes.get(at[0]!)!;
    const segs = [`M${n1(usX)},${n1(usY - 12)} L${n1(first.x)},${n1(first.y + first.r + ringOf(g.rel[at[0]!]!))}`];
    for (let k = 0; k + 1 < at.length; k++) {
      const u = at[k]!;
      const v = at[k + 1]!;
      const c = curves.get(`${u}>${v}`) ?? reverse(curves.get(`${v}>${u}`)) ?? curve(layout.nodes.get(u)!, layout.nodes.get(v)!, 0);
      segs.push(c.full);
    }
    pathParts.push(
      `<path class="best-path" data-dm="${escapeXmlId(dm.id)}" d="${segs.join(' ')}" fill="none" stroke="${COLORS.path}" stroke-width="10" stroke-opacity="0.5" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
    const target = layout.nodes.get(at[at.length - 1]!)!;
    if (dm.best && path.length > 0) {
      const label = `${pct(dm.best.probability)}`;
      const lx = target.x + target.r + ringOf(g.rel[at[at.length - 1]!]!) + 6;
      const ly = target.y - target.r + 2;
      probLabels.push(
        `<g class="path-probability"><rect x="${n1(lx)}" y="${n1(ly - 11)}" width="${n1(8 + 7 * label.length)}" height="16" rx="8" fill="${COLORS.path}"/>` +
          `<text x="${n1(lx + 4 + 3.5 * label.length)}" y="${n1(ly + 1)}" text-anchor="middle" font-size="10.5" font-weight="700" fill="#fff">${label}</text>` +
          `<title>${escapeXml(`${L.bestPath}: ${[L.us, ...path.map((id) => nameOfId(g, id))].join(' → ')} (${pct(dm.best.probability)})`)}</title></g>`,
      );
    }
  }
  parts.push(`<g class="paths">${pathParts.join('')}</g>`);
  parts.push(`<g class="edges">${conflictParts.join('')}${formalParts.join('')}${edgeParts.join('')}</g>`);

  // "us".
  parts.push(
    `<g class="us"><rect x="${n1(usX - 24)}" y="${n1(usY - 12)}" width="48" height="24" rx="12" fill="${COLORS.us}"/>` +
      `<text x="${n1(usX)}" y="${n1(usY + 4.5)}" text-anchor="middle" font-size="12" font-weight="700" fill="#fff">${escapeXml(L.us)}</text></g>`,
  );

  // People.
  const nodeParts: string[] = [];
  for (const i of shown) nodeParts.push(renderPerson(g, i, layout.nodes.get(i)!, { L, P, score: scoreOf(i), dm: dms, coaches, gatekeepers }));
  parts.push(`<g class="people">${nodeParts.join('')}</g>`);
  parts.push(probLabels.join(''));
  parts.push('</g>');
  parts.push(legend.svg);
  if (oy !== 0) parts.push('</g>');
  parts.push('</svg>');
  return { svg: `${parts.join('\n')}\n`, width, height };
}

interface Curve {
  /** The drawn path, trimmed to the node boundaries. */
  readonly d: string;
  /** The same curve from centre to centre (for path highlights), as a continuation segment. */
  readonly full: string;
  readonly from: LayoutNode;
  readonly to: LayoutNode;
  readonly cx: number;
  readonly cy: number;
}

/** Extra radius of a relationship ring (0 without one). */
function ringOf(rel: number): number {
  return rel > 0 ? 4 + ringWidth(rel) : 0;
}
function ringWidth(rel: number): number {
  return 1.5 + 4.5 * rel;
}

/** A gently bowed quadratic curve from a to b (bowing to the right of the direction, so a <-> b pairs separate). */
function curve(a: LayoutNode, b: LayoutNode, targetRing: number, side = 1): Curve {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const dist = Math.max(1e-9, Math.hypot(dx, dy));
  const bow = side * Math.min(34, 0.13 * dist);
  const cx = (a.x + b.x) / 2 + (dy / dist) * bow;
  const cy = (a.y + b.y) / 2 - (dx / dist) * bow;
  const trim = (p: LayoutNode, r: number) => {
    const ex = cx - p.x;
    const ey = cy - p.y;
    const e = Math.max(1e-9, Math.hypot(ex, ey));
    return [p.x + (ex / e) * r, p.y + (ey / e) * r] as const;
  };
  const [sx, sy] = trim(a, a.r + 2);
  const [tx, ty] = trim(b, b.r + targetRing + 3);
  return {
    d: `M${n1(sx)},${n1(sy)} Q${n1(cx)},${n1(cy)} ${n1(tx)},${n1(ty)}`,
    full: `Q${n1(cx)},${n1(cy)} ${n1(b.x)},${n1(b.y)}`,
    from: a,
    to: b,
    cx,
    cy,
  };
}

function reverse(c: Curve | undefined): Curve | undefined {
  if (!c) return undefined;
  return { ...c, from: c.to, to: c.from, full: `Q${n1(c.cx)},${n1(c.cy)} ${n1(c.from.x)},${n1(c.from.y)}` };
}

/** A person's display name, cleaned and cut at 80 characters. */
function nameOf(g: PowerGraph, i: number): string {
  return clip(cleanText(g.people[i]!.name ?? g.ids[i]!), NAME_MAX);
}
function nameOfId(g: PowerGraph, id: string): string {
  const i = g.index.get(id);
  return i === undefined ? clip(cleanText(id), NAME_MAX) : nameOf(g, i);
}

/** Row bands with level labels, and department headers. */
function renderFrame(layout: Layout, L: ReportLabels): string {
  const out: string[] = ['<g class="frame">'];
  const x0 = layout.left - 8;
  const x1 = layout.right + 8;
  layout.rows.forEach((row, k) => {
    out.push(`<rect x="${n1(x0)}" y="${n1(row.top)}" width="${n1(x1 - x0)}" height="${n1(row.bottom - row.top)}" fill="${k % 2 === 0 ? '#f8fafc' : '#ffffff'}"/>`);
    out.push(
      `<text x="${n1(x0 - 10)}" y="${n1((row.top + row.bottom) / 2 - 6)}" text-anchor="end" font-size="12" font-weight="600" fill="${COLORS.muted}">${escapeXml(L.levelRow(row.level))}</text>`,
    );
  });
  const named = layout.groups.some((gr) => gr.department !== null);
  for (const [k, gr] of layout.groups.entries()) {
    if (k > 0) {
      const sx = gr.left - 7;
      out.push(`<line x1="${n1(sx)}" y1="${n1(layout.top - 22)}" x2="${n1(sx)}" y2="${n1(layout.bottom)}" stroke="#e2e8f0" stroke-width="1.2" stroke-dasharray="4 4"/>`);
    }
    if (!named) continue;
    const label = gr.department === null ? L.noDepartment : clip(cleanText(gr.department));
    const maxCols = Math.max(6, Math.floor((gr.right - gr.left) / 7.2));
    out.push(
      `<text class="department" x="${n1((gr.left + gr.right) / 2)}" y="${n1(layout.top - 10)}" text-anchor="middle" font-size="12.5" font-weight="700" fill="#334155" letter-spacing="0.2">` +
        `${xmlEntities(isolate(truncate(label, maxCols)))}<title>${escapeXml(label)}</title></text>`,
    );
  }
  out.push('</g>');
  return out.join('');
}

function renderPerson(
  g: PowerGraph,
  i: number,
  node: LayoutNode,
  c: { L: ReportLabels; P: string; score: number; dm: ReadonlySet<string>; coaches: ReadonlySet<string>; gatekeepers: ReadonlySet<string> },
): string {
  const { L, P } = c;
  const id = g.ids[i]!;
  const person = g.people[i]!;
  const stance = Number.isNaN(g.stance[i]!) ? null : g.stance[i]!;
  const rel = g.rel[i]!;
  const r = node.r;
  const isDm = c.dm.has(id);
  const name = nameOf(g, i);
  const title = person.title ? clip(cleanText(person.title)) : '';
  const out: string[] = [];
  out.push(`<g class="person${isDm ? ' decision-maker' : ''}" data-id="${escapeXmlId(id)}" transform="translate(${n1(node.x)},${n1(node.y)})">`);
  const tip = [
    title ? `${name} — ${title}` : name,
    person.department ? clip(cleanText(person.department)) : null,
    `${L.score} ${fixed(c.score, 3)} · ${L.stanceCol} ${word(L.stance, stanceLabel(stance))}${stance === null ? '' : ` ${signed(stance)}`} · ${L.ourRelationship} ${rel > 0 ? fixed(rel, 2) : '—'}`,
    person.roles.length ? person.roles.map((x) => word(L.role, x)).join(', ') : null,
  ]
    .filter((x): x is string => x !== null)
    .map((x) => escapeXml(truncate(x, 300)))
    .join('&#10;');
  out.push(`<title>${tip}</title>`);
  if (rel > 0) {
    const rw = ringWidth(rel);
    out.push(
      `<circle class="relationship" r="${n1(r + 4 + rw / 2)}" fill="none" stroke="${COLORS.ring}" stroke-width="${n1(rw)}" stroke-opacity="${fixed(0.3 + 0.7 * rel, 2)}"/>`,
    );
  }
  if (stance === null) {
    out.push(
      `<circle class="node unknown" r="${n1(r)}" fill="url(#${P}-hatch)" stroke="#475569" stroke-width="${isDm ? 2.6 : 1.6}" stroke-dasharray="4 3"/>`,
      `<text y="${n1(Math.min(r * 0.36, 9) + 1)}" text-anchor="middle" font-size="${n1(Math.max(13, r * 0.9))}" font-weight="800" fill="#334155">?</text>`,
    );
  } else {
    out.push(`<circle class="node" r="${n1(r)}" fill="${stanceColor(stance)}" stroke="${isDm ? COLORS.dm : '#ffffff'}" stroke-width="${isDm ? 3 : 1.8}"/>`);
  }
  const ring = ringOf(rel);
  if (isDm) out.push(crown(0, -(r + ring + 9)));
  const bx = (r + Math.min(ring, 4)) * 0.74;
  if (c.coaches.has(id)) out.push(badge(bx, bx, 'C', COLORS.coach, 'coach'));
  if (c.gatekeepers.has(id)) out.push(badge(-bx, bx, 'G', COLORS.gatekeeper, 'gatekeeper'));
  const ty = r + ring + 15;
  out.push(
    `<text class="name" y="${n1(ty)}" text-anchor="middle" font-size="12.5" font-weight="650" fill="${COLORS.ink}" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">` +
      `${xmlEntities(isolate(truncate(name, 22)))}</text>`,
  );
  if (title)
    out.push(
      `<text class="job-title" y="${n1(ty + 14)}" text-anchor="middle" font-size="10.5" fill="${COLORS.muted}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">` +
        `${xmlEntities(isolate(truncate(title, 25)))}</text>`,
    );
  out.push('</g>');
  return out.join('');
}

/** The legend: what size, colour, ring, marks and lines mean. */
function renderLegend(L: ReportLabels, P: string, width: number, top: number, note: string | null): { svg: string; height: number } {
  const T = L.legendItems;
  const out: string[] = [`<g class="legend" transform="translate(24,${n1(top)})">`];
  const inner = width - 48;
  out.push(`<text x="0" y="0" font-size="13" font-weight="700" fill="${COLORS.ink}">${escapeXml(L.legend)}</text>`);
  // Row 1: the stance scale.
  let x = 0;
  const y1 = 22;
  out.push(`<text x="0" y="${y1 + 4}" font-size="11.5" fill="${COLORS.muted}">${escapeXml(T.colour)}:</text>`);
  x = 16 + textWidth(`${T.colour}:`, 11.5);
  for (const [label, value] of [['opponent', -1], ['skeptic', -0.5], ['neutral', 0], ['supporter', 0.5], ['champion', 1]] as const) {
    out.push(`<circle cx="${x + 8}" cy="${y1}" r="8" fill="${stanceColor(value)}" stroke="#fff" stroke-width="1.5"/>`);
    out.push(`<text x="${x + 20}" y="${y1 + 4}" font-size="11.5" fill="${COLORS.ink}">${escapeXml(word(L.stance, label))}</text>`);
    x += 34 + textWidth(word(L.stance, label), 11.5);
  }
  out.push(`<circle cx="${x + 8}" cy="${y1}" r="8" fill="url(#${P}-hatch)" stroke="#475569" stroke-width="1.4" stroke-dasharray="3 2"/>`);
  out.push(`<text x="${x + 8}" y="${y1 + 4}" text-anchor="middle" font-size="10" font-weight="800" fill="#334155">?</text>`);
  out.push(`<text x="${x + 20}" y="${y1 + 4}" font-size="11.5" fill="${COLORS.ink}">${escapeXml(T.unknown)}</text>`);

  // Rows 2..: marks and lines, in columns.
  const items: [string, string][] = [
    [`<circle cx="6" cy="0" r="5" fill="${stanceColor(0)}"/><circle cx="24" cy="0" r="9" fill="${stanceColor(0)}"/>`, T.size],
    [`<circle cx="14" cy="0" r="6" fill="${stanceColor(0)}"/><circle cx="14" cy="0" r="11" fill="none" stroke="${COLORS.ring}" stroke-width="3.5" stroke-opacity="0.85"/>`, T.ring],
    [crown(14, 0), T.dm],
    [badge(14, 0, 'C', COLORS.coach, 'coach'), T.coach],
    [badge(14, 0, 'G', COLORS.gatekeeper, 'gatekeeper'), T.gatekeeper],
    [`<path d="M0,0 L26,0" stroke="${COLORS.influence}" stroke-width="2.6" marker-end="url(#${P}-arrow)"/>`, T.influence],
    [`<path d="M0,0 L26,0" stroke="${COLORS.formal}" stroke-width="2" marker-end="url(#${P}-arrow-formal)"/>`, T.formal],
    [`<path d="M0,0 L28,0" stroke="${COLORS.conflict}" stroke-width="2" stroke-dasharray="7 5"/>`, T.conflict],
    [
      `<path d="M0,0 L14,0" stroke="${COLORS.path}" stroke-width="10" stroke-opacity="0.5" stroke-linecap="round"/>` +
        `<rect x="12" y="-8" width="24" height="16" rx="8" fill="${COLORS.path}"/><text x="24" y="4" text-anchor="middle" font-size="9.5" font-weight="700" fill="#fff">%</text>`,
      T.path,
    ],
    [`<rect x="0" y="-9" width="30" height="18" rx="9" fill="${COLORS.us}"/><text x="15" y="4" text-anchor="middle" font-size="9.5" font-weight="700" fill="#fff">${escapeXml(L.us)}</text>`, T.us],
  ];
  const colW = Math.max(200, 52 + Math.max(...items.map(([, text]) => textWidth(text, 11.5))));
  const cols = Math.max(1, Math.floor(inner / colW));
  const rowH = 26;
  items.forEach(([glyph, text], k) => {
    const cx = (k % cols) * colW;
    const cy = 54 + Math.floor(k / cols) * rowH;
    out.push(`<g transform="translate(${cx},${cy})">${glyph}<text x="40" y="4" font-size="11.5" fill="${COLORS.ink}">${escapeXml(text)}</text></g>`);
  });
  let h = 54 + Math.ceil(items.length / cols) * rowH;
  if (note) {
    for (const line of wrap(note, Math.floor(inner / 6.4))) {
      out.push(`<text x="0" y="${h}" font-size="11.5" font-style="italic" fill="${COLORS.muted}">${escapeXml(line)}</text>`);
      h += 16;
    }
  }
  out.push('</g>');
  return { svg: out.join(''), height: h };
}

/** Approximate rendered width of a label in a sans-serif font (wide characters count double). */
function textWidth(text: string, size: number): number {
  return displayWidth(text) * size * 0.56;
}
