import { z } from "zod";

/**
 * How sessions take place: a person's preference (profiles), a programme's rule (programmes). Its own
 * file because both contracts use it and profiles.ts imports programmes.ts (a person's roles).
 */
export const FORMATS = ["in_person", "online", "both"] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;
