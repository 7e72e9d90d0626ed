import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DeclineBody,
  MentorSearchPage,
  MentorSearchQuery,
  Proposal,
  ProposalBody,
  ProposalList,
  ProposalParams,
} from "../../../contracts/pairs.ts";
import { ProgrammeIdParams } from "../../../contracts/programmes.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { acceptProposal } from "./accept-proposal.ts";
import { browseMentors } from "./browse-mentors.ts";
import { declineProposal } from "./decline-proposal.ts";
import { listMyProposals } from "./list-my-proposals.ts";
import { sendProposal } from "./send-proposal.ts";
import { withdrawProposal } from "./withdraw-proposal.ts";

const Empty = z.object({});

/** Self-service proposals: a mentee browses the programme's mentors and proposes; the mentor answers. */
export const proposalsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["proposals"];
  app.get(
    "/api/programmes/:id/mentors",
    {
      schema: {
        tags,
        summary: "Mentors for me, ranked by score, with filters",
        params: ProgrammeIdParams,
        querystring: MentorSearchQuery,
        response: { 200: MentorSearchPage },
      },
    },
    async (req) => browseMentors(req.params.id, req.query, currentUser(req), deps),
  );
  app.post(
    "/api/programmes/:id/proposals",
    {
      schema: {
        tags,
        summary: "Send a proposal to a mentor",
        params: ProgrammeIdParams,
        body: ProposalBody,
        response: { 201: Proposal },
      },
    },
    async (req, reply) => reply.status(201).send(await sendProposal(req.params.id, req.body, currentUser(req), deps)),
  );
  app.get(
    "/api/me/proposals",
    { schema: { tags, summary: "Proposals I sent or received", response: { 200: ProposalList } } },
    async (req) => ({ items: await listMyProposals(currentUser(req), deps) }),
  );
  app.post(
    "/api/proposals/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept a proposal (mentor)",
        params: ProposalParams,
        body: Empty,
        response: { 200: Proposal },
      },
    },
    async (req) => acceptProposal(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/proposals/:id/decline",
    {
      schema: {
        tags,
        summary: "Decline a proposal (mentor), with an optional reason",
        params: ProposalParams,
        body: DeclineBody,
        response: { 200: Proposal },
      },
    },
    async (req) => declineProposal(req.params.id, req.body.reason, currentUser(req), deps),
  );
  app.post(
    "/api/proposals/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw my proposal (mentee)",
        params: ProposalParams,
        body: Empty,
        response: { 200: Proposal },
      },
    },
    async (req) => withdrawProposal(req.params.id, currentUser(req), deps),
  );
};
