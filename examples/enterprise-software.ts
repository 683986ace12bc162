/**
 * Example (a): an enterprise software deal with a gatekeeping executive assistant, a skeptical
 * CFO and no contact with the CEO. Run: npx tsx examples/enterprise-software.ts
 */
import { readFileSync } from 'node:fs';
import {
  analyzeResilience,
  buildGraph,
  checkDecisionMakerCoverage,
  findGatekeepers,
  parseDeal,
  rankKeyPeople,
  recommendEngagements,
} from 'powermap';

const deal = parseDeal(JSON.parse(readFileSync(new URL('./deals/enterprise-software.json', import.meta.url), 'utf8')));
const graph = buildGraph(deal);
const name = (id: string) => graph.people[graph.indexOf(id)!]!.name ?? id;

// Who matters, and how each score is made up.
const ranking = rankKeyPeople(graph);
for (const p of ranking.people.slice(0, 3)) {
  const via = p.parts.via.slice(0, 2).map((v) => `${name(v.id)} ${v.amount.toFixed(3)}`).join(', ');
  console.log(`${p.rank}. ${p.name}: ${p.score.toFixed(3)} = own ${p.parts.own.toFixed(3)} + via ${via} ...`);
}

// The CEO: no contact, so how do we get there?
for (const dm of checkDecisionMakerCoverage(graph).decisionMakers) {
  console.log(`\n${dm.name}: ${dm.status}, risk ${dm.risk}, our relationship ${dm.rel}`);
  for (const alt of dm.alternatives) console.log(`  ${alt.path.map(name).join(' -> ')}  p=${alt.probability.toFixed(3)}`);
  if (dm.bottleneck) console.log(`  weakest link on the widest route: ${dm.bottleneck.limitedBy.by} at ${name(dm.bottleneck.limitedBy.to)}`);
}

// The assistant who controls access.
for (const k of findGatekeepers(graph).gatekeepers)
  console.log(`\nGatekeeper ${k.name}: ${k.reasons.join(', ')}; won over: ${k.won}`);

// What if our champion leaves?
const spof = analyzeResilience(graph).people.filter((p) => p.singlePointOfFailure);
for (const p of spof) console.log(`\nSingle point of failure: ${p.name} (${p.reasons.join('; ')})`);

console.log('\nNext:', recommendEngagements(graph, { limit: 3 }).recommendations.map((r) => r.name).join(', '));
