/**
 * A deal with one person gone (they left the company): their relations and contacts go with
 * them, and their reports lose that manager line.
 *
 * @internal
 * @module
 */
import type { Deal } from '../model/types.js';

export function withoutPerson(deal: Deal, id: string): Deal {
  return {
    ...deal,
    people: deal.people
      .filter((p) => p.id !== id)
      .map((p) => (p.reportsTo.includes(id) ? { ...p, reportsTo: p.reportsTo.filter((m) => m !== id) } : p)),
    relations: deal.relations.filter((r) => r.from !== id && r.to !== id),
    contacts: deal.contacts.filter((c) => c.person !== id),
  };
}
