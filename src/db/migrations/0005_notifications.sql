CREATE TABLE "staff_notification_settings" (
	"staff_id" uuid NOT NULL,
	"event" text NOT NULL,
	"email" boolean DEFAULT false NOT NULL,
	"sms" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_notification_settings_staff_id_event_pk" PRIMARY KEY("staff_id","event"),
	CONSTRAINT "staff_notification_settings_event_check" CHECK ("staff_notification_settings"."event" in ('appointment_created', 'appointment_cancelled', 'invited_to_meeting', 'invitee_declined'))
);
--> statement-breakpoint
CREATE TABLE "staff_outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body_text" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "status" SET DEFAULT 'sending';--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reminder_rules" jsonb DEFAULT '[{"type":"days_before_at","days":2,"time":"09:00"}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "cancellation_cutoff_minutes" integer DEFAULT 240 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "transport" text DEFAULT 'outbox' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "ics" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "ics_method" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "segments" integer;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_notification_settings" ADD CONSTRAINT "staff_notification_settings_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_outbox_messages" ADD CONSTRAINT "staff_outbox_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_outbox_messages" ADD CONSTRAINT "staff_outbox_messages_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_outbox_idempotency_key" ON "staff_outbox_messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "staff_outbox_org_idx" ON "staff_outbox_messages" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_user_idx" ON "outbox_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_provider_id_idx" ON "outbox_messages" USING btree ("provider_message_id");