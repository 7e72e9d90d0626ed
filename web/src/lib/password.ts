import { z } from "zod";

/** Adds the client-only "confirm password" field to a form schema, checked against `field`. */
export function withPasswordConfirmation(schema: z.ZodObject, field = "password") {
  return schema
    .extend({ confirmPassword: z.string() })
    .refine((values: Record<string, unknown>) => values[field] === values.confirmPassword, {
      error: "validation.passwordMismatch",
      path: ["confirmPassword"],
    });
}
