import type { Tx } from "../../db/client.ts";
import { findProfiles } from "../profiles/index.ts";
import * as repo from "./programmes.repository.ts";

/**
 * Mentees a mentor takes in a programme: the capacity a manager set on their enrolment; otherwise
 * the programme's number per mentor, never more than what the mentor offers in their profile.
 */
export function capacityOf(enrolmentCapacity: number | null, profileCapacity: number | undefined, programmeDefault: number): number {
  return enrolmentCapacity ?? Math.min(profileCapacity ?? programmeDefault, programmeDefault);
}

/** Places left (capacity minus open pairs) of some mentors of a programme; absent = not an enrolled mentor. */
export async function mentorPlacesLeft(tx: Tx, programme: repo.ProgrammeRow, mentorIds: string[]): Promise<Map<string, number>> {
  const wanted = new Set(mentorIds);
  // One after the other: `tx` is one connection, which runs one query at a time.
  const members = await repo.cohortMembers(tx, programme.id);
  const open = await repo.openPairsOf(tx, programme.id);
  const profiles = await findProfiles(tx, mentorIds);
  const defaultCapacity = (programme.matchingSettings as { defaultCapacity: number }).defaultCapacity;
  const left = new Map<string, number>();
  for (const m of members) {
    if (m.role !== "mentor" || !wanted.has(m.personId)) continue;
    left.set(m.personId, capacityOf(m.capacity, profiles.get(m.personId)?.mentorCapacity, defaultCapacity));
  }
  for (const p of open) if (left.has(p.mentorId)) left.set(p.mentorId, (left.get(p.mentorId) as number) - 1);
  return left;
}
