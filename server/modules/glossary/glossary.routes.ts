import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  GlossaryQuery,
  GlossaryTerm,
  GlossaryTermList,
  GlossaryTermParams,
  ProposeGlossaryTermBody,
  UpdateGlossaryTermBody,
} from "../../../contracts/glossary.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { getGlossaryTerm, listGlossaryTerms } from "./list-glossary-terms.ts";
import { proposeGlossaryTerm } from "./propose-glossary-term.ts";
import { approveGlossaryTerm, rejectGlossaryTerm } from "./review-glossary-term.ts";
import { updateGlossaryTerm } from "./update-glossary-term.ts";

const Empty = z.object({});

/** The organisation's glossary: everyone reads and proposes, managers review and edit. */
export const glossaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["glossary"];
  app.get(
    "/api/glossary",
    {
      schema: {
        tags,
        summary: "Glossary terms of a status (approved by default), searched in both languages, accents and case ignored",
        querystring: GlossaryQuery,
        response: { 200: GlossaryTermList },
      },
    },
    async (req) => listGlossaryTerms(req.query, currentUser(req), deps),
  );
  app.get(
    "/api/glossary/:id",
    { schema: { tags, summary: "One glossary term", params: GlossaryTermParams, response: { 200: GlossaryTerm } } },
    async (req) => getGlossaryTerm(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/glossary",
    {
      schema: {
        tags,
        summary: "Propose a term for the glossary (managers review it)",
        body: ProposeGlossaryTermBody,
        response: { 201: GlossaryTerm },
      },
    },
    async (req, reply) => reply.status(201).send(await proposeGlossaryTerm(req.body, currentUser(req), deps)),
  );
  app.patch(
    "/api/glossary/:id",
    {
      schema: {
        tags,
        summary: "Correct a glossary term (managers)",
        params: GlossaryTermParams,
        body: UpdateGlossaryTermBody,
        response: { 200: GlossaryTerm },
      },
    },
    async (req) => updateGlossaryTerm(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/glossary/:id/approve",
    {
      schema: {
        tags,
        summary: "Approve a glossary term, defined in both languages (managers)",
        params: GlossaryTermParams,
        body: Empty,
        response: { 200: GlossaryTerm },
      },
    },
    async (req) => approveGlossaryTerm(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/glossary/:id/reject",
    {
      schema: {
        tags,
        summary: "Reject a proposed glossary term, or withdraw an approved one (managers)",
        params: GlossaryTermParams,
        body: Empty,
        response: { 200: GlossaryTerm },
      },
    },
    async (req) => rejectGlossaryTerm(req.params.id, currentUser(req), deps),
  );
};
