CREATE TABLE "people_import_rows" (
	"import_id" uuid NOT NULL,
	"employee_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"department" text,
	"site" text,
	"job_title" text,
	"manager_employee_id" text,
	"hire_year" integer,
	"experience_band" text,
	"languages" text[] NOT NULL,
	"time_zone" text NOT NULL,
	"is_active" boolean NOT NULL,
	CONSTRAINT "people_import_rows_import_id_employee_id_pk" PRIMARY KEY("import_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "people_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"content" text,
	"is_full_sync" boolean NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "experience_band" text;--> statement-breakpoint
ALTER TABLE "people_import_rows" ADD CONSTRAINT "people_import_rows_import_id_people_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."people_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_imports" ADD CONSTRAINT "people_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;