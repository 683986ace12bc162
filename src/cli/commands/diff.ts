import { compareSnapshots, type Locale, type SnapshotComparison } from '../../index.js';
import { readDeal, writeOutput } from './analyze.js';
import type { Io } from '../io.js';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const value = (x: number | null) => (x === null ? 'unknown' : x.toFixed(2));

/** The comparison as plain text or Markdown. */
export function formatComparison(c: SnapshotComparison, markdown: boolean): string {
  const lines: string[] = [];
  const h = (s: string) => lines.push('', markdown ? `## ${s}` : s.toUpperCase());
  const li = (s: string) => lines.push(markdown ? `- ${mdEscape(s)}` : `  ${s}`);
  lines.push(markdown ? `# Deal changes: ${c.before.asOf ?? '?'} → ${c.after.asOf ?? '?'}` : `Deal changes: ${c.before.asOf ?? '?'} -> ${c.after.asOf ?? '?'}`);
  lines.push('', `Support base ${c.trend}: net ${c.before.net.toFixed(3)} -> ${c.after.net.toFixed(3)} (${signed(c.netChange)})`);
  h('What changed');
  for (const e of c.summary) li(e.message);
  if (c.stanceChanges.length) {
    h('Stance changes');
    for (const s of c.stanceChanges) li(`${s.name}: ${value(s.before)} -> ${value(s.after)}`);
  }
  if (c.contactChanges.length) {
    h('Our relationships');
    for (const s of c.contactChanges) li(`${s.name}: ${s.change} (${value(s.before)} -> ${value(s.after)})`);
  }
  if (c.decisionMakerAccess.length) {
    h('Decision-maker access');
    for (const d of c.decisionMakerAccess) li(`${d.id}: ${d.before ?? '-'} -> ${d.after ?? '-'} (${d.change})`);
  }
  return `${lines.join('\n')}\n`;
}

function mdEscape(s: string): string {
  // Inline markup and HTML only (a `->` stays readable); a leading formula character is neutralised.
  return s.replace(/[\\`*_[\]<|]/g, '\\$&').replace(/^[=+\-@]/, "'$&");
}

/** `powermap diff <before.json> <after.json> [--format text|md|json] [--lang] [--out FILE]`. */
export async function diffCommand(
  io: Io,
  args: { before: string; after: string; format: 'text' | 'md' | 'json'; locale: Locale; out?: string },
): Promise<number> {
  const before = await readDeal(io, args.before);
  const after = await readDeal(io, args.after);
  const c = compareSnapshots(before, after, { locale: args.locale });
  const text = args.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : formatComparison(c, args.format === 'md');
  await writeOutput(io, text, args.out);
  return 0;
}
