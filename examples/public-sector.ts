/**
 * Example (b): a public-sector ("important" account, M1) deal with Chinese names and titles.
 * Run: npx tsx examples/public-sector.ts
 */
import { readFileSync } from 'node:fs';
import { buildGraph, checkDecisionMakerCoverage, findCoachCandidates, measureSupportBase, parseDeal } from 'powermap';

const deal = parseDeal(JSON.parse(readFileSync(new URL('./deals/public-sector.json', import.meta.url), 'utf8')));
const graph = buildGraph(deal);
const name = (id: string) => graph.people[graph.indexOf(id)!]!.name ?? id;

console.log(`${deal.account?.name}（公共部门：${deal.account?.publicSector ? '是' : '否'}）`);

const base = measureSupportBase(graph);
console.log(`净支持 ${base.net.toFixed(2)}，区间 [${base.interval.map((x) => x.toFixed(2)).join(', ')}]`);
for (const dept of base.byDepartment.slice(0, 4)) console.log(`  ${dept.department ?? '（未填）'}：净支持 ${dept.net.toFixed(3)}`);

for (const dm of checkDecisionMakerCoverage(graph).decisionMakers) {
  console.log(`决策者 ${dm.name}：${dm.status}，风险 ${dm.risk}`);
  if (dm.best) console.log(`  最佳引荐路径：${dm.best.path.map(name).join(' → ')}（${(dm.best.probability * 100).toFixed(0)}%）`);
}

const coach = findCoachCandidates(graph);
for (const c of coach.candidates.slice(0, 3)) console.log(`内线候选 ${c.rank}. ${c.name}：${c.score.toFixed(2)}（${c.kind}，最弱：${c.weakest}）`);
for (const c of coach.current) console.log(`现任内线 ${c.name} 的弱项：${c.weaknesses.map((w) => w.criterion).join('、') || '无'}`);
