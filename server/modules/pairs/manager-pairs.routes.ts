import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ManagedPairDetail, ManagedPairParams, NewPairBody, RematchOptions, RematchOptionsQuery } from "../../../contracts/pairs.ts";
import { ProgrammeIdParams } from "../../../contracts/programmes.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { formPair } from "./form-pair.ts";
import { getManagedPair } from "./manager-pair-view.ts";
import { rematchOptions } from "./rematch-options.ts";

/**
 * The managers' view of one pair of a programme (route-access.ts: managers and admins): the pair with
 * its history and its workspace as counts and dates, who a person of it may be paired with next, and a
 * pair formed by hand. Ending and completing a pair are the pair's own routes (`/api/pairs/:id/end`, `/complete`).
 */
export const managerPairsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["programmes"];
  app.get(
    "/api/programmes/:id/pairs/:pairId",
    {
      schema: {
        tags,
        summary: "One pair of the programme: history, and its sessions, goals and notes as counts and dates (managers)",
        params: ManagedPairParams,
        response: { 200: ManagedPairDetail },
      },
    },
    async (req) => getManagedPair(req.params.id, req.params.pairId, deps),
  );
  app.get(
    "/api/programmes/:id/pairs/:pairId/rematch-options",
    {
      schema: {
        tags,
        summary: "Who a person of this pair may be paired with now, best score first (managers)",
        params: ManagedPairParams,
        querystring: RematchOptionsQuery,
        response: { 200: RematchOptions },
      },
    },
    async (req) => rematchOptions(req.params.id, req.params.pairId, req.query.person, deps),
  );
  app.post(
    "/api/programmes/:id/pairs",
    {
      schema: {
        tags,
        summary: "Pair a mentor and a mentee of the programme by hand, e.g. a rematch (managers)",
        params: ProgrammeIdParams,
        body: NewPairBody,
        response: { 201: ManagedPairDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await formPair(req.params.id, req.body, currentUser(req), deps)),
  );
};
