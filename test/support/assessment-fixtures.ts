/**
 * Hand-built deals for the tests of `assessDeal`, the red-flag rules and `simulate`.
 *
 * `safeDeal()` is a deal a seller would call safe (M8): every one of the three thresholds is
 * crossed, by construction:
 * - information: every intel field, competitor strength and key-success-factor status recorded;
 *   everyone placed under the CEO, every stance known, every influence assessed; every engaged
 *   person's needs recorded => each of the nine points scores 1, completeness 1;
 * - relationship: no negative stance, so net support > 0; five allies (stance >= 0.5 and a
 *   contact of strength >= 0.3); Rita Gomez, a champion who takes part, is the coach;
 * - decision: the CEO (the only decision maker) is a champion and a direct contact (0.8 >= 0.5).
 *
 * Contacts carry no dates, so nothing decays.
 *
 * @module
 */
import type { RawDeal, RawPerson } from './arbitraries.js';

/** The people of {@link safeDeal}. Levels: ceo 1; cfo, it, ops 2; buyer, user 3. */
export function safePeople(): RawPerson[] {
  return [
    { id: 'ceo', name: 'Helen Zhou', title: 'CEO', roles: ['decision-maker'], influence: 1, stance: 'champion', needs: ['cut spoilage write-offs'] },
    { id: 'cfo', name: 'Omar Said', reportsTo: 'ceo', roles: ['economic-buyer'], influence: 0.75, stance: 'supporter', needs: ['payback inside a year'] },
    {
      id: 'ops',
      name: 'Rita Gomez',
      reportsTo: 'ceo',
      roles: ['coach', 'approver'],
      influence: 0.75,
      stance: 'champion',
      inProject: true,
      integrity: 0.9,
      needs: ['fewer temperature excursions'],
    },
    { id: 'it', name: 'Ken Ito', reportsTo: 'ceo', roles: ['technical-buyer'], influence: 0.5, stance: 'supporter', inProject: true, needs: ['an open API'] },
    { id: 'buyer', name: 'Ana Lee', reportsTo: 'cfo', roles: ['procurement'], influence: 0.25, stance: 'neutral', inProject: true, needs: ['three quotes'] },
    { id: 'user', name: 'Tom Bell', reportsTo: 'ops', roles: ['user'], influence: 0.25, stance: 'supporter', inProject: true, needs: ['alerts on the phone'] },
  ];
}

/** Every intel field of M5 recorded. */
export const FULL_INTEL = {
  plan: { steps: ['pilot in two warehouses', 'business case', 'board approval'], difficulties: ['IT wants an open API'] },
  procurement: { process: ['three quotes', 'CFO approval'], focus: ['total cost over five years'] },
  finance: { budget: 300000, budgetApproved: true, credit: 'AA, pays in 45 days' },
  projectReason: 'Spoilage write-offs doubled after two hot summers.',
  resources: { ours: ['reference at a dairy cooperative'], theirs: ['an IT integrator on retainer'] },
};

/** Three key success factors, each with a status. */
export const TRACKED_FACTORS = [
  { name: 'pilot shows fewer excursions', priority: 1, status: 'on-track' },
  { name: 'CFO signs the business case', priority: 2, status: 'at-risk' },
  { name: 'open API accepted by IT', priority: 3, status: 'done' },
];

/** Kestrel Foods, cold-chain monitoring: a deal that crosses all three thresholds (see the module comment). */
export function safeDeal(): RawDeal {
  return {
    schemaVersion: 1,
    id: 'kestrel-cold-chain',
    name: 'Kestrel Foods cold-chain monitoring',
    asOf: '2026-11-01',
    stage: { name: 'proposal', progress: 0.6 },
    people: safePeople(),
    relations: [
      { from: 'ops', to: 'ceo', kind: 'influences', weight: 0.4 },
      { from: 'it', to: 'ops', kind: 'informs' },
      { from: 'buyer', to: 'ops', kind: 'informs' },
    ],
    team: [
      { id: 'rep', name: 'Account Manager' },
      { id: 'se', name: 'Solution Engineer' },
      { id: 'exec', name: 'Regional VP' },
    ],
    contacts: [
      { member: 'exec', person: 'ceo', strength: 0.8 },
      { member: 'rep', person: 'cfo', strength: 0.6 },
      { member: 'rep', person: 'ops', strength: 0.9 },
      { member: 'se', person: 'it', strength: 0.7 },
      { member: 'rep', person: 'buyer', strength: 0.5 },
      { member: 'se', person: 'user', strength: 0.6 },
    ],
    competitors: [{ id: 'frostnet', name: 'FrostNet', strength: 0.5 }],
    intel: FULL_INTEL,
    keySuccessFactors: TRACKED_FACTORS,
  };
}
