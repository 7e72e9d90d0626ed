import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ListPeopleQuery, PeoplePage } from "../../../contracts/people.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { listPeople } from "./people.repository.ts";

export const peopleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/people",
    {
      schema: {
        tags: ["people"],
        summary: "The people directory, searchable and paginated",
        querystring: ListPeopleQuery,
        response: { 200: PeoplePage },
      },
    },
    async (req) => {
      const page = await listPeople(deps.database.db, req.query);
      return { ...page, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
};
