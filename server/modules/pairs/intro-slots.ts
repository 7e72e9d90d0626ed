import { INTRO_MINUTES, INTRO_SLOTS_COUNT, type IntroSlots } from "../../../contracts/pairs.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import { commonAvailability, proposeSlots } from "../../platform/time/slot-finder.ts";
import { pairAccess, pairMember } from "./pair-access.ts";
import { introMode, introSlotWindow, PROGRAMME_TIME_ZONE } from "./pairs.domain.ts";
import type { PairsDeps } from "./pairs-deps.ts";
import { availabilityOf } from "./workspace.repository.ts";

/**
 * Three times for the intro coffee, for one of the pair (a manager: 403; anyone else: 404), while in intro:
 * from both people's weekly availability (their profiles; else either's; else the app's default), one per
 * working day that is no French public holiday, from 24 hours ahead to the programme's end, read in the
 * caller's time zone, which the answer names (the form shows the times, and reads the day and time picked,
 * in it). A coffee is planned for INTRO_MINUTES (a half-hour), not the programme's session length. Online or
 * in person: the programme's format, or when it allows both, what suits both people.
 */
export async function introSlots(pairId: string, user: CurrentUser, deps: PairsDeps): Promise<IntroSlots> {
  const now = deps.clock.now();
  const { db } = deps.database;
  const access = await pairAccess(db, pairId, user);
  const { personId, partnerId } = pairMember(access);
  if (access.state !== "intro") throw new AppError("NOT_IN_INTRO");
  const people = await availabilityOf(db, [personId, partnerId]);
  const mine = people.get(personId);
  const partner = people.get(partnerId);
  const { slots, basis } = commonAvailability(mine?.availability ?? [], partner?.availability ?? []);
  const { after, until } = introSlotWindow(now, access.programme);
  const timeZone = mine?.timeZone ?? PROGRAMME_TIME_ZONE;
  const starts = proposeSlots({
    after,
    until,
    availability: slots,
    timeZone,
    minutes: INTRO_MINUTES,
    count: INTRO_SLOTS_COUNT,
  });
  const mode = introMode(access.programme.format, [mine?.format ?? null, partner?.format ?? null]);
  return {
    items: starts.map((start) => ({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + INTRO_MINUTES * 60_000).toISOString(),
      mode,
    })),
    basis,
    format: access.programme.format,
    timeZone,
  };
}
