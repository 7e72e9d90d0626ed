import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Ok } from "../../../contracts/accounts.ts";
import {
  Catalogue,
  CreateSkillBody,
  SelfAssessmentScale,
  Skill,
  SkillIdParams,
  SkillSearchQuery,
  SkillSuggestions,
  UpdateSkillBody,
} from "../../../contracts/skills.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import * as service from "./skills.service.ts";

export const skillsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/skills",
    {
      schema: {
        tags: ["skills"],
        summary: "The skills catalogue (both languages), archived skills included",
        response: { 200: Catalogue },
      },
    },
    async () => service.getCatalogue(deps),
  );

  app.get(
    "/api/skills/search",
    {
      schema: {
        tags: ["skills"],
        summary: "Skills matching free text (synonyms, accents and case ignored, FR and EN)",
        querystring: SkillSearchQuery,
        response: { 200: SkillSuggestions },
      },
    },
    async (req) => ({ items: await service.suggestSkills(req.query.q, req.query.limit, deps) }),
  );

  app.get(
    "/api/self-assessment/scale",
    {
      schema: {
        tags: ["skills"],
        summary: "The 0–4 self-assessment scale: each level's label, and its description for a digital and for a reverse skill",
        response: { 200: SelfAssessmentScale },
      },
    },
    async () => service.getSelfAssessmentScale(),
  );

  app.post(
    "/api/admin/skills",
    { schema: { tags: ["skills"], summary: "Add an organisation-specific skill", body: CreateSkillBody, response: { 201: Skill } } },
    async (req, reply) => reply.status(201).send(await service.createSkill(req.body, deps)),
  );

  app.patch(
    "/api/admin/skills/:id",
    {
      schema: {
        tags: ["skills"],
        summary: "Rename a skill, set its synonyms, archive or restore it",
        params: SkillIdParams,
        body: UpdateSkillBody,
        response: { 200: Skill },
      },
    },
    async (req) => service.updateSkill(req.params.id, req.body, deps),
  );

  app.delete(
    "/api/admin/skills/:id",
    {
      schema: {
        tags: ["skills"],
        summary: "Delete an unused organisation skill (others are archived)",
        params: SkillIdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await service.deleteSkill(req.params.id, deps);
      return { ok: true as const };
    },
  );
};
