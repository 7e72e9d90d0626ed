import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  PersonDetail,
  PersonIdParams,
  Profile,
  ProfileBody,
  SelfAssessment,
  SelfAssessmentBody,
  SelfAssessmentList,
} from "../../../contracts/profiles.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import * as service from "./profiles.service.ts";

/** My profile and self-assessments live under /api/me: the URL carries no one else's id to tamper with. */
export const profilesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/me/profile",
    { schema: { tags: ["profiles"], summary: "My profile, with what it still lacks", response: { 200: Profile } } },
    async (req) => service.getMyProfile(currentUser(req).personId, deps),
  );

  app.put(
    "/api/me/profile",
    { schema: { tags: ["profiles"], summary: "Save my profile", body: ProfileBody, response: { 200: Profile } } },
    async (req) => service.saveMyProfile(currentUser(req).id, req.body, deps),
  );

  app.get(
    "/api/me/self-assessments",
    { schema: { tags: ["profiles"], summary: "My self-assessment snapshots, newest first", response: { 200: SelfAssessmentList } } },
    async (req) => ({ items: await service.listMySelfAssessments(currentUser(req).personId, deps) }),
  );

  app.post(
    "/api/me/self-assessments",
    {
      schema: {
        tags: ["profiles"],
        summary: "Save a dated self-assessment snapshot",
        body: SelfAssessmentBody,
        response: { 201: SelfAssessment },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addMySelfAssessment(currentUser(req).id, req.body.answers, deps)),
  );

  app.get(
    "/api/people/:id",
    {
      schema: {
        tags: ["people"],
        summary: "A person's directory entry and profile summary (HR)",
        params: PersonIdParams,
        response: { 200: PersonDetail },
      },
    },
    async (req) => service.getPersonDetail(req.params.id, deps),
  );
};
