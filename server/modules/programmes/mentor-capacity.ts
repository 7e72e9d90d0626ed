import type { ParticipantRole } from "../../../contracts/programmes.ts";

/**
 * Mentees a mentor takes in a programme: the capacity a manager set on their enrolment; otherwise
 * the programme's number per mentor, never more than what the mentor offers in their profile.
 */
export function capacityOf(enrolmentCapacity: number | null, profileCapacity: number | undefined, programmeDefault: number): number {
  return enrolmentCapacity ?? Math.min(profileCapacity ?? programmeDefault, programmeDefault);
}

/** Places left (capacity minus open pairs) of a programme's enrolled mentors, by person id. */
export function placesLeftOf(
  members: readonly { personId: string; role: ParticipantRole; capacity: number | null }[],
  openPairs: readonly { mentorId: string }[],
  profiles: ReadonlyMap<string, { mentorCapacity: number }>,
  programmeDefault: number,
): Map<string, number> {
  const left = new Map<string, number>();
  for (const m of members)
    if (m.role === "mentor") left.set(m.personId, capacityOf(m.capacity, profiles.get(m.personId)?.mentorCapacity, programmeDefault));
  for (const p of openPairs) if (left.has(p.mentorId)) left.set(p.mentorId, (left.get(p.mentorId) as number) - 1);
  return left;
}
