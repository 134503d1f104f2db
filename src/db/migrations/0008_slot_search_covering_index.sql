-- S3 performance (issue #5): the slot search reads the live bookings of a few providers over a period. A
-- B-tree on (provider, busy start) that carries every column the read needs answers it from the index alone;
-- the busy start is bounded below by the longest busy period, which this check makes a guarantee.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_busy_length_check"
  CHECK ("busy_ends_at" - "busy_starts_at" <= interval '32 hours');
--> statement-breakpoint
CREATE INDEX "appointments_live_provider_busy_idx" ON "appointments" ("provider_id", "busy_starts_at")
  INCLUDE ("busy_ends_at", "state", "hold_expires_at", "capacity", "id")
  WHERE ("state" <> 'cancelled');
--> statement-breakpoint
-- The GiST index of migration 0004 served the same read; the exclusion constraint keeps its own.
DROP INDEX IF EXISTS "appointments_live_busy_idx";
