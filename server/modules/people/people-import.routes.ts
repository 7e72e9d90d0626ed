import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CreateImportQuery,
  ImportIdParams,
  PeopleImport,
  PeopleImportList,
  type StoredImportRejection,
} from "../../../contracts/people.ts";
import { currentUser } from "../../platform/auth/auth-plugin.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import type { AppDeps } from "../../platform/http/deps.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import { getImport, type ImportView, listRecentImports, previewImport, requestApply } from "./people-import.service.ts";

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** A refused row as the API shows it: its reason in the reader's language. */
export function presentRejection(rejection: StoredImportRejection, locale: FastifyRequest["locale"]) {
  return {
    line: rejection.line,
    column: rejection.column,
    code: rejection.code,
    reason: translator(locale)(`import.rejection.${rejection.code}`, rejection.params ?? {}),
  };
}

function present(view: ImportView, request: FastifyRequest) {
  return { ...view, summary: { ...view.summary, rejected: view.summary.rejected.map((r) => presentRejection(r, request.locale)) } };
}

/** The HR file travels as the raw request body (text/csv or application/octet-stream): no multipart needed. */
const FileBody = z.instanceof(Buffer).meta({ description: "The CSV file's bytes (UTF-8 with or without BOM, UTF-16 or Windows-1252)" });

export const peopleImportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.addContentTypeParser(
    ["text/csv", "application/octet-stream", "application/vnd.ms-excel"],
    { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/api/people/imports",
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ["people"],
        summary: "Upload an HR file and preview its import (nothing is changed yet)",
        consumes: ["text/csv", "application/octet-stream", "application/vnd.ms-excel"],
        querystring: CreateImportQuery,
        body: FileBody,
        response: { 201: PeopleImport },
      },
    },
    async (req, reply) => {
      if (req.body.length === 0)
        throw new AppError("IMPORT_FILE_INVALID", {
          messageKey: "import.file.emptyFile",
          details: [{ path: "file", messageKey: "import.file.emptyFile" }],
        });
      const view = await previewImport(
        { fileName: req.query.fileName, bytes: req.body, isFullSync: req.query.fullSync },
        currentUser(req).id,
        deps,
      );
      return reply.status(201).send(present(view, req));
    },
  );

  app.post(
    "/api/people/imports/:id/apply",
    {
      schema: {
        tags: ["people"],
        summary: "Apply a previewed import: queued as a job, answered at once; poll GET …/imports/:id for progress",
        params: ImportIdParams,
        response: { 202: PeopleImport },
      },
    },
    // The import is claimed and its job queued (apply-import-job.ts); the web app polls the import's row for progress.
    async (req, reply) => reply.status(202).send(present(await requestApply(req.params.id, deps), req)),
  );

  app.get(
    "/api/people/imports",
    {
      schema: {
        tags: ["people"],
        summary: "The latest 20 imports, newest first, with their status and counts",
        response: { 200: PeopleImportList },
      },
    },
    async () => ({
      items: (await listRecentImports(deps)).map(({ summary: { rejected: _rejected, ...summary }, ...item }) => ({
        ...item,
        summary,
        createdAt: item.createdAt.toISOString(),
        appliedAt: item.appliedAt?.toISOString() ?? null,
      })),
    }),
  );

  app.get(
    "/api/people/imports/:id",
    {
      schema: {
        tags: ["people"],
        summary: "An import's status, summary and progress",
        params: ImportIdParams,
        response: { 200: PeopleImport },
      },
    },
    async (req) => present(await getImport(req.params.id, deps), req),
  );
};
