/**
 * The influence x stance grid of the HTML report: everyone placed by key-people score (up) and
 * stance (right = for us), in four labelled quadrants, with unknown stances in their own column.
 *
 * @internal
 * @module
 */
import type { DealAssessment } from '../../analyses/assess-deal.js';
import { stanceLabel } from '../../model/vocabulary.js';
import { escapeXml, escapeXmlId, xmlEntities } from './escape.js';
import { fixed, signed } from './format.js';
import { word, type ReportLabels } from './labels.js';
import { clip, NAME_MAX } from './people.js';
import { COLORS, FONT, n1, stanceColor } from './svg.js';
import { cleanText, displayWidth, isolate, truncate } from './text.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Renders the grid for the people with the given ids (an SVG element, no XML declaration). */
export function renderStanceGrid(a: DealAssessment, ids: ReadonlySet<string>, L: ReportLabels, prefix: string): string {
  const W = 820;
  const H = 500;
  const pl = 58;
  const pt = 30;
  const pw = 560;
  const ph = 390;
  const ux = pl + pw + 26;
  const uw = W - ux - 12;
  const stance = new Map(a.support.contributors.map((c) => [c.id, c.stance]));
  const dms = new Set(a.coverage.decisionMakers.map((d) => d.id));
  const people = a.ranking.people.filter((p) => ids.has(p.id));
  const top = Math.max(1e-12, ...people.map((p) => p.score));
  const X = (u: number) => pl + ((u + 1) / 2) * pw;
  const Y = (power: number) => pt + (1 - power) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="stance-grid" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${xmlEntities(L.grid)}" font-family="${xmlEntities(FONT)}">`,
  );
  out.push(
    `<defs><pattern id="${prefix}-ghatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f8fafc"/><line x1="0" y1="0" x2="0" y2="5" stroke="#b6bec9" stroke-width="2"/></pattern></defs>`,
  );
  // Quadrants.
  const q = (x: number, y: number, w: number, h: number, fill: string) => `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}" fill="${fill}"/>`;
  const midY = Y(0.5);
  out.push(q(pl, pt, pw / 2, midY - pt, '#fdecea'), q(pl + pw / 2, pt, pw / 2, midY - pt, '#e6f4ea'));
  out.push(q(pl, midY, pw / 2, pt + ph - midY, '#f6f7f9'), q(pl + pw / 2, midY, pw / 2, pt + ph - midY, '#f1f8f3'));
  out.push(`<rect x="${n1(pl)}" y="${pt}" width="${pw}" height="${ph}" fill="none" stroke="#cbd5e1"/>`);
  out.push(`<line x1="${n1(X(0))}" y1="${pt}" x2="${n1(X(0))}" y2="${pt + ph}" stroke="#94a3b8" stroke-dasharray="4 4"/>`);
  out.push(`<line x1="${pl}" y1="${n1(midY)}" x2="${pl + pw}" y2="${n1(midY)}" stroke="#94a3b8" stroke-dasharray="4 4"/>`);
  const corner = (x: number, y: number, anchor: 'start' | 'end', text: string, color: string) =>
    `<text x="${n1(x)}" y="${n1(y)}" text-anchor="${anchor}" font-size="11.5" font-weight="700" fill="${color}">${escapeXml(text)}</text>`;
  // Quadrant names outside the plot, so that no point hides them.
  out.push(corner(pl + 2, pt - 9, 'start', L.quadrants.neutralise, '#b91c1c'));
  out.push(corner(pl + pw - 2, pt - 9, 'end', L.quadrants.leverage, '#166534'));
  out.push(corner(pl + 2, pt + ph + 34, 'start', L.quadrants.monitor, '#475569'));
  out.push(corner(pl + pw - 2, pt + ph + 34, 'end', L.quadrants.cultivate, '#15803d'));
  // Unknown column.
  out.push(`<rect x="${ux}" y="${pt}" width="${uw}" height="${ph}" fill="#f8fafc" stroke="#cbd5e1" stroke-dasharray="4 3"/>`);
  out.push(`<text x="${n1(ux + uw / 2)}" y="${pt + ph + 18}" text-anchor="middle" font-size="11" fill="${COLORS.muted}">${escapeXml(L.unknownStanceColumn)}</text>`);
  // Axes.
  for (const [u, label] of [[-1, '−1'], [0, '0'], [1, '+1']] as const)
    out.push(`<text x="${n1(X(u))}" y="${pt + ph + 18}" text-anchor="middle" font-size="11" fill="${COLORS.muted}">${label}</text>`);
  out.push(`<text x="${n1(pl + pw / 2)}" y="${pt + ph + 58}" text-anchor="middle" font-size="12" fill="${COLORS.ink}">${escapeXml(L.gridX)}</text>`);
  out.push(
    `<text transform="translate(18,${n1(pt + ph / 2)}) rotate(-90)" text-anchor="middle" font-size="12" fill="${COLORS.ink}">${escapeXml(L.gridY)}</text>`,
  );
  out.push(`<text x="${pl - 6}" y="${pt + 4}" text-anchor="end" font-size="10.5" fill="${COLORS.muted}">${fixed(top, 2)}</text>`);
  out.push(`<text x="${pl - 6}" y="${pt + ph}" text-anchor="end" font-size="10.5" fill="${COLORS.muted}">0</text>`);

  // Points, most influential first; labels nudged to avoid each other.
  const placed: Box[] = [];
  const unknownSlots = new Map<number, number>();
  for (const p of people) {
    const u = stance.get(p.id) ?? null;
    const power = p.score / top;
    let x: number;
    if (u === null) {
      // Unknowns sit in their own column; equal heights step sideways.
      const bucket = Math.round(Y(power) / 14);
      const k = unknownSlots.get(bucket) ?? 0;
      unknownSlots.set(bucket, k + 1);
      x = ux + 14 + (k % 3) * 14;
    } else x = X(u);
    const y = Y(power);
    const name = clip(cleanText(p.name), NAME_MAX);
    const label = truncate(name, 22);
    const lw = displayWidth(label) * 6.3 + 4;
    const rightEdge = u === null ? W - 4 : pl + pw - 4;
    const toLeft = x + 9 + lw > rightEdge;
    let ly = y + 4;
    const box = (yy: number): Box => ({ x: toLeft ? x - 9 - lw : x + 9, y: yy - 10, w: lw, h: 13 });
    for (const dy of [0, 12, -12, 24, -24, 36, -36]) {
      const b = box(y + 4 + dy);
      if (!placed.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h)) {
        ly = y + 4 + dy;
        break;
      }
    }
    placed.push(box(ly));
    placed.push({ x: x - 6, y: y - 6, w: 12, h: 12 });
    const tip = `${name} · ${L.score} ${fixed(p.score, 3)} · ${word(L.stance, stanceLabel(u))}${u === null ? '' : ` ${signed(u)}`}`;
    const dot =
      u === null
        ? `<circle cx="${n1(x)}" cy="${n1(y)}" r="6" fill="url(#${prefix}-ghatch)" stroke="#475569" stroke-width="1.3" stroke-dasharray="2.5 2"/>`
        : `<circle cx="${n1(x)}" cy="${n1(y)}" r="6" fill="${stanceColor(u)}" stroke="${dms.has(p.id) ? COLORS.dm : '#ffffff'}" stroke-width="${dms.has(p.id) ? 2.4 : 1.4}"/>`;
    out.push(
      `<g class="grid-person" data-id="${escapeXmlId(p.id)}"><title>${escapeXml(truncate(tip, 300))}</title>${dot}` +
        `<text x="${n1(toLeft ? x - 9 : x + 9)}" y="${n1(ly)}" text-anchor="${toLeft ? 'end' : 'start'}" font-size="11" fill="${COLORS.ink}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">` +
        `${xmlEntities(isolate(label))}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
