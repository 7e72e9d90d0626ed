import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PairParams } from "../../../../contracts/pairs.ts";
import {
  ActionItem,
  ActionItemBody,
  ActionItemChangeBody,
  ActionItemList,
  ActionItemParams,
  ActionItemQuery,
  Journal,
  NotesSessionParams,
  Resource,
  ResourceBody,
  ResourceList,
  ResourceParams,
  SessionNotes,
  SessionNotesBody,
} from "../../../../contracts/session-notes.ts";
import { currentUser } from "../../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../../platform/http/deps.ts";
import { addActionItem, changeActionItem, deleteActionItem, listActionItems } from "./action-items.ts";
import { addResource, deleteResource, listResources } from "./pair-resources.ts";
import { getMyJournal, getSessionNotes, saveSessionNotes } from "./session-notes.ts";

const NoContent = z.null();

/**
 * What a pair writes around its sessions: each person's notes and learning journal, action items, the
 * pair's resources. For the pair's two people only: a manager gets 403, anyone else 404.
 */
export const notesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const tags = ["session notes"];
  app.get(
    "/api/sessions/:id/notes",
    {
      schema: {
        tags,
        summary: "My notes and journal for a session, and my partner's notes if shared",
        params: NotesSessionParams,
        response: { 200: SessionNotes },
      },
    },
    async (req) => getSessionNotes(req.params.id, currentUser(req), deps),
  );
  app.put(
    "/api/sessions/:id/notes",
    {
      schema: {
        tags,
        summary: "Write my notes and journal for a session that has begun",
        params: NotesSessionParams,
        body: SessionNotesBody,
        response: { 200: SessionNotes },
      },
    },
    async (req) => saveSessionNotes(req.params.id, req.body, currentUser(req), deps),
  );
  app.get(
    "/api/pairs/:id/journal",
    {
      schema: { tags, summary: "My learning journal in a pair, the latest session first", params: PairParams, response: { 200: Journal } },
    },
    async (req) => getMyJournal(req.params.id, currentUser(req), deps),
  );

  app.get(
    "/api/pairs/:id/action-items",
    {
      schema: {
        tags,
        summary: "The pair's action items (open=true: those not done yet)",
        params: PairParams,
        querystring: ActionItemQuery,
        response: { 200: ActionItemList },
      },
    },
    async (req) => listActionItems(req.params.id, req.query, currentUser(req), deps),
  );
  app.post(
    "/api/sessions/:id/action-items",
    {
      schema: {
        tags,
        summary: "Add an action item after a session, for me or my partner",
        params: NotesSessionParams,
        body: ActionItemBody,
        response: { 201: ActionItem },
      },
    },
    async (req, reply) => reply.status(201).send(await addActionItem(req.params.id, req.body, currentUser(req), deps)),
  );
  app.patch(
    "/api/action-items/:id",
    {
      schema: {
        tags,
        summary: "Change an action item: text, owner, due date, done",
        params: ActionItemParams,
        body: ActionItemChangeBody,
        response: { 200: ActionItem },
      },
    },
    async (req) => changeActionItem(req.params.id, req.body, currentUser(req), deps),
  );
  app.delete(
    "/api/action-items/:id",
    { schema: { tags, summary: "Delete an action item", params: ActionItemParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await deleteActionItem(req.params.id, currentUser(req), deps);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/pairs/:id/resources",
    { schema: { tags, summary: "The pair's resources (titled links)", params: PairParams, response: { 200: ResourceList } } },
    async (req) => listResources(req.params.id, currentUser(req), deps),
  );
  app.post(
    "/api/pairs/:id/resources",
    {
      schema: {
        tags,
        summary: "Add a resource to the pair's list (an http or https link)",
        params: PairParams,
        body: ResourceBody,
        response: { 201: Resource },
      },
    },
    async (req, reply) => reply.status(201).send(await addResource(req.params.id, req.body, currentUser(req), deps)),
  );
  app.delete(
    "/api/resources/:id",
    { schema: { tags, summary: "Remove a resource from the pair's list", params: ResourceParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await deleteResource(req.params.id, currentUser(req), deps);
      return reply.status(204).send(null);
    },
  );
};
