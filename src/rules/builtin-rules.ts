/**
 * The built-in red-flag rules, each with a stable code, a severity and the people it names.
 *
 * @module
 */
import { formatMessage } from '../explain/format-message.js';
import { listening } from '../internal/listening.js';
import type { Rule, RuleContext, RuleHit, Severity } from './types.js';

const LIST = { en: '; ', 'zh-CN': '；' } as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const round = (x: number) => Math.round(x * 1000) / 1000 + 0; // + 0: never -0
const names = (ctx: RuleContext, ids: readonly string[]) => ids.map((id) => ctx.name(id));

/** No direct contact with a decision maker; severity by the coverage risk (M7). */
const noDmContact: Rule = {
  code: 'no_dm_contact',
  description: 'We have no direct relationship (strength >= 0.5) with a decision maker; severity rises with deal progress.',
  methodology: 'M7',
  evaluate(ctx) {
    return ctx.coverage.decisionMakers
      .filter((dm) => dm.status !== 'direct')
      .map((dm): RuleHit => ({
        severity: dm.risk === 'critical' ? 'critical' : dm.risk === 'high' ? 'high' : 'medium',
        params: { person: dm.name, status: dm.status, progress: pct(ctx.progress) },
        people: [dm.id],
      }));
  },
};

/** A decision maker is opposed (M7). */
const dmOpposed: Rule = {
  code: 'dm_opposed',
  description: 'A decision maker has a negative stance toward us: critical at -0.5 or below, else high.',
  methodology: 'M7',
  evaluate(ctx) {
    return ctx.coverage.decisionMakers
      .filter((dm) => dm.stance !== null && dm.stance < 0)
      .map((dm) => ({
        severity: (dm.stance! <= -0.5 ? 'critical' : 'high') as Severity,
        params: { person: dm.name, stance: dm.stance },
        people: [dm.id],
      }));
  },
};

/** We know fewer than `minContacts` of their people (M6.3). */
const singleThreaded: Rule = {
  code: 'single_threaded',
  description: 'We have a relationship with fewer than minContacts people of the account.',
  methodology: 'M6.3',
  evaluate(ctx) {
    const g = ctx.graph;
    const contacts = g.ids.filter((_, i) => g.rel[i]! > 0);
    if (contacts.length >= ctx.thresholds.minContacts) return [];
    return [{ severity: 'high', params: { count: contacts.length, people: names(ctx, contacts) }, people: contacts }];
  },
};

/** Nobody qualifies as a coach (M9). */
const noCoach: Rule = {
  code: 'no_coach',
  description: 'No coach candidate scores coachMinScore or more.',
  methodology: 'M9',
  evaluate(ctx) {
    const best = ctx.coach.candidates[0];
    return best && best.score >= ctx.thresholds.coachMinScore ? [] : [{ severity: 'high' }];
  },
};

/** Our coach is a talker, not a mobiliser (M9). */
const coachWithoutPower: Rule = {
  code: 'coach_without_power',
  description: 'A person marked coach or champion (or, when nobody is marked, the best candidate) has little power.',
  methodology: 'M9',
  evaluate(ctx) {
    const marked = ctx.coach.current.filter((c) => c.qualifies);
    const coaches = marked.length > 0 ? marked : ctx.coach.candidates.filter((c) => c.score >= ctx.thresholds.coachMinScore).slice(0, 1);
    const talkers = coaches.filter((c) => c.kind === 'talker');
    if (talkers.length === 0 || coaches.some((c) => c.kind === 'mobiliser')) return [];
    return [{ severity: 'medium', params: { people: talkers.map((c) => c.name) }, people: talkers.map((c) => c.id) }];
  },
};

/** An opponent with strong influence on a decision maker (M7). */
const blockerNearDm: Rule = {
  code: 'blocker_near_dm',
  description: 'Someone with stance <= blockerStance (or the role blocker) influences a decision maker with weight >= blockerWeight.',
  methodology: 'M7',
  evaluate(ctx) {
    const g = ctx.graph;
    const hits: RuleHit[] = [];
    for (const dm of ctx.coverage.decisionMakers) {
      const d = g.index.get(dm.id)!;
      const blockers: string[] = [];
      const { ptr, idx, w } = g.influenceIn;
      for (let e = ptr[d]!; e < ptr[d + 1]!; e++) {
        const k = idx[e]!;
        const u = g.stance[k]!;
        const hostile = (!Number.isNaN(u) && u <= ctx.thresholds.blockerStance) || g.people[k]!.roles.includes('blocker');
        if (hostile && w[e]! >= ctx.thresholds.blockerWeight) blockers.push(g.ids[k]!);
      }
      if (blockers.length > 0) hits.push({ severity: 'high', params: { people: names(ctx, blockers), person: dm.name }, people: blockers });
    }
    return hits;
  },
};

/** A gatekeeper is not won over (M6.3, the "little devils"). */
const gatekeeperNotWon: Rule = {
  code: 'gatekeeper_not_won',
  description: 'A gatekeeper is not won over: high when they sit on the best path to a decision maker, else medium.',
  methodology: 'M6.3',
  evaluate(ctx) {
    return ctx.gatekeepers.gatekeepers
      .filter((k) => !k.won)
      .map((k) => ({
        severity: (k.onPathTo.length > 0 ? 'high' : 'medium') as Severity,
        params: { people: [k.name] },
        people: [k.id],
      }));
  },
};

/** Engaged or participating people whose needs are unknown (M10, M11). */
const needsUnknown: Rule = {
  code: 'needs_unknown',
  description: 'People we engage, or who take part, have no recorded needs: ask before pitching.',
  methodology: 'M11',
  evaluate(ctx) {
    const g = ctx.graph;
    const ids = g.ids.filter((_, i) => (g.rel[i]! > 0 || g.people[i]!.inProject === true) && (g.people[i]!.needs?.length ?? 0) === 0);
    return ids.length === 0 ? [] : [{ severity: 'medium', params: { people: names(ctx, ids) }, people: ids }];
  },
};

/** Unknown stances among influential people (M5, M6.1). */
const unknownHighInfluence: Rule = {
  code: 'unknown_high_influence',
  description: 'People with assessed influence >= highInfluence, or a top-quartile key-people score, have an unknown stance; high when a decision maker is among them.',
  methodology: 'M6.1',
  evaluate(ctx) {
    const g = ctx.graph;
    const quartile = Math.ceil(g.n / 4);
    const top = new Set(ctx.ranking.people.slice(0, quartile).map((p) => p.id));
    const dms = new Set(ctx.coverage.decisionMakers.map((d) => d.id));
    const ids = g.ids.filter(
      (id, i) => Number.isNaN(g.stance[i]!) && (g.influence[i]! >= ctx.thresholds.highInfluence || top.has(id)),
    );
    if (ids.length === 0) return [];
    return [{ severity: ids.some((id) => dms.has(id)) ? 'high' : 'medium', params: { people: names(ctx, ids) }, people: ids }];
  },
};

/** Information points still unknown (M5). */
const informationGaps: Rule = {
  code: 'information_gaps',
  description: 'Some of the nine information points of M5 are unknown.',
  methodology: 'M5',
  evaluate(ctx) {
    const unknown = ctx.information.points.filter((p) => p.status === 'unknown');
    if (unknown.length === 0) return [];
    const points = unknown.map((p) => `${p.number} ${p.point}`);
    const pointNames = unknown.map((p) => `${p.number} ${formatMessage(`point_${p.point}`, {}, ctx.locale)}`);
    return [{ severity: unknown.length >= 5 ? 'high' : 'medium', params: { points, pointNames } }];
  },
};

/** The support base shrank since the previous snapshot (M6.3). */
const shrinkingSupport: Rule = {
  code: 'shrinking_support',
  description: 'Net support dropped by supportDrop or more since the previous snapshot (needs one).',
  methodology: 'M6.3',
  evaluate(ctx) {
    const c = ctx.comparison;
    if (!c || c.netChange > -ctx.thresholds.supportDrop) return [];
    return [{ severity: 'high', params: { before: round(c.before.net), after: round(c.after.net) }, people: c.removed.map((r) => r.id) }];
  },
};

/** A decision maker listens mostly to people who oppose us (M7). */
const oppositionPressure: Rule = {
  code: 'opposition_pressure_on_dm',
  description:
    'The pull on a decision maker from the people they listen to, sum over k of W_dk * stance_k (their own share W_dd pulls 0), is below oppositionPressure.',
  methodology: 'M7',
  evaluate(ctx) {
    const g = ctx.graph;
    const { inW } = listening(g, ctx.ranking.normalization);
    const hits: RuleHit[] = [];
    for (const dm of ctx.coverage.decisionMakers) {
      const d = g.index.get(dm.id)!;
      const { ptr, idx } = g.influenceIn;
      let pull = 0;
      const opponents: [string, number][] = [];
      for (let e = ptr[d]!; e < ptr[d + 1]!; e++) {
        const k = idx[e]!;
        const x = inW[e]!;
        const u = Number.isNaN(g.stance[k]!) ? 0 : g.stance[k]!;
        pull += x * u;
        if (u < 0) opponents.push([g.ids[k]!, x * u]);
      }
      if (pull < ctx.thresholds.oppositionPressure) {
        const ids = opponents.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
        hits.push({ severity: 'high', params: { person: dm.name, people: names(ctx, ids) }, people: ids });
      }
    }
    return hits;
  },
};

/** A contact or ally whose departure would cost us decision-maker access or much support (M6.3). */
const singlePointOfFailure: Rule = {
  code: 'single_point_of_failure',
  description:
    'The departure of one contact or ally (other than a decision maker) would lose decision-maker access, leave us without contacts, or drop net support.',
  methodology: 'M6.3',
  evaluate(ctx) {
    const dms = new Set(ctx.coverage.decisionMakers.map((d) => d.id));
    const say = (code: string, params: Record<string, string | number>) => formatMessage(code, params, ctx.locale);
    return ctx.resilience.people
      .filter((p) => p.singlePointOfFailure && !dms.has(p.id))
      .map((p) => {
        // The reasons again, in the flag's locale (the analysis itself words them in English).
        const reasons: string[] = [];
        if (p.lostAccessTo.length > 0) reasons.push(say('reason_loses_access', { people: names(ctx, p.lostAccessTo).join(LIST[ctx.locale]) }));
        if (p.onlyContact) reasons.push(say('reason_only_contact', {}));
        if (p.supportDropped) reasons.push(say('reason_net_drop', { drop: round(p.netLoss) }));
        return { severity: 'high' as Severity, params: { people: [p.name], reasons: reasons.join(LIST[ctx.locale]) }, people: [p.id] };
      });
  },
};

/** A role that should be engaged by now (per the stage template) is not a contact. */
const roleNotEngaged: Rule = {
  code: 'role_not_engaged',
  description:
    'By the progress in the stage template, people with a required role should be our contacts (decision makers have their own rule).',
  methodology: 'M8',
  evaluate(ctx) {
    const g = ctx.graph;
    const dms = new Set(ctx.coverage.decisionMakers.map((d) => d.id));
    const hits: RuleHit[] = [];
    for (const req of ctx.stageTemplate) {
      if (ctx.progress < req.by) continue;
      const ids = g.ids.filter((id, i) => g.people[i]!.roles.includes(req.role) && g.rel[i] === 0 && !dms.has(id));
      if (ids.length > 0)
        hits.push({
          severity: req.role === 'economic-buyer' ? 'high' : 'medium',
          params: { role: req.role, roleName: formatMessage(`role_${req.role}`, {}, ctx.locale), progress: pct(req.by), people: names(ctx, ids) },
          people: ids,
        });
    }
    return hits;
  },
};

/** The built-in rules, in evaluation order. */
export const BUILTIN_RULES: readonly Rule[] = [
  noDmContact,
  dmOpposed,
  singleThreaded,
  noCoach,
  coachWithoutPower,
  blockerNearDm,
  gatekeeperNotWon,
  needsUnknown,
  unknownHighInfluence,
  informationGaps,
  shrinkingSupport,
  oppositionPressure,
  singlePointOfFailure,
  roleNotEngaged,
];
