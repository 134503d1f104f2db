// What staff type in the users search box and the duplicate probes a new-record form sends, built from
// records sampled in the seeded data so that every query has realistic matches.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

export type SampledUser = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string | null;
  mobilePhone: string | null;
};

/** A deterministic pseudo-random generator (mulberry32), so two runs measure the same queries. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function stripAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/g, 'oe');
}

/** One plausible typing mistake: "Tremblay" → "Tremblai", "Gagnon" → "Gagon", "Côté" → "Cote". */
export function misspell(name: string, random: () => number): string {
  const plain = stripAccents(name);
  if (plain !== name && random() < 0.5) return plain;
  if (/ay$/i.test(plain)) return plain.replace(/y$/i, 'i');
  const at = 1 + Math.floor(random() * Math.max(1, plain.length - 2));
  const mistakes = [
    () => plain.slice(0, at) + plain.slice(at + 1),
    () => plain.slice(0, at) + plain[at] + plain.slice(at),
    () => plain.slice(0, at - 1) + (plain[at] ?? '') + plain[at - 1] + plain.slice(at + 1),
  ];
  return mistakes[Math.floor(random() * mistakes.length)]!();
}

/** "+15145550142" → "514 555 0142", "(514) 555-0142" or "514-555-0142", as typed. */
export function toNationalFormat(e164: string, random: () => number): string {
  const digits = e164.replace(/^\+1/, '');
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  const styles = [
    `${area} ${exchange} ${line}`,
    `(${area}) ${exchange}-${line}`,
    `${area}-${exchange}-${line}`,
  ];
  return styles[Math.floor(random() * styles.length)]!;
}

/** ~`count` records spread over the whole table (Bernoulli sampling, repeatable). */
export async function sampleUsers(db: Db, accountId: string, count: number, total: number) {
  const percent = Math.min(100, (100 * count * 1.5) / total);
  const result = await db.execute(sql`
    SELECT id, first_name AS "firstName", last_name AS "lastName", birth_date::text AS "birthDate",
           email, mobile_phone AS "mobilePhone"
    FROM users TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (42)
    WHERE account_id = ${accountId} AND merged_into_id IS NULL
    ORDER BY id
    LIMIT ${count}`);
  return (result as unknown as { rows: SampledUser[] }).rows;
}

export type SearchKind =
  | 'name, 3 letters'
  | 'name, partial'
  | 'name, two terms'
  | 'phone'
  | 'e-mail'
  | 'birth date';

/** Per kind, the queries to type: the ones of issue #4 first, then some built from sampled records. */
export function buildSearchQueries(sample: SampledUser[], perKind: number, random: () => number) {
  // Typed as in the record, without the accents: "st-pierre", "d'amours".
  const lower = (value: string) => stripAccents(value).toLowerCase();
  const withEmail = sample.filter((user) => user.email);
  const withMobile = sample.filter((user) => user.mobilePhone);
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const queries: Record<SearchKind, string[]> = {
    'name, 3 letters': ['elo'],
    'name, partial': ['trembl'],
    'name, two terms': ['gagnon mar'],
    phone: ['514 555 0142'],
    'e-mail': [],
    'birth date': ['1975-03-02'],
  };
  for (let i = 0; queries['e-mail'].length < perKind; i++) {
    const user = pick(sample, i);
    const [local, domain] = pick(withEmail, i).email!.split('@') as [string, string];
    const extend = (kind: SearchKind, query: string) => {
      if (queries[kind].length < perKind) queries[kind].push(query);
    };
    extend('name, 3 letters', lower(user.firstName).slice(0, 3));
    extend('name, partial', lower(user.lastName).slice(0, 3 + Math.floor(random() * 4)));
    extend('name, two terms', `${lower(user.lastName)} ${lower(user.firstName).slice(0, 3)}`);
    extend('phone', toNationalFormat(pick(withMobile, i).mobilePhone!, random));
    extend('e-mail', `${local}@${domain.slice(0, Math.floor(random() * 4))}`);
    const [year, month, day] = user.birthDate.split('-');
    extend('birth date', random() < 0.7 ? user.birthDate : `${day}/${month}/${year}`);
  }
  return queries;
}

export type ProbeKind = 'typo + birth date' | 'typo + mobile' | 'typo + birth date + mobile' | 'same e-mail';
export type Probe = {
  kind: ProbeKind;
  expectedId: string;
  firstName: string;
  lastName: string;
  birthDate?: string;
  mobilePhone?: string;
  email?: string;
};

/**
 * Probes as a new-record form sends them: a sampled person typed again with accents lost and a typo
 * ("Éloïse Tremblay" → "Eloise Tremblai"), plus a birth date and/or the mobile of the record.
 */
export function buildProbes(sample: SampledUser[], perKind: number, random: () => number): Probe[] {
  const probes: Probe[] = [];
  const count = (kind: ProbeKind) => probes.filter((probe) => probe.kind === kind).length;
  for (const user of sample) {
    const base = {
      expectedId: user.id,
      firstName: stripAccents(user.firstName),
      lastName: misspell(user.lastName, random),
    };
    const candidates: Probe[] = [{ ...base, kind: 'typo + birth date', birthDate: user.birthDate }];
    if (user.mobilePhone) {
      candidates.push({ ...base, kind: 'typo + mobile', mobilePhone: user.mobilePhone });
      candidates.push({
        ...base,
        kind: 'typo + birth date + mobile',
        birthDate: user.birthDate,
        mobilePhone: user.mobilePhone,
      });
    }
    if (user.email)
      candidates.push({ ...base, kind: 'same e-mail', lastName: user.lastName, email: user.email });
    for (const probe of candidates) if (count(probe.kind) < perKind) probes.push(probe);
  }
  return probes;
}
