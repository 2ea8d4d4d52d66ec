CREATE TABLE "revisions" (
	"name" text PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"sk_number" text,
	"sk_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_range_check" CHECK ("assignments"."end_date" IS NULL OR "assignments"."end_date" > "assignments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sk_number" text NOT NULL,
	"sk_date" date,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_range_check" CHECK ("delegations"."end_date" IS NULL OR "delegations"."end_date" > "delegations"."start_date")
);
--> statement-breakpoint
CREATE TABLE "employee_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"level" text NOT NULL,
	"institution" text NOT NULL,
	"major" text,
	"graduation_year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nip" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"title_prefix" text,
	"title_suffix" text,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place" text,
	"nik" text,
	"address" text,
	"phone" text,
	"email" text,
	"rank" text NOT NULL,
	"rank_tmt" date,
	"status" text DEFAULT 'active' NOT NULL,
	"education_level" text NOT NULL,
	"education_major" text,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid,
	"user_id" uuid,
	"tmt_cpns" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_nip_check" CHECK ("employees"."nip" ~ '^[0-9]{18}$'),
	CONSTRAINT "employees_nik_check" CHECK ("employees"."nik" IS NULL OR "employees"."nik" ~ '^[0-9]{16}$')
);
--> statement-breakpoint
CREATE TABLE "employee_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"note" text,
	CONSTRAINT "employee_leave_range_check" CHECK ("employee_leave"."end_date" >= "employee_leave"."start_date")
);
--> statement-breakpoint
CREATE TABLE "employee_ranks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"rank" text NOT NULL,
	"tmt" date NOT NULL,
	"sk_number" text,
	"sk_date" date
);
--> statement-breakpoint
CREATE TABLE "employee_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"institution" text,
	"hours" integer,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_education" ADD CONSTRAINT "employee_education_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_leave" ADD CONSTRAINT "employee_leave_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_ranks" ADD CONSTRAINT "employee_ranks_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_training" ADD CONSTRAINT "employee_training_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_employee_idx" ON "assignments" USING btree ("employee_id","start_date");--> statement-breakpoint
CREATE INDEX "assignments_position_idx" ON "assignments" USING btree ("position_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_open_position_idx" ON "assignments" USING btree ("position_id") WHERE "assignments"."end_date" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_open_employee_idx" ON "assignments" USING btree ("employee_id") WHERE "assignments"."end_date" IS NULL;--> statement-breakpoint
CREATE INDEX "delegations_position_idx" ON "delegations" USING btree ("position_id","start_date");--> statement-breakpoint
CREATE INDEX "delegations_employee_idx" ON "delegations" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "employee_education_employee_idx" ON "employee_education" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_nip_idx" ON "employees" USING btree ("nip");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_user_idx" ON "employees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "employees_agency_idx" ON "employees" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "employees_unit_idx" ON "employees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employee_leave_employee_idx" ON "employee_leave" USING btree ("employee_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "employee_ranks_employee_idx" ON "employee_ranks" USING btree ("employee_id","tmt");--> statement-breakpoint
CREATE INDEX "employee_training_employee_idx" ON "employee_training" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_external_idx" ON "positions" USING btree ("external_id") WHERE "positions"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "units_external_idx" ON "units" USING btree ("external_id") WHERE "units"."external_id" IS NOT NULL;