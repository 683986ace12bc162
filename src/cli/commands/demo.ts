import flagship from '../../../examples/deals/enterprise-software.json' with { type: 'json' };
import {
  buildGraph,
  checkDecisionMakerCoverage,
  findAllies,
  findCoachCandidates,
  findGatekeepers,
  measureSupportBase,
  predictConsensus,
  rankKeyPeople,
  recommendEngagements,
  stanceLabel,
  type PowerGraph,
} from '../../index.js';
import type { Io } from '../io.js';

/** `powermap demo`: analyse the bundled flagship example deal and print what a seller needs to know. */
export async function demoCommand(io: Io): Promise<number> {
  io.stdout(sellerSummary(buildGraph(flagship)));
  io.stdout('\n(Example deal: examples/deals/enterprise-software.json. Try: powermap validate <your-deal.json>)\n');
  return 0;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);

/** A plain-text summary of the core analyses for a seller. */
export function sellerSummary(g: PowerGraph): string {
  const d = g.deal;
  const name = (id: string) => g.people[g.index.get(id)!]!.name ?? id;
  const title = (id: string) => g.people[g.index.get(id)!]!.title ?? '';
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);

  out(`${d.name ?? d.id}${d.asOf ? `, as of ${d.asOf}` : ''}`);
  out(
    `Stage: ${d.stage?.name ?? 'not set'} (${pct(d.stage?.progress ?? 0)} through the cycle) · ${g.n} people · ` +
      `${g.edgeCount} influence lines · ${d.contacts.length} contacts`,
  );

  const ranking = rankKeyPeople(g);
  out();
  out('WHO REALLY MATTERS (M6.1: influence, including through the people who listen to them)');
  for (const p of ranking.people.slice(0, 6)) {
    const person = g.people[g.index.get(p.id)!]!;
    const roles = person.roles.length ? `${person.roles.join(', ')}; ` : '';
    out(`  ${String(p.rank).padStart(2)}. ${p.name.padEnd(22)} ${clip(title(p.id), 30).padEnd(30)} ${p.score.toFixed(3)}  ${roles}stance ${stanceLabel(person.stance)}`);
  }
  if (ranking.assumedInfluence.ids.length > 0)
    out(`      Influence not assessed (assumed ${ranking.assumedInfluence.value}): ${ranking.assumedInfluence.ids.map(name).join(', ')}`);

  const base = measureSupportBase(g);
  const allies = findAllies(g).allies;
  const gatekeepers = findGatekeepers(g).gatekeepers;
  out();
  out('SUPPORT BASE (M6.3)');
  out(`  Net support ${num(base.net)} (support ${base.support.toFixed(2)}, opposition ${base.opposition.toFixed(2)}), weighted by influence.`);
  if (base.unknownShare > 0)
    out(`  ${pct(base.unknownShare)} of the weight has an unknown stance: the truth lies between ${num(base.interval[0])} and ${num(base.interval[1])}.`);
  out(`  Allies (supporters we talk to): ${allies.length ? allies.map((a) => a.name).join(', ') : 'none'}`);
  for (const k of gatekeepers)
    out(`  Gatekeeper: ${k.name} (${k.reasons.join(', ')}), ${k.won ? 'won over' : `not won (stance ${stanceLabel(k.stance)})`}`);

  out();
  out('DECISION MAKER (M7)');
  for (const dm of checkDecisionMakerCoverage(g).decisionMakers) {
    const contact = dm.rel > 0 ? `our relationship ${dm.rel.toFixed(2)}` : 'no direct contact';
    out(`  ${dm.name}${dm.inferred ? ' (inferred)' : ''}: ${contact}; stance ${stanceLabel(dm.stance)}; status ${dm.status}, risk ${dm.risk.toUpperCase()}`);
    if (dm.best) out(`    Best introduction: ${dm.best.path.map(name).join(' → ')} (${pct(dm.best.probability)})`);
    for (const alt of dm.alternatives.slice(1)) out(`    Alternative:       ${alt.path.map(name).join(' → ')} (${pct(alt.probability)})`);
  }

  const coach = findCoachCandidates(g);
  out();
  out('COACH (M9)');
  for (const c of coach.candidates.slice(0, 3))
    out(`  ${c.rank}. ${c.name.padEnd(22)} score ${c.score.toFixed(2)}  ${c.kind}; weakest: ${c.weakest}`);
  if (coach.candidates.length === 0) out('  Nobody qualifies yet: we need a supporter who takes part in the project.');
  for (const c of coach.current.filter((x) => x.weaknesses.length > 0))
    out(`  Current ${c.name}: weak on ${c.weaknesses.map((w) => w.criterion).join(', ')}`);

  const consensus = predictConsensus(g);
  out();
  out(`WHERE THE COMMITTEE WILL LAND: lean ${num(consensus.lean)}, ${consensus.verdict.toUpperCase()}`);

  out();
  out('WHO TO WIN OVER NEXT (gain in committee lean x chance we can reach them)');
  for (const r of recommendEngagements(g).recommendations) {
    const route = !r.path ? 'no route yet' : r.path.length === 1 ? 'our direct contact' : `via ${r.path.map(name).join(' → ')}`;
    out(`  ${r.rank}. ${r.name.padEnd(22)} ${num(r.gain)} x ${pct(r.feasibility).padStart(4)} = ${num(r.expected)}   ${route}`);
  }
  return `${lines.join('\n')}\n`;
}
