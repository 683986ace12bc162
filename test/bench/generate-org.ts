/**
 * A deterministic generator of realistic buying organisations for benchmarks: a reporting tree
 * 4-8 levels deep, departments, informal influence lines, 1-3% conflicts, contacts for 5-10% of
 * people, stances and influence with some unknowns. Same size and seed -> same deal.
 */
import { mulberry32 } from '../../src/internal/rng.js';

const DEPARTMENTS = ['Executive', 'Finance', 'Operations', 'IT', 'Sales', 'Marketing', 'HR', 'Legal', 'Procurement', 'R&D', 'Quality', 'Logistics'];
const ROLES = ['technical-buyer', 'user', 'influencer', 'procurement', 'legal', 'approver'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', null] as const;

export interface GeneratedOrg {
  schemaVersion: 1;
  id: string;
  asOf: string;
  stage: { name: string; progress: number };
  people: Record<string, unknown>[];
  relations: Record<string, unknown>[];
  team: { id: string; name: string }[];
  contacts: Record<string, unknown>[];
}

/** Generates an organisation of `n` people (n >= 1). */
export function generateOrg(n: number, seed = 42): GeneratedOrg {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const depth = 4 + Math.floor(rand() * 5); // 4..8 levels
  // Level sizes grow geometrically so that the tree has `depth` levels.
  const branching = Math.max(1.5, Math.pow(Math.max(n, 2), 1 / Math.max(1, depth - 1)));
  const people: Record<string, unknown>[] = [];
  const levelOf: number[] = [];
  const deptOf: string[] = [];
  const byLevel: number[][] = [[0]];
  people.push({ id: 'p0', name: 'Chief Executive', title: 'CEO', department: 'Executive', roles: ['decision-maker'], influence: 1, stance: null });
  levelOf.push(1);
  deptOf.push('Executive');
  for (let i = 1; i < n; i++) {
    // Choose the level: fill levels roughly by branching^(level-1).
    let level = 2;
    while (level < depth && (byLevel[level - 1]?.length ?? 0) >= Math.pow(branching, level - 1)) level++;
    const managers = byLevel[level - 2]!;
    const manager = managers[Math.floor(rand() * managers.length)]!;
    const dept = level === 2 ? pick(DEPARTMENTS.slice(1)) : deptOf[manager]!;
    const reportsTo: unknown = rand() < 0.03 && managers.length > 1 ? [`p${manager}`, `p${pick(managers)}`] : `p${manager}`;
    const influence = rand() < 0.1 ? null : Math.round(Math.max(0.05, 1 - (level - 1) / depth - rand() * 0.3) * 100) / 100;
    const stance = rand() < 0.6 ? pick(STANCES) : Math.round((rand() * 2 - 1) * 100) / 100;
    const person: Record<string, unknown> = { id: `p${i}`, name: `Person ${i}`, department: dept, reportsTo, influence, stance };
    if (rand() < 0.2) person.roles = [pick(ROLES)];
    if (rand() < 0.3) person.inProject = rand() < 0.7;
    people.push(person);
    levelOf.push(level);
    deptOf.push(dept);
    (byLevel[level - 1] ??= []).push(i);
  }
  const relations: Record<string, unknown>[] = [];
  const informal = Math.round(n * 1.5);
  for (let k = 0; k < informal && n > 1; k++) {
    const a = Math.floor(rand() * n);
    let b = Math.floor(rand() * n);
    if (a === b) b = (b + 1) % n;
    relations.push({ from: `p${a}`, to: `p${b}`, kind: 'influences', weight: Math.round(rand() * 80 + 10) / 100 });
  }
  const informs = Math.round(n * 0.3);
  for (let k = 0; k < informs && n > 1; k++) {
    const a = Math.floor(rand() * n);
    const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
    relations.push({ from: `p${a}`, to: `p${b}`, kind: 'informs' });
  }
  const conflicts = Math.round(n * (0.01 + rand() * 0.02));
  for (let k = 0; k < conflicts && n > 1; k++) {
    const a = Math.floor(rand() * n);
    const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
    relations.push({ from: `p${a}`, to: `p${b}`, kind: 'conflict' });
  }
  const team = [
    { id: 'am', name: 'Account Manager' },
    { id: 'se', name: 'Solution Engineer' },
  ];
  const contacts: Record<string, unknown>[] = [];
  const share = 0.05 + rand() * 0.05;
  for (let i = 1; i < n; i++) {
    if (rand() >= share) continue;
    const day = 1 + Math.floor(rand() * 28);
    const month = 5 + Math.floor(rand() * 6);
    contacts.push({
      member: rand() < 0.7 ? 'am' : 'se',
      person: `p${i}`,
      strength: Math.round((0.2 + rand() * 0.8) * 100) / 100,
      lastContact: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    });
  }
  if (contacts.length === 0 && n > 1) contacts.push({ member: 'am', person: 'p1', strength: 0.6 });
  return {
    schemaVersion: 1,
    id: `generated-${n}-${seed}`,
    asOf: '2026-11-01',
    stage: { name: 'proposal', progress: 0.6 },
    people,
    relations,
    team,
    contacts,
  };
}
