/**
 * Example (c): three dated snapshots of one deal. The support base first grows, then shrinks after
 * the champion leaves. Run: npx tsx examples/support-trend.ts
 */
import { readFileSync } from 'node:fs';
import { analyzeResilience, buildGraph, checkDecisionMakerCoverage, findAllies, measureSupportBase, parseDeal } from 'powermap';

const files = ['globex-2026-05-01.json', 'globex-2026-07-01.json', 'globex-2026-09-01.json'];
const snapshots = files.map((f) => parseDeal(JSON.parse(readFileSync(new URL(`./deals/snapshots/${f}`, import.meta.url), 'utf8'))));

let previous: number | undefined;
for (const deal of snapshots) {
  const graph = buildGraph(deal);
  const base = measureSupportBase(graph);
  const allies = findAllies(graph).allies.map((a) => a.id);
  const [dm] = checkDecisionMakerCoverage(graph).decisionMakers;
  const trend = previous === undefined ? '' : base.net > previous ? ' (growing)' : ' (shrinking)';
  console.log(`${deal.asOf}: net ${base.net.toFixed(3)}${trend}, ${graph.n} people, ${allies.length} allies, CEO access ${dm?.status}`);
  previous = base.net;
}

// Seen from July: who was the single point of failure?
const july = analyzeResilience(buildGraph(snapshots[1]!));
const first = july.people[0];
if (first) console.log(`July resilience check: ${first.name} — ${first.singlePointOfFailure ? first.reasons.join('; ') : 'not critical'}`);

// Who is gone between July and September?
const septemberIds = new Set(snapshots[2]!.people.map((p) => p.id));
console.log('Left the account:', snapshots[1]!.people.filter((p) => !septemberIds.has(p.id)).map((p) => p.name).join(', '));
