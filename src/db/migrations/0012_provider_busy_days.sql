-- S3 performance (issue #5): a 30-day slot search of 20 providers read ~10,000 appointments and merged them
-- with range_agg on every call (~25 ms). provider_busy_days keeps each provider's busy time per UTC day,
-- maintained by a trigger in the transaction of every change, so a search reads ~600 small rows.
-- Counted: booked individual appointments (state 'booked', capacity 1). The exclusion constraint keeps them
-- apart (0004), so adding a range on booking and removing it on cancellation or move is exact.
CREATE TABLE "provider_busy_days" (
	"provider_id" uuid NOT NULL,
	"day" date NOT NULL,
	"busy" "tstzmultirange" NOT NULL,
	"busy_minutes" text NOT NULL,
	CONSTRAINT "provider_busy_days_provider_id_day_pk" PRIMARY KEY("provider_id","day")
);
--> statement-breakpoint
ALTER TABLE "provider_busy_days" ADD CONSTRAINT "provider_busy_days_provider_id_staff_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- "start,end,start,end,…" in minutes since the epoch, in order, rounded outwards: what the slot search
-- parses (eight-digit integers: half the text of milliseconds, and small integers for JavaScript).
CREATE FUNCTION creneau_busy_minutes(periods tstzmultirange) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    floor(extract(epoch FROM lower(r)) / 60)::bigint || ',' || ceil(extract(epoch FROM upper(r)) / 60)::bigint,
    ',' ORDER BY lower(r)), '')
  FROM unnest(periods) AS r
$$;
--> statement-breakpoint
-- Adds `added` to and removes `removed` from one provider's day: one row, one statement, so that two
-- transactions touching the same day queue on its row and each applies its change to the other's result.
CREATE FUNCTION creneau_busy_day_change(provider uuid, busy_day date, added tstzrange, removed tstzrange)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  plus tstzmultirange := CASE WHEN added IS NULL THEN '{}'::tstzmultirange ELSE tstzmultirange(added) END;
  minus tstzmultirange := CASE WHEN removed IS NULL THEN '{}'::tstzmultirange ELSE tstzmultirange(removed) END;
BEGIN
  INSERT INTO provider_busy_days AS d (provider_id, day, busy, busy_minutes)
  VALUES (provider, busy_day, plus, creneau_busy_minutes(plus))
  ON CONFLICT (provider_id, day) DO UPDATE
    SET busy = (d.busy - minus) + plus, busy_minutes = creneau_busy_minutes((d.busy - minus) + plus);
END
$$;
--> statement-breakpoint
CREATE FUNCTION creneau_appointments_busy_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counts boolean := false;
  new_counts boolean := false;
  old_day date;
  new_day date;
  old_range tstzrange;
  new_range tstzrange;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'booked' AND OLD.capacity = 1 THEN
    old_counts := true;
    old_day := (OLD.busy_starts_at AT TIME ZONE 'UTC')::date;
    old_range := tstzrange(OLD.busy_starts_at, OLD.busy_ends_at, '[)');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'booked' AND NEW.capacity = 1 THEN
    new_counts := true;
    new_day := (NEW.busy_starts_at AT TIME ZONE 'UTC')::date;
    new_range := tstzrange(NEW.busy_starts_at, NEW.busy_ends_at, '[)');
  END IF;
  IF old_counts AND new_counts AND OLD.provider_id = NEW.provider_id AND old_day = new_day THEN
    IF old_range <> new_range THEN
      PERFORM creneau_busy_day_change(NEW.provider_id, new_day, new_range, old_range);
    END IF;
  -- Two rows: always in (provider, day) order, so that two opposite moves cannot deadlock.
  ELSIF old_counts AND new_counts AND (NEW.provider_id, new_day) < (OLD.provider_id, old_day) THEN
    PERFORM creneau_busy_day_change(NEW.provider_id, new_day, new_range, NULL);
    PERFORM creneau_busy_day_change(OLD.provider_id, old_day, NULL, old_range);
  ELSE
    IF old_counts THEN PERFORM creneau_busy_day_change(OLD.provider_id, old_day, NULL, old_range); END IF;
    IF new_counts THEN PERFORM creneau_busy_day_change(NEW.provider_id, new_day, new_range, NULL); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "appointments_busy_days"
  AFTER INSERT OR DELETE OR UPDATE OF "state", "capacity", "provider_id", "busy_starts_at", "busy_ends_at"
  ON "appointments" FOR EACH ROW EXECUTE FUNCTION creneau_appointments_busy_days();
--> statement-breakpoint
-- Rebuilds every provider's days from the appointments: after this migration, and after bulk loads that
-- ran with the trigger disabled (the benchmarks' seeding).
CREATE FUNCTION creneau_rebuild_busy_days() RETURNS void LANGUAGE sql AS $$
  DELETE FROM provider_busy_days;
  INSERT INTO provider_busy_days (provider_id, day, busy, busy_minutes)
  SELECT provider_id, day, busy, creneau_busy_minutes(busy)
  FROM (
    SELECT provider_id, (busy_starts_at AT TIME ZONE 'UTC')::date AS day,
           range_agg(tstzrange(busy_starts_at, busy_ends_at, '[)')) AS busy
    FROM appointments
    WHERE state = 'booked' AND capacity = 1
    GROUP BY 1, 2
  ) AS days;
$$;
--> statement-breakpoint
CREATE FUNCTION creneau_appointments_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM provider_busy_days;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "appointments_busy_days_truncate"
  AFTER TRUNCATE ON "appointments" FOR EACH STATEMENT EXECUTE FUNCTION creneau_appointments_truncated();
--> statement-breakpoint
SELECT creneau_rebuild_busy_days();
--> statement-breakpoint
-- Live holds are read apart from the days (an expired hold must never block): few rows, their own index.
CREATE INDEX "appointments_live_holds_idx" ON "appointments" ("provider_id", "busy_starts_at")
  INCLUDE ("busy_ends_at", "hold_expires_at", "capacity")
  WHERE "state" = 'held';
--> statement-breakpoint
-- Locks meeting a period: a lock's length has no bound, so the B-tree on (provider, start) read every earlier
-- lock of the provider; one on (provider, end) reads only those still running at the period's start.
CREATE INDEX "slot_locks_provider_end_idx" ON "slot_locks" ("provider_id", "ends_at") INCLUDE ("starts_at");
