import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CreateGoalBody,
  Goal,
  GoalList,
  GoalParams,
  GoalProgressBody,
  GoalTemplateList,
  GoalTemplatesQuery,
  UpdateGoalBody,
} from "../../../contracts/goals.ts";
import { PairParams } from "../../../contracts/pairs.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { addGoalUpdate } from "./add-goal-update.ts";
import { agreeToGoal } from "./agree-to-goal.ts";
import { createGoal } from "./create-goal.ts";
import { editGoal } from "./edit-goal.ts";
import { listGoalTemplates } from "./list-goal-templates.ts";
import { listPairGoals } from "./list-pair-goals.ts";
import { signOffGoal } from "./sign-off-goal.ts";

const Empty = z.object({});

/** A pair's goals, both ways: for its two people only (managers see counts on the programme's pairs). */
export const goalsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["goals"];
  app.get(
    "/api/pairs/:id/goals",
    {
      schema: {
        tags,
        summary: "The pair's goals both ways, with their updates, and whether the app asks to agree them",
        params: PairParams,
        response: { 200: GoalList },
      },
    },
    async (req) => listPairGoals(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/goals",
    {
      schema: {
        tags,
        summary: "Write a goal, for either of the pair; the partner is asked to agree",
        params: PairParams,
        body: CreateGoalBody,
        response: { 201: Goal },
      },
    },
    async (req, reply) => reply.status(201).send(await createGoal({ pairId: req.params.id, ...req.body }, currentUser(req), deps)),
  );
  app.patch(
    "/api/goals/:id",
    {
      schema: {
        tags,
        summary: "Edit a goal still pursued; the partner's agreement is asked again",
        params: GoalParams,
        body: UpdateGoalBody,
        response: { 200: Goal },
      },
    },
    async (req) => editGoal({ goalId: req.params.id, ...req.body }, currentUser(req), deps),
  );
  app.post(
    "/api/goals/:id/agree",
    {
      schema: {
        tags,
        summary: "Agree to a goal the partner wrote",
        params: GoalParams,
        body: Empty,
        response: { 200: Goal },
      },
    },
    async (req) => agreeToGoal({ goalId: req.params.id }, currentUser(req), deps),
  );
  app.post(
    "/api/goals/:id/updates",
    {
      schema: {
        tags,
        summary: "Record progress on a goal, with optional evidence; only the learner marks it achieved",
        params: GoalParams,
        body: GoalProgressBody,
        response: { 201: Goal },
      },
    },
    async (req, reply) => reply.status(201).send(await addGoalUpdate({ goalId: req.params.id, ...req.body }, currentUser(req), deps)),
  );
  app.post(
    "/api/goals/:id/sign-off",
    {
      schema: {
        tags,
        summary: "Confirm having seen the partner's goal achieved",
        params: GoalParams,
        body: Empty,
        response: { 200: Goal },
      },
    },
    async (req) => signOffGoal({ goalId: req.params.id }, currentUser(req), deps),
  );
  app.get(
    "/api/goal-templates",
    {
      schema: {
        tags,
        summary: "Goal templates to start from, in French and English, by skill and by who learns",
        querystring: GoalTemplatesQuery,
        response: { 200: GoalTemplateList },
      },
    },
    async (req) => ({ items: listGoalTemplates(req.query) }),
  );
};
