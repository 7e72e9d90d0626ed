-- Staged rows of earlier versions belong to imports whose apply can no longer finish: drop them, and say so on their import.
DELETE FROM "people_import_rows";--> statement-breakpoint
ALTER TABLE "people_import_rows" ADD COLUMN "seq" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "people_imports" ADD COLUMN "progress" jsonb;--> statement-breakpoint
ALTER TABLE "people_imports" ADD COLUMN "failure" text;--> statement-breakpoint
UPDATE "people_imports" SET "status" = 'failed', "failure" = 'interrupted' WHERE "status" = 'applying';--> statement-breakpoint
CREATE UNIQUE INDEX "people_import_rows_seq_key" ON "people_import_rows" USING btree ("import_id","seq");
