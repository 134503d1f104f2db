-- P1/S10 performance (issue #8, found by the portal rush benchmark): confirming or releasing a hold looks it
-- up by its token hash, which scanned every appointment; the per-contact booking limit reads the last
-- hour's "created" entries, which scanned the whole history. Partial indexes keep both small.
CREATE INDEX "appointments_hold_token_idx" ON "appointments" ("hold_token_hash")
  WHERE "hold_token_hash" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "participants_hold_token_idx" ON "appointment_participants" ("hold_token_hash")
  WHERE "hold_token_hash" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "appointment_history_created_at_idx" ON "appointment_history" ("at")
  WHERE "action" = 'created';
