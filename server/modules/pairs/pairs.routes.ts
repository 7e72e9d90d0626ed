import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  EndPairBody,
  IntroAnswerBody,
  IntroBody,
  IntroSlots,
  ManagedPairPage,
  ManagedPairQuery,
  Pair,
  PairList,
  PairParams,
} from "../../../contracts/pairs.ts";
import { ProgrammeIdParams } from "../../../contracts/programmes.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { answerIntro } from "./answer-intro.ts";
import { completePair } from "./complete-pair.ts";
import { endPair } from "./end-pair.ts";
import { introSlots } from "./intro-slots.ts";
import { getMyPair, listMyPairs } from "./list-my-pairs.ts";
import { listProgrammePairs } from "./list-programme-pairs.ts";
import { scheduleIntro } from "./schedule-intro.ts";

const Empty = z.object({});
const StateResult = z.object({ state: z.string() });

/** Pairs: a programme's pairs (managers), my pairs, the intro meeting and its answers, the end. */
export const pairsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/programmes/:id/pairs",
    {
      schema: {
        tags: ["programmes"],
        summary: "The programme's pairs with intro answers (managers)",
        params: ProgrammeIdParams,
        querystring: ManagedPairQuery,
        response: { 200: ManagedPairPage },
      },
    },
    async (req) => listProgrammePairs(req.params.id, req.query, deps),
  );

  const tags = ["pairs"];
  app.get("/api/me/pairs", { schema: { tags, summary: "My pairs", response: { 200: PairList } } }, async (req) => ({
    items: await listMyPairs(currentUser(req), deps),
  }));
  app.get(
    "/api/pairs/:id",
    { schema: { tags, summary: "One of my pairs, with its history", params: PairParams, response: { 200: Pair } } },
    async (req) => getMyPair(req.params.id, currentUser(req), deps),
  );
  app.put(
    "/api/pairs/:id/intro",
    { schema: { tags, summary: "Schedule the intro meeting", params: PairParams, body: IntroBody, response: { 200: Pair } } },
    async (req) => scheduleIntro(req.params.id, req.body, currentUser(req), deps),
  );
  app.get(
    "/api/pairs/:id/intro-slots",
    {
      schema: {
        tags,
        summary: "Three times proposed for the intro coffee, from both people's availability and the programme's format",
        params: PairParams,
        response: { 200: IntroSlots },
      },
    },
    async (req) => introSlots(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/intro-answer",
    {
      schema: {
        tags,
        summary: "Answer after the intro: we will work well together, or not a fit",
        params: PairParams,
        body: IntroAnswerBody,
        response: { 200: Pair },
      },
    },
    async (req) => answerIntro(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/end",
    {
      schema: {
        tags,
        summary: "End a pair early, with a reason",
        params: PairParams,
        body: EndPairBody,
        response: { 200: StateResult },
      },
    },
    async (req) => endPair(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/complete",
    {
      schema: {
        tags,
        summary: "Complete a pair (both agree, or a manager)",
        params: PairParams,
        body: Empty,
        response: { 200: StateResult },
      },
    },
    async (req) => completePair(req.params.id, currentUser(req), deps),
  );
};
