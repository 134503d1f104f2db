// Seeds user records server-side: one `INSERT … SELECT generate_series` per batch writes the users and
// their user_organisations links, with Québec/French names (skewed like real registers), birth dates
// 1930–2020, ~70 % mobiles in E.164, ~60 % e-mails. setseed() makes a re-seed produce the same rows.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../src/db/client.ts';
import { AREA_CODES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from '../data/names.ts';
import type { Progress } from '../lib/progress.ts';

const BATCH_SIZE = 100_000;
/** Above 1, draws early (frequent) names more often: the first of 120 names gets ~2.5 % of the rows. */
const NAME_SKEW = 1.3;

function insertBatch(accountId: string, organisationId: string, from: number, to: number) {
  return sql`
    WITH lists AS (
      SELECT string_to_array(${FIRST_NAMES.join('|')}, '|') AS firsts,
             string_to_array(${LAST_NAMES.join('|')}, '|') AS lasts,
             string_to_array(${EMAIL_DOMAINS.join('|')}, '|') AS domains,
             string_to_array(${AREA_CODES.join('|')}, '|') AS areas
    ),
    drawn AS (
      SELECT l.firsts[1 + floor(cardinality(l.firsts) * power(random(), ${NAME_SKEW}::float8))::int] AS first_name,
             l.lasts[1 + floor(cardinality(l.lasts) * power(random(), ${NAME_SKEW}::float8))::int] AS last_name,
             l.domains[1 + floor(cardinality(l.domains) * power(random(), 2))::int] AS domain,
             l.areas[1 + floor(cardinality(l.areas) * power(random(), 2))::int] AS area,
             l.areas[1 + floor(cardinality(l.areas) * random())::int] AS other_area,
             random() AS has_email, random() AS has_mobile, random() AS has_other, random() AS email_style,
             random() AS language_draw, random() AS age_draw
      FROM generate_series(${from}::int, ${to}::int) AS n, lists l
    ),
    inserted AS (
      INSERT INTO users (account_id, first_name, last_name, birth_date, email, mobile_phone, other_phone,
                         language, created_at, updated_at)
      SELECT ${accountId}::uuid, first_name, last_name,
             date '1930-01-01' + floor(age_draw * (date '2020-12-31' - date '1930-01-01' + 1))::int,
             CASE WHEN has_email < 0.6 THEN
               regexp_replace(immutable_unaccent(lower(first_name)), '[^a-z]', '', 'g') || '.'
               || regexp_replace(immutable_unaccent(lower(last_name)), '[^a-z]', '', 'g')
               || CASE WHEN email_style < 0.1 THEN ''
                       WHEN email_style < 0.3 THEN to_char((1930 + floor(age_draw * 91)::int) % 100, 'FM00')
                       ELSE floor(random() * 1000)::int::text END
               || '@' || domain
             END,
             CASE WHEN has_mobile < 0.7 THEN
               '+1' || area || (200 + floor(random() * 800))::int || lpad(floor(random() * 10000)::int::text, 4, '0')
             END,
             CASE WHEN has_other < 0.15 THEN
               '+1' || other_area || (200 + floor(random() * 800))::int
               || lpad(floor(random() * 10000)::int::text, 4, '0')
             END,
             CASE WHEN language_draw < 0.8 THEN 'fr' ELSE 'en' END,
             now() - random() * interval '10 years', now()
      FROM drawn
      RETURNING id
    )
    INSERT INTO user_organisations (user_id, organisation_id)
    SELECT id, ${organisationId}::uuid FROM inserted`;
}

export async function seedUsers(
  tx: Tx,
  target: { accountId: string; organisationId: string; count: number },
  progress: Progress,
): Promise<void> {
  await tx.execute(sql`SELECT setseed(0.2024)`);
  progress.start('users', target.count);
  for (let from = 1; from <= target.count; from += BATCH_SIZE) {
    const to = Math.min(target.count, from + BATCH_SIZE - 1);
    await tx.execute(insertBatch(target.accountId, target.organisationId, from, to));
    progress.advance(to - from + 1);
  }
  progress.finish();
}
