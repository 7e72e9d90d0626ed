import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CompleteModuleBody,
  ModuleIdParams,
  MyModuleProgress,
  MyOnboarding,
  OnboardingModuleList,
  ProgrammeIdParams,
  ProgrammeOnboarding,
} from "../../../contracts/onboarding.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import * as service from "./onboarding.service.ts";

/**
 * Onboarding: the preparation modules, my progress and reflections under /api/me (the URL carries
 * no one else's id to tamper with), and completion per person for a programme's managers.
 */
export const onboardingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/onboarding/modules",
    {
      schema: {
        tags: ["onboarding"],
        summary: "The onboarding modules for mentors and mentees, in French and English",
        response: { 200: OnboardingModuleList },
      },
    },
    async () => ({ items: service.listModules() }),
  );

  app.get(
    "/api/me/programmes/:id/onboarding",
    {
      schema: {
        tags: ["onboarding"],
        summary: "My onboarding in a programme I am enrolled in: my role's modules, the charter, where I stand",
        params: ProgrammeIdParams,
        response: { 200: MyOnboarding },
      },
    },
    async (req) => service.getMyOnboarding(currentUser(req).personId, req.params.id, deps),
  );

  app.post(
    "/api/me/programmes/:id/charter",
    {
      schema: {
        tags: ["onboarding"],
        summary: "Accept the charter of a programme I am enrolled in (again: no change)",
        params: ProgrammeIdParams,
        response: { 200: MyOnboarding },
      },
    },
    async (req) => service.acceptCharter(currentUser(req).personId, req.params.id, deps),
  );

  app.get(
    "/api/me/onboarding/modules/:moduleId",
    {
      schema: {
        tags: ["onboarding"],
        summary: "My reading of a module and my private reflections",
        params: ModuleIdParams,
        response: { 200: MyModuleProgress },
      },
    },
    async (req) => service.getMyModuleProgress(currentUser(req).personId, req.params.moduleId, deps),
  );

  app.post(
    "/api/me/onboarding/modules/:moduleId",
    {
      schema: {
        tags: ["onboarding"],
        summary: "Mark a module read, with my private reflections",
        params: ModuleIdParams,
        body: CompleteModuleBody,
        response: { 200: MyModuleProgress },
      },
    },
    async (req) => service.completeModule(currentUser(req).personId, req.params.moduleId, req.body.reflections, deps),
  );

  app.get(
    "/api/programmes/:id/onboarding",
    {
      schema: {
        tags: ["onboarding"],
        summary: "Onboarding completion per enrolled person of a programme (managers; never the reflections)",
        params: ProgrammeIdParams,
        response: { 200: ProgrammeOnboarding },
      },
    },
    async (req) => service.getProgrammeOnboarding(req.params.id, deps),
  );
};
