import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DeclineBody,
  EndPairBody,
  IntroAnswerBody,
  IntroBody,
  ManagedPairPage,
  ManagedPairQuery,
  MentorSearchPage,
  MentorSearchQuery,
  Pair,
  PairList,
  PairParams,
  Proposal,
  ProposalBody,
  ProposalList,
  ProposalParams,
} from "../../../contracts/pairs.ts";
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
import * as pairs from "./pairs.service.ts";
import * as programmes from "./programmes.service.ts";
import * as proposals from "./proposals.service.ts";

const Empty = z.object({});
const StateResult = z.object({ state: z.string() });

/** Programmes (managers), enrolment, cohort matching review, pairs, intro meetings and proposals. */
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
  app.get(
    "/api/programmes/:id/pairs",
    {
      schema: {
        tags,
        summary: "The programme's pairs with intro answers (managers)",
        params: ProgrammeIdParams,
        querystring: ManagedPairQuery,
        response: { 200: ManagedPairPage },
      },
    },
    async (req) => pairs.managedPairs(req.params.id, req.query, deps),
  );

  const pairTags = ["pairs"];
  app.get("/api/me/pairs", { schema: { tags: pairTags, summary: "My pairs", response: { 200: PairList } } }, async (req) => ({
    items: await pairs.listMyPairs(currentUser(req), deps),
  }));
  app.get(
    "/api/pairs/:id",
    { schema: { tags: pairTags, summary: "One of my pairs, with its history", params: PairParams, response: { 200: Pair } } },
    async (req) => pairs.getMyPair(req.params.id, currentUser(req), deps),
  );
  app.put(
    "/api/pairs/:id/intro",
    { schema: { tags: pairTags, summary: "Schedule the intro meeting", params: PairParams, body: IntroBody, response: { 200: Pair } } },
    async (req) => pairs.scheduleIntro(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/intro-answer",
    {
      schema: {
        tags: pairTags,
        summary: "Answer after the intro: we will work well together, or not a fit",
        params: PairParams,
        body: IntroAnswerBody,
        response: { 200: Pair },
      },
    },
    async (req) => pairs.answerIntro(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/end",
    {
      schema: {
        tags: pairTags,
        summary: "End a pair early, with a reason",
        params: PairParams,
        body: EndPairBody,
        response: { 200: StateResult },
      },
    },
    async (req) => pairs.endPair(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/complete",
    {
      schema: {
        tags: pairTags,
        summary: "Complete a pair (both agree, or a manager)",
        params: PairParams,
        body: Empty,
        response: { 200: StateResult },
      },
    },
    async (req) => pairs.completePair(req.params.id, currentUser(req), deps),
  );

  const proposalTags = ["proposals"];
  app.get(
    "/api/programmes/:id/mentors",
    {
      schema: {
        tags: proposalTags,
        summary: "Mentors for me, ranked by score, with filters",
        params: ProgrammeIdParams,
        querystring: MentorSearchQuery,
        response: { 200: MentorSearchPage },
      },
    },
    async (req) => proposals.browseMentors(req.params.id, req.query, currentUser(req), deps),
  );
  app.post(
    "/api/programmes/:id/proposals",
    {
      schema: {
        tags: proposalTags,
        summary: "Send a proposal to a mentor",
        params: ProgrammeIdParams,
        body: ProposalBody,
        response: { 201: Proposal },
      },
    },
    async (req, reply) => reply.status(201).send(await proposals.sendProposal(req.params.id, req.body, currentUser(req), deps)),
  );
  app.get(
    "/api/me/proposals",
    { schema: { tags: proposalTags, summary: "Proposals I sent or received", response: { 200: ProposalList } } },
    async (req) => ({ items: await proposals.listMyProposals(currentUser(req), deps) }),
  );
  app.post(
    "/api/proposals/:id/accept",
    {
      schema: {
        tags: proposalTags,
        summary: "Accept a proposal (mentor)",
        params: ProposalParams,
        body: Empty,
        response: { 200: Proposal },
      },
    },
    async (req) => proposals.acceptProposal(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/proposals/:id/decline",
    {
      schema: {
        tags: proposalTags,
        summary: "Decline a proposal (mentor), with an optional reason",
        params: ProposalParams,
        body: DeclineBody,
        response: { 200: Proposal },
      },
    },
    async (req) => proposals.declineProposal(req.params.id, req.body.reason, currentUser(req), deps),
  );
  app.post(
    "/api/proposals/:id/withdraw",
    {
      schema: {
        tags: proposalTags,
        summary: "Withdraw my proposal (mentee)",
        params: ProposalParams,
        body: Empty,
        response: { 200: Proposal },
      },
    },
    async (req) => proposals.withdrawProposal(req.params.id, currentUser(req), deps),
  );
};
