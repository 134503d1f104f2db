CREATE TABLE "portal_email_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal_account_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_email_verifications_purpose_check" CHECK ("portal_email_verifications"."purpose" in ('sign_up', 'email_change'))
);
--> statement-breakpoint
ALTER TABLE "portal_accounts" ADD COLUMN "source" text DEFAULT 'invitation' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_email_verifications" ADD CONSTRAINT "portal_email_verifications_portal_account_id_portal_accounts_id_fk" FOREIGN KEY ("portal_account_id") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_email_verifications" ADD CONSTRAINT "portal_email_verifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_email_verifications_token_key" ON "portal_email_verifications" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_email_verifications_account_idx" ON "portal_email_verifications" USING btree ("portal_account_id","created_at");--> statement-breakpoint
ALTER TABLE "portal_accounts" ADD CONSTRAINT "portal_accounts_source_check" CHECK ("portal_accounts"."source" in ('invitation', 'sign_up'));