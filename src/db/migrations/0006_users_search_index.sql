DROP INDEX "users_sort_idx";--> statement-breakpoint
CREATE INDEX "users_sort_idx" ON "users" USING btree ("account_id","sort_name","id","search_name","merged_into_id");