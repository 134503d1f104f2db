-- S4/S10: no double booking, ever. Two live rows (booked appointments or live holds) of one provider may not
-- have overlapping busy periods (appointment time plus the service's buffers). Cancelled rows are left out.
-- Expired holds are deleted in the same transaction before a booking touches their time, so they never block.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist (
    "provider_id" WITH =,
    tstzrange("busy_starts_at", "busy_ends_at", '[)') WITH &&
  ) WHERE ("state" <> 'cancelled');
--> statement-breakpoint
-- Slot search reads live rows of a provider over a period.
CREATE INDEX "appointments_live_busy_idx" ON "appointments" USING gist (
  "provider_id", tstzrange("busy_starts_at", "busy_ends_at", '[)')
) WHERE ("state" <> 'cancelled');
