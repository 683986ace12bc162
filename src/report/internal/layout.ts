/**
 * The deterministic layout of the power map: people in rows by formal level (level 1 at the top)
 * and in column groups by department; inside a cell, people follow their managers (barycentre of
 * the managers' positions), then score, then id. No randomness, no iteration to convergence.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../../graph/power-graph.js';

export interface LayoutNode {
  readonly i: number;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface LayoutRow {
  readonly level: number;
  readonly top: number;
  readonly bottom: number;
}

export interface LayoutGroup {
  readonly department: string | null;
  readonly left: number;
  readonly right: number;
}

export interface Layout {
  /** Shown people by graph index. */
  readonly nodes: ReadonlyMap<number, LayoutNode>;
  readonly rows: readonly LayoutRow[];
  readonly groups: readonly LayoutGroup[];
  /** Left edge and right edge of the people area. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface LayoutSettings {
  readonly left: number;
  readonly top: number;
  readonly slot: number;
  readonly subRow: number;
  readonly rowPad: number;
  readonly groupGap: number;
  /** Most people side by side in one cell. */
  readonly perLine: number;
  /** Width budget of the people area: above it, crowded cells wrap onto more lines (down to 2 per line). */
  readonly maxWidth: number;
  readonly rMin: number;
  readonly rMax: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lays out the shown people (graph indices) with their key-people scores. */
export function layoutPowerMap(g: PowerGraph, shown: readonly number[], score: (i: number) => number, s: LayoutSettings): Layout {
  const maxScore = Math.max(1e-12, ...shown.map(score));
  const radius = (i: number) => s.rMin + (s.rMax - s.rMin) * Math.sqrt(Math.max(0, score(i)) / maxScore);

  // Rows: the distinct levels, ascending.
  const levels = [...new Set(shown.map((i) => g.level[i]!))].sort((a, b) => a - b);
  const rowOf = new Map(levels.map((l, k) => [l, k]));

  // Groups: departments, arranged like an org chart (see orderDepartments).
  const deptOf = (i: number) => g.people[i]!.department ?? null;
  const members = new Map<string | null, number[]>();
  for (const i of shown) {
    const d = deptOf(i);
    let list = members.get(d);
    if (!list) members.set(d, (list = []));
    list.push(i);
  }
  const groupKeys = orderDepartments(g, members, score);

  // Cells: (group, row) -> people; widths and heights in slots.
  const cells = new Map<string, number[]>();
  const cellKey = (gk: number, row: number) => `${gk}:${row}`;
  groupKeys.forEach((d, gk) => {
    for (const i of members.get(d)!) {
      const key = cellKey(gk, rowOf.get(g.level[i]!)!);
      let list = cells.get(key);
      if (!list) cells.set(key, (list = []));
      list.push(i);
    }
  });
  // People per line in a cell: as many as fit the width budget (crowded cells wrap onto more lines).
  const slotsFor = (perLine: number) =>
    groupKeys.map((_, gk) => Math.max(1, ...levels.map((_, row) => Math.min(perLine, cells.get(cellKey(gk, row))?.length ?? 0))));
  const widthFor = (slots: number[]) => slots.reduce((t, k) => t + k * s.slot, 0) + s.groupGap * (slots.length - 1);
  let perLine = s.perLine;
  while (perLine > 2 && widthFor(slotsFor(perLine)) > s.maxWidth) perLine--;
  const groupSlots = slotsFor(perLine);
  const rowLines = levels.map((_, row) => Math.max(1, ...groupKeys.map((_, gk) => Math.ceil((cells.get(cellKey(gk, row))?.length ?? 0) / perLine))));

  const groups: LayoutGroup[] = [];
  let x = s.left;
  groupKeys.forEach((d, gk) => {
    const w = groupSlots[gk]! * s.slot;
    groups.push({ department: d, left: x, right: x + w });
    x += w + s.groupGap;
  });
  const right = x - s.groupGap;
  const rows: LayoutRow[] = [];
  let y = s.top;
  levels.forEach((level, row) => {
    const h = rowLines[row]! * s.subRow + s.rowPad;
    rows.push({ level, top: y, bottom: y + h });
    y += h;
  });

  // Place row by row, top-down: a person's key is the mean x of their placed managers.
  const nodes = new Map<number, LayoutNode>();
  const managers = (i: number): number[] => {
    const r = g.people[i]!.reportsTo;
    const ids = r === null || r === undefined ? [] : Array.isArray(r) ? r : [r];
    return ids.map((id) => g.index.get(id)).filter((k): k is number => k !== undefined);
  };
  levels.forEach((_, row) => {
    groupKeys.forEach((_, gk) => {
      const people = cells.get(cellKey(gk, row));
      if (!people) return;
      const group = groups[gk]!;
      const centre = (group.left + group.right) / 2;
      const key = new Map<number, number>();
      for (const i of people) {
        const placed = managers(i)
          .map((m) => nodes.get(m)?.x)
          .filter((v): v is number => v !== undefined);
        key.set(i, placed.length > 0 ? placed.reduce((t, v) => t + v, 0) / placed.length : centre);
      }
      const ordered = [...people].sort((a, b) => key.get(a)! - key.get(b)! || score(b) - score(a) || byId(g.ids[a]!, g.ids[b]!));
      const lines = Math.ceil(ordered.length / perLine);
      for (let line = 0; line < lines; line++) {
        const chunk = ordered.slice(line * perLine, (line + 1) * perLine);
        const start = centre - (chunk.length * s.slot) / 2;
        chunk.forEach((i, k) => {
          nodes.set(i, {
            i,
            x: start + (k + 0.5) * s.slot,
            y: rows[row]!.top + s.rowPad / 2 + (line + 0.5) * s.subRow - 14,
            r: radius(i),
          });
        });
      }
    });
  });
  return { nodes, rows, groups, left: s.left, right, top: s.top, bottom: y };
}

/**
 * Orders the department groups like an org chart. Each department hangs under the department of
 * its head's manager (the head = its most senior member, then highest score, then id); a
 * department is placed in the middle of its sub-departments, the heaviest (by total score) next
 * to it, alternating right and left. Parents are only looked up among departments ranked more
 * senior, so there is no cycle. Several roots go left to right, the most senior first.
 */
function orderDepartments(g: PowerGraph, members: ReadonlyMap<string | null, readonly number[]>, score: (i: number) => number): (string | null)[] {
  const keyOf = (d: string | null) => (d === null ? '' : `#${d}`);
  const info = [...members.entries()].map(([d, list]) => {
    const head = [...list].sort((a, b) => g.level[a]! - g.level[b]! || score(b) - score(a) || byId(g.ids[a]!, g.ids[b]!))[0]!;
    return { d, head, level: g.level[head]!, weight: list.reduce((t, i) => t + score(i), 0) };
  });
  info.sort((x, y) => x.level - y.level || y.weight - x.weight || byId(keyOf(x.d), keyOf(y.d)));
  const rankOf = new Map(info.map((x, k) => [keyOf(x.d), k]));
  const deptOf = (i: number) => g.people[i]!.department ?? null;
  const children = new Map<string, (typeof info)[number][]>();
  const roots: (typeof info)[number][] = [];
  for (const [k, x] of info.entries()) {
    const r = g.people[x.head]!.reportsTo;
    const managers = (r === null || r === undefined ? [] : Array.isArray(r) ? r : [r])
      .map((id) => g.index.get(id))
      .filter((m): m is number => m !== undefined && members.has(deptOf(m)))
      .map((m) => keyOf(deptOf(m)))
      .filter((key) => rankOf.get(key)! < k)
      .sort((p, q) => rankOf.get(p)! - rankOf.get(q)!);
    const parent = managers[0];
    if (parent === undefined) roots.push(x);
    else {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(x);
    }
  }
  const subtree = new Map<string, number>();
  const weigh = (x: (typeof info)[number]): number => {
    const w = x.weight + (children.get(keyOf(x.d)) ?? []).reduce((t, c) => t + weigh(c), 0);
    subtree.set(keyOf(x.d), w);
    return w;
  };
  for (const r of roots) weigh(r);
  const place = (x: (typeof info)[number]): (string | null)[] => {
    const kids = [...(children.get(keyOf(x.d)) ?? [])].sort(
      (p, q) => subtree.get(keyOf(q.d))! - subtree.get(keyOf(p.d))! || byId(keyOf(p.d), keyOf(q.d)),
    );
    const left: (string | null)[][] = [];
    const right: (string | null)[][] = [];
    kids.forEach((c, k) => (k % 2 === 0 ? right : left).push(place(c)));
    return [...left.reverse().flat(), x.d, ...right.flat()];
  };
  return roots.flatMap(place);
}
