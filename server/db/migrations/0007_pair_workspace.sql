CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed_key" text,
	"term" text NOT NULL,
	"definition_fr" text NOT NULL,
	"definition_en" text NOT NULL,
	"example_fr" text DEFAULT '' NOT NULL,
	"example_en" text DEFAULT '' NOT NULL,
	"skill_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"search_text" text NOT NULL,
	"proposed_by_person_id" uuid,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_person_id" uuid,
	"status" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	"evidence_text" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"learner_role" text NOT NULL,
	"skill_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"template_id" text,
	"statement" text NOT NULL,
	"target" text NOT NULL,
	"due_on" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"created_by_person_id" uuid,
	"agreed_at" timestamp with time zone,
	"agreed_by_person_id" uuid,
	"achieved_at" timestamp with time zone,
	"signed_off_at" timestamp with time zone,
	"signed_off_by_person_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_on" text,
	"done_at" timestamp with time zone,
	"created_by_person_id" uuid,
	"reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"goal_id" uuid,
	"from_action_item_id" uuid,
	"author_person_id" uuid,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_quiet_reminders" (
	"pair_id" uuid PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"added_by_person_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"agenda_due_at" timestamp with time zone NOT NULL,
	"cancel_reason" text,
	"created_by_person_id" uuid,
	"status_by_person_id" uuid,
	"status_at" timestamp with time zone,
	"tomorrow_reminder_at" timestamp with time zone,
	"agenda_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_digests" (
	"programme_id" uuid NOT NULL,
	"week" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_notes" (
	"session_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"journal" text DEFAULT '' NOT NULL,
	"is_shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_notes_session_id_author_person_id_pk" PRIMARY KEY("session_id","author_person_id")
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "calendar" jsonb;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "agenda_deadline_hours" smallint DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_proposed_by_person_id_people_id_fk" FOREIGN KEY ("proposed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_updates" ADD CONSTRAINT "goal_updates_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_updates" ADD CONSTRAINT "goal_updates_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_agreed_by_person_id_people_id_fk" FOREIGN KEY ("agreed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_signed_off_by_person_id_people_id_fk" FOREIGN KEY ("signed_off_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_quiet_reminders" ADD CONSTRAINT "pair_quiet_reminders_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_resources" ADD CONSTRAINT "pair_resources_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_resources" ADD CONSTRAINT "pair_resources_added_by_person_id_people_id_fk" FOREIGN KEY ("added_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_sessions" ADD CONSTRAINT "pair_sessions_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_sessions" ADD CONSTRAINT "pair_sessions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_sessions" ADD CONSTRAINT "pair_sessions_status_by_person_id_people_id_fk" FOREIGN KEY ("status_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_digests" ADD CONSTRAINT "session_digests_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_terms_seed_key" ON "glossary_terms" USING btree ("seed_key");--> statement-breakpoint
CREATE INDEX "glossary_terms_status_idx" ON "glossary_terms" USING btree ("status","term");--> statement-breakpoint
CREATE INDEX "goal_updates_goal_idx" ON "goal_updates" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_pair_idx" ON "goals" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "action_items_pair_idx" ON "action_items" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "action_items_due_idx" ON "action_items" USING btree ("due_on") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "agenda_items_session_idx" ON "agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "pair_resources_pair_idx" ON "pair_resources" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "pair_sessions_pair_idx" ON "pair_sessions" USING btree ("pair_id","starts_at");--> statement-breakpoint
CREATE INDEX "pair_sessions_due_idx" ON "pair_sessions" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "pair_sessions_agenda_due_idx" ON "pair_sessions" USING btree ("status","agenda_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_digests_key" ON "session_digests" USING btree ("programme_id","week");