-- S3 performance (issue #5): the slot search reads live group sessions (capacity > 1) apart from individual
-- bookings; they are few, and without their own index PostgreSQL rechecked every live booking's heap row.
CREATE INDEX "appointments_live_group_idx" ON "appointments" ("provider_id", "busy_starts_at")
  WHERE ("state" <> 'cancelled' AND "capacity" > 1);
