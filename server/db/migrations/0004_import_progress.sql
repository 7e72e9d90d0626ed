-- Staged rows of earlier versions belong to imports whose apply can no longer finish: drop them, and say so on their import.
DELETE FROM "people_import_rows";--> statement-breakpoint
ALTER TABLE "people_import_rows" ADD COLUMN "seq" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "people_imports" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "people_imports" ADD COLUMN "progress" jsonb;--> statement-breakpoint
ALTER TABLE "people_imports" ADD COLUMN "failure" text;--> statement-breakpoint
UPDATE "people_imports" SET "status" = 'failed', "failure" = 'interrupted' WHERE "status" = 'applying';--> statement-breakpoint
-- Files kept as text move to bytes: plain UTF-8 here, gzipped UTF-8 from now on (the reader tells them apart).
UPDATE "people_imports" SET "file" = convert_to("content", 'UTF8') WHERE "content" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "people_imports" DROP COLUMN "content";--> statement-breakpoint
CREATE UNIQUE INDEX "people_import_rows_seq_key" ON "people_import_rows" USING btree ("import_id","seq");
