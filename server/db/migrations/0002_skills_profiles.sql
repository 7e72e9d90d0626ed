CREATE TABLE "profile_skills" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"skill_id" text NOT NULL,
	"level" smallint,
	"priority" smallint,
	CONSTRAINT "profile_skills_person_id_kind_skill_id_pk" PRIMARY KEY("person_id","kind","skill_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"format" text,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[],
	"mentor_capacity" smallint DEFAULT 1 NOT NULL,
	"hopes" text,
	"completeness" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessment_answers" (
	"assessment_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "self_assessment_answers_assessment_id_skill_id_pk" PRIMARY KEY("assessment_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"family" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"is_custom" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" text PRIMARY KEY NOT NULL,
	"category_id" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"synonyms_fr" text[] DEFAULT '{}'::text[] NOT NULL,
	"synonyms_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_label_fr" text,
	"custom_label_en" text,
	"custom_synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"digcomp" text[] DEFAULT '{}'::text[] NOT NULL,
	"entrecomp" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer NOT NULL,
	"is_custom" boolean DEFAULT false NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_person_id_profiles_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."profiles"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_answers" ADD CONSTRAINT "self_assessment_answers_assessment_id_self_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_answers" ADD CONSTRAINT "self_assessment_answers_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_category_id_skill_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."skill_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_skills_skill_idx" ON "profile_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "self_assessments_person_idx" ON "self_assessments" USING btree ("person_id","taken_at");--> statement-breakpoint
CREATE INDEX "skills_category_idx" ON "skills" USING btree ("category_id");