import type { Delegate } from './delegate.entity.js';
import type { RosterSeat } from './import/index.js';

/** A seat as the roster comparison reads it: its group by name (group ids → names given). */
export function rosterSeat(d: Delegate, groupNames: ReadonlyMap<string, string>): RosterSeat {
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    employeeNumber: d.employeeNumber,
    name: d.name,
    gender: d.gender,
    groupName: d.groupId ? (groupNames.get(d.groupId) ?? null) : null,
    unit: d.unit,
    category: d.category,
    dispatched: d.dispatched,
    presidium: d.presidium,
    teller: d.teller,
    phone: d.phone,
    note: d.note,
  };
}
