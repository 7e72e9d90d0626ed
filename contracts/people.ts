import { z } from "zod";

/** A person of the HR directory as the admin and manager screens show them. No date of birth, no age. */
export const Person = z.object({
  id: z.uuid(),
  employeeId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  department: z.string().nullable(),
  site: z.string().nullable(),
  jobTitle: z.string().nullable(),
  managerName: z.string().nullable(),
  hireYear: z.number().int().nullable(),
  isActive: z.boolean(),
  /** The person's login account, if any. */
  account: z
    .object({
      id: z.uuid(),
      status: z.enum(["invited", "active", "disabled"]),
      roles: z.array(z.enum(["admin", "manager", "participant"])),
    })
    .nullable(),
});
export type Person = z.infer<typeof Person>;

export const ListPeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  department: z.string().trim().max(100).optional(),
  site: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const PeoplePage = z.object({
  items: z.array(Person),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  departments: z.array(z.string()),
  sites: z.array(z.string()),
});
export type PeoplePage = z.infer<typeof PeoplePage>;
