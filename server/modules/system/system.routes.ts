import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/deps.ts";

export const systemRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/healthz",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["system"],
        summary:
          "200 once the database is migrated and answers (the embedded one lives in this process: migrated and open is enough, no query waits behind a long import), 503 otherwise",
        response: { 200: z.object({ status: z.literal("ok") }), 503: z.object({ status: z.literal("unavailable") }) },
      },
    },
    async (_req, reply) =>
      (await deps.database.isReady()) ? { status: "ok" as const } : reply.status(503).send({ status: "unavailable" as const }),
  );

  app.get("/api/openapi.json", { schema: { tags: ["system"], summary: "This API's OpenAPI 3 document" } }, async () => app.swagger());
};
