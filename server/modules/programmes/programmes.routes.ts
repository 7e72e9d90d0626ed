import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApplyBody,
  ChangePhaseBody,
  ConstraintBody,
  ConstraintList,
  ConstraintParams,
  CreateProgrammeBody,
  EnrolBody,
  EnrolmentBoard,
  EnrolmentQuery,
  EnrolResult,
  Programme,
  ProgrammeIdParams,
  ProgrammeList,
  ProgrammePersonParams,
  ProgrammeTemplateList,
  PublishPreview,
  PublishResult,
  RespondBody,
  RunDetail,
  RunList,
  RunParams,
  RunQuery,
  RunSummary,
  SwapBody,
  UpdateEnrolmentBody,
  UpdateProgrammeBody,
} from "../../../contracts/programmes.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import * as cohort from "./cohort-matching.service.ts";
import * as programmes from "./programmes.service.ts";
import { publishPreview } from "./publish-preview.ts";

const Empty = z.object({});

/** Programmes (managers), enrolment, cohort matching review. Pairs and proposals have routes of their own. */
export const programmesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["programmes"];
  app.get(
    "/api/programme-templates",
    { schema: { tags, summary: "Programme templates to start from", response: { 200: ProgrammeTemplateList } } },
    async () => ({ items: programmes.listTemplates() }),
  );
  app.get(
    "/api/programmes",
    { schema: { tags, summary: "Programmes: all (managers), or mine and those open for enrolment", response: { 200: ProgrammeList } } },
    async (req) => ({ items: await programmes.listProgrammes(currentUser(req), deps) }),
  );
  app.post(
    "/api/programmes",
    {
      schema: {
        tags,
        summary: "Create a programme (in draft) from a template's fields",
        body: CreateProgrammeBody,
        response: { 201: Programme },
      },
    },
    async (req, reply) => reply.status(201).send(await programmes.createProgramme(req.body, currentUser(req), deps)),
  );
  app.get(
    "/api/programmes/:id",
    { schema: { tags, summary: "A programme", params: ProgrammeIdParams, response: { 200: Programme } } },
    async (req) => programmes.getProgramme(req.params.id, currentUser(req), deps),
  );
  app.patch(
    "/api/programmes/:id",
    { schema: { tags, summary: "Edit a programme", params: ProgrammeIdParams, body: UpdateProgrammeBody, response: { 200: Programme } } },
    async (req) => programmes.updateProgramme(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/programmes/:id/phase",
    {
      schema: {
        tags,
        summary: "Move a programme to its next phase",
        params: ProgrammeIdParams,
        body: ChangePhaseBody,
        response: { 200: Programme },
      },
    },
    async (req) => programmes.changePhase(req.params.id, req.body.phase, currentUser(req), deps),
  );

  app.post(
    "/api/programmes/:id/enrolments",
    {
      schema: {
        tags,
        summary: "Enrol people by employee ids or directory filters",
        params: ProgrammeIdParams,
        body: EnrolBody,
        response: { 200: EnrolResult },
      },
    },
    async (req) => programmes.enrol(req.params.id, req.body, currentUser(req), deps),
  );
  app.get(
    "/api/programmes/:id/enrolments",
    {
      schema: {
        tags,
        summary: "The enrolment board",
        params: ProgrammeIdParams,
        querystring: EnrolmentQuery,
        response: { 200: EnrolmentBoard },
      },
    },
    async (req) => programmes.enrolmentBoard(req.params.id, req.query, deps),
  );
  app.patch(
    "/api/programmes/:id/enrolments/:personId",
    {
      schema: {
        tags,
        summary: "Set someone aside, or a mentor's capacity",
        params: ProgrammePersonParams,
        body: UpdateEnrolmentBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await programmes.updateEnrolment(req.params.id, req.params.personId, req.body, deps);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/programmes/:id/enrolments/:personId",
    { schema: { tags, summary: "Take someone out of a programme", params: ProgrammePersonParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await programmes.removeEnrolment(req.params.id, req.params.personId, deps);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/programmes/:id/apply",
    {
      schema: {
        tags,
        summary: "Apply to a programme open for enrolment",
        params: ProgrammeIdParams,
        body: ApplyBody,
        response: { 200: Programme },
      },
    },
    async (req) => programmes.apply(req.params.id, req.body.role, currentUser(req), deps),
  );
  app.post(
    "/api/programmes/:id/respond",
    {
      schema: {
        tags,
        summary: "Join or decline a programme I was enrolled in",
        params: ProgrammeIdParams,
        body: RespondBody,
        response: { 200: Programme },
      },
    },
    async (req) => programmes.respond(req.params.id, req.body.accept, currentUser(req), deps),
  );

  app.post(
    "/api/programmes/:id/matching-runs",
    {
      schema: {
        tags,
        summary: "Run the matching engine on the programme's pool",
        params: ProgrammeIdParams,
        body: Empty,
        response: { 201: RunSummary },
      },
    },
    async (req, reply) => reply.status(201).send(await cohort.runMatching(req.params.id, currentUser(req), deps)),
  );
  app.get(
    "/api/programmes/:id/matching-runs",
    { schema: { tags, summary: "The programme's runs, to compare", params: ProgrammeIdParams, response: { 200: RunList } } },
    async (req) => ({ items: await cohort.listRuns(req.params.id, deps) }),
  );
  app.get(
    "/api/programmes/:id/matching-runs/:runId",
    {
      schema: {
        tags,
        summary: "A run's pairs (paginated), alternatives and unmatched",
        params: RunParams,
        querystring: RunQuery,
        response: { 200: RunDetail },
      },
    },
    async (req) => cohort.getRun(req.params.id, req.params.runId, req.query, deps),
  );
  app.post(
    "/api/programmes/:id/matching-runs/:runId/swap",
    {
      schema: {
        tags,
        summary: "Swap two mentees' mentors (locks both) and run again",
        params: RunParams,
        body: SwapBody,
        response: { 201: RunSummary },
      },
    },
    async (req, reply) => reply.status(201).send(await cohort.swap(req.params.id, req.params.runId, req.body, currentUser(req), deps)),
  );
  app.post(
    "/api/programmes/:id/matching-runs/:runId/publish",
    {
      schema: {
        tags,
        summary: "Publish the latest run: its pairs start in intro",
        params: RunParams,
        body: Empty,
        response: { 200: PublishResult },
      },
    },
    async (req) => cohort.publish(req.params.id, req.params.runId, currentUser(req), deps),
  );
  app.get(
    "/api/programmes/:id/publish-preview",
    {
      schema: {
        tags,
        summary: "Before publishing: who has no account (invited by email) or has not answered (notified)",
        params: ProgrammeIdParams,
        response: { 200: PublishPreview },
      },
    },
    async (req) => publishPreview(req.params.id, deps),
  );
  app.get(
    "/api/programmes/:id/constraints",
    { schema: { tags, summary: "Locked and forbidden pairs", params: ProgrammeIdParams, response: { 200: ConstraintList } } },
    async (req) => ({ items: await cohort.listConstraints(req.params.id, deps) }),
  );
  app.put(
    "/api/programmes/:id/constraints",
    {
      schema: {
        tags,
        summary: "Lock or forbid a pair for the next runs",
        params: ProgrammeIdParams,
        body: ConstraintBody,
        response: { 200: ConstraintList },
      },
    },
    async (req) => ({ items: await cohort.setConstraint(req.params.id, req.body, deps) }),
  );
  app.delete(
    "/api/programmes/:id/constraints/:mentorId/:menteeId",
    { schema: { tags, summary: "Remove a lock or a forbid", params: ConstraintParams, response: { 200: ConstraintList } } },
    async (req) => ({ items: await cohort.removeConstraint(req.params.id, req.params.mentorId, req.params.menteeId, deps) }),
  );
};
