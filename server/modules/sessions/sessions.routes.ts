import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Ok } from "../../../contracts/accounts.ts";
import { PairParams } from "../../../contracts/pairs.ts";
import {
  AgendaItem,
  AgendaItemBody,
  AgendaItemChangeBody,
  AgendaItemParams,
  CancelSessionBody,
  PairSession,
  PairSessionList,
  RescheduleSessionBody,
  ScheduleSessionBody,
  SessionDetail,
  SessionOutcomeBody,
  SessionParams,
  SessionProposals,
} from "../../../contracts/sessions.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { addAgendaItem, changeAgendaItem, removeAgendaItem } from "./agenda-items.ts";
import { cancelSession } from "./cancel-session.ts";
import { getSession } from "./get-session.ts";
import { listPairSessions } from "./list-pair-sessions.ts";
import { proposeSessions } from "./propose-sessions.ts";
import { recordOutcome } from "./record-outcome.ts";
import { rescheduleSession } from "./reschedule-session.ts";
import { scheduleSession } from "./schedule-session.ts";

/**
 * A pair's sessions and their agenda: the list (a fixed interface: managers get dates and statuses
 * only), scheduling with proposed times, moving, cancelling, held or missed, and the agenda's items.
 * Who may do what is decided by the use cases (pairAccess, sessions.domain.ts): docs/sessions.md.
 */
export const sessionsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["sessions"];
  app.get(
    "/api/pairs/:id/sessions",
    {
      schema: {
        tags,
        summary: "The pair's sessions in order of time (managers: dates and statuses only)",
        params: PairParams,
        response: { 200: PairSessionList },
      },
    },
    async (req) => listPairSessions(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/sessions",
    {
      schema: {
        tags,
        summary: "Schedule a session (either person of the pair); the partner gets the invitation",
        params: PairParams,
        body: ScheduleSessionBody,
        response: { 201: PairSession },
      },
    },
    async (req, reply) => reply.status(201).send(await scheduleSession(req.params.id, req.body, currentUser(req), deps)),
  );
  app.get(
    "/api/pairs/:id/session-proposals",
    {
      schema: {
        tags,
        summary: "Three proposed times for the next session, from the cadence and both people's availability",
        params: PairParams,
        response: { 200: SessionProposals },
      },
    },
    async (req) => proposeSessions(req.params.id, currentUser(req), deps),
  );
  app.get(
    "/api/sessions/:id",
    {
      schema: {
        tags,
        summary: "A session with its agenda, for one of its pair",
        params: SessionParams,
        response: { 200: SessionDetail },
      },
    },
    async (req) => getSession(req.params.id, currentUser(req), deps),
  );
  app.patch(
    "/api/sessions/:id",
    {
      schema: {
        tags,
        summary: "Move a scheduled session or change where it happens; the partner gets the updated invitation",
        params: SessionParams,
        body: RescheduleSessionBody,
        response: { 200: PairSession },
      },
    },
    async (req) => rescheduleSession(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/sessions/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a scheduled session with a reason; the partner's calendar drops it",
        params: SessionParams,
        body: CancelSessionBody,
        response: { 200: PairSession },
      },
    },
    async (req) => cancelSession(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/sessions/:id/outcome",
    {
      schema: {
        tags,
        summary: "Mark a session that has started as held or missed",
        params: SessionParams,
        body: SessionOutcomeBody,
        response: { 200: PairSession },
      },
    },
    async (req) => recordOutcome(req.params.id, req.body, currentUser(req), deps),
  );
  app.post(
    "/api/sessions/:id/agenda-items",
    {
      schema: {
        tags,
        summary: "Add an item to a scheduled session's agenda",
        params: SessionParams,
        body: AgendaItemBody,
        response: { 201: AgendaItem },
      },
    },
    async (req, reply) => reply.status(201).send(await addAgendaItem(req.params.id, req.body, currentUser(req), deps)),
  );
  app.patch(
    "/api/agenda-items/:id",
    {
      schema: {
        tags,
        summary: "Change an agenda item (its author, or the mentee)",
        params: AgendaItemParams,
        body: AgendaItemChangeBody,
        response: { 200: AgendaItem },
      },
    },
    async (req) => changeAgendaItem(req.params.id, req.body, currentUser(req), deps),
  );
  app.delete(
    "/api/agenda-items/:id",
    {
      schema: {
        tags,
        summary: "Remove an agenda item (its author, or the mentee)",
        params: AgendaItemParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeAgendaItem(req.params.id, currentUser(req), deps);
      return { ok: true as const };
    },
  );
};
