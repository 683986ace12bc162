/**
 * Small SVG helpers shared by the power map and the influence x stance grid: the stance colour
 * scale, number formatting, and the shared `<defs>`.
 *
 * @internal
 * @module
 */

/** A coordinate with one decimal (stable bytes). */
export const n1 = (x: number): string => {
  const s = (Math.round(x * 10) / 10).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s === '-0' ? '0' : s;
};

const NEUTRAL = [0xcb, 0xd0, 0xd6] as const;
const RED = [0xc0, 0x39, 0x2b] as const;
const GREEN = [0x1e, 0x84, 0x49] as const;

/** Diverging stance colour: red (-1) through grey (0) to green (+1). */
export function stanceColor(stance: number): string {
  const t = Math.max(-1, Math.min(1, stance));
  const to = t < 0 ? RED : GREEN;
  const k = Math.abs(t);
  const c = NEUTRAL.map((v, j) => Math.round(v + (to[j]! - v) * k));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const COLORS = {
  ink: '#1f2937',
  muted: '#64748b',
  faint: '#94a3b8',
  influence: '#475569',
  formal: '#a3acb9',
  conflict: '#dc2626',
  ring: '#2563eb',
  path: '#f59e0b',
  pathInk: '#92400e',
  dm: '#b7791f',
  crown: '#f6c343',
  coach: '#7c3aed',
  gatekeeper: '#0f766e',
  us: '#2563eb',
} as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif";

/** `<defs>`: arrowheads and the hatch of unknown stance, with ids under `prefix`. */
export function defs(prefix: string): string {
  const arrow = (id: string, color: string) =>
    `<marker id="${prefix}-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="${color}"/></marker>`;
  return (
    `<defs>` +
    arrow('arrow', COLORS.influence) +
    arrow('arrow-formal', COLORS.formal) +
    `<pattern id="${prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#f8fafc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b6bec9" stroke-width="2.2"/></pattern>` +
    `</defs>`
  );
}

/** A crown centred at (0, 0), about 20 x 13. */
export function crown(cx: number, cy: number): string {
  const p = (x: number, y: number) => `${n1(cx + x)},${n1(cy + y)}`;
  return (
    `<path class="crown" d="M${p(-10, 6)} L${p(-10, -4)} L${p(-5, 1)} L${p(0, -7)} L${p(5, 1)} L${p(10, -4)} L${p(10, 6)} Z" ` +
    `fill="${COLORS.crown}" stroke="${COLORS.dm}" stroke-width="1.4" stroke-linejoin="round"/>`
  );
}

/** A round badge with one letter. */
export function badge(cx: number, cy: number, letter: string, color: string, cls: string): string {
  return (
    `<g class="${cls}"><circle cx="${n1(cx)}" cy="${n1(cy)}" r="7.5" fill="${color}" stroke="#fff" stroke-width="1.5"/>` +
    `<text x="${n1(cx)}" y="${n1(cy + 3.4)}" text-anchor="middle" font-size="9.5" font-weight="700" fill="#fff">${letter}</text></g>`
  );
}
