import { z } from "zod";

/** The organisation's glossary of jargon (server/modules/glossary): a participant proposes a term, a manager approves it. */
export const GLOSSARY_TERM_STATUSES = ["proposed", "approved", "rejected"] as const;
export const GlossaryTermStatus = z.enum(GLOSSARY_TERM_STATUSES);
export type GlossaryTermStatus = z.infer<typeof GlossaryTermStatus>;
