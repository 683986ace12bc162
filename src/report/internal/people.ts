/**
 * One view of the people for every report: what the assessment knows about each person
 * (rank, score, roles, stance, department, the marks), completed from the graph when given.
 *
 * @internal
 * @module
 */
import type { DealAssessment } from '../../analyses/assess-deal.js';
import type { PowerGraph } from '../../graph/power-graph.js';
import { ROLES, type Role } from '../../model/vocabulary.js';
import { truncate } from './text.js';

/** A person as the reports show them. */
export interface ReportPerson {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly level: number;
  readonly roles: readonly Role[];
  readonly stance: number | null;
  readonly department: string | null;
  /** From the graph only. */
  readonly title: string | null;
  /** Our relationship strength; from the graph, else from the analyses that report it, else null. */
  readonly rel: number | null;
  readonly decisionMaker: boolean;
  readonly coachCandidate: boolean;
  readonly gatekeeper: boolean;
  readonly ally: boolean;
}

/** Everyone in ranking order, and a lookup by id. */
export interface PeopleView {
  readonly people: readonly ReportPerson[];
  readonly byId: ReadonlyMap<string, ReportPerson>;
  /** A display name for an id (the id itself when the person is unknown), cut at 80 characters. */
  name(id: string): string;
  /**
   * A message from the assessment with every name longer than 80 characters cut the same way,
   * and the whole capped at 4,000 characters: a 10,000-character name must not flood a report.
   */
  tidy(message: string): string;
}

/** Longest name a report shows in full. */
export const NAME_MAX = 80;

/** Cuts a free-text value (title, department, deal name) for display. */
export function clip(value: string, max = 120): string {
  return value.length > max ? truncate(value, max) : value;
}

/** Builds the people view of an assessment (and of its graph, for titles and relationships). */
export function peopleView(a: DealAssessment, graph?: PowerGraph): PeopleView {
  const roles = new Map<string, Set<Role>>();
  for (const group of a.support.byRole) {
    if (group.role === null) continue;
    for (const id of group.people) {
      let set = roles.get(id);
      if (!set) roles.set(id, (set = new Set()));
      set.add(group.role);
    }
  }
  const department = new Map<string, string | null>();
  for (const group of a.support.byDepartment) for (const id of group.people) department.set(id, group.department);
  const stance = new Map<string, number | null>(a.support.contributors.map((c) => [c.id, c.stance]));
  const rel = new Map<string, number>();
  for (const x of a.allies.allies) rel.set(x.id, x.rel);
  for (const x of a.gatekeepers.gatekeepers) rel.set(x.id, x.rel);
  for (const x of a.coverage.decisionMakers) rel.set(x.id, x.rel);
  const dms = new Set(a.coverage.decisionMakers.map((d) => d.id));
  const coaches = new Set(a.coach.candidates.map((c) => c.id));
  const gatekeepers = new Set(a.gatekeepers.gatekeepers.map((g) => g.id));
  const allies = new Set(a.allies.allies.map((x) => x.id));

  const people = a.ranking.people.map((p): ReportPerson => {
    const i = graph?.index.get(p.id);
    const person = i === undefined ? undefined : graph!.people[i];
    const personRoles = person ? person.roles : [...(roles.get(p.id) ?? [])];
    return {
      id: p.id,
      name: p.name,
      rank: p.rank,
      score: p.score,
      level: p.level,
      roles: ROLES.filter((r) => personRoles.includes(r)),
      stance: stance.get(p.id) ?? null,
      department: person ? (person.department ?? null) : (department.get(p.id) ?? null),
      title: person?.title ?? null,
      rel: i !== undefined ? graph!.rel[i]! : (rel.get(p.id) ?? null),
      decisionMaker: dms.has(p.id),
      coachCandidate: coaches.has(p.id),
      gatekeeper: gatekeepers.has(p.id),
      ally: allies.has(p.id),
    };
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const long = people
    .filter((p) => p.name.length > NAME_MAX)
    .map((p) => [p.name, truncate(p.name, NAME_MAX)] as const)
    .sort((x, y) => y[0].length - x[0].length);
  return {
    people,
    byId,
    name: (id) => clip(byId.get(id)?.name ?? id, NAME_MAX),
    tidy: (message) => {
      let t = message;
      for (const [full, short] of long) if (t.includes(full)) t = t.split(full).join(short);
      return clip(t, 4000);
    },
  };
}
