// The record a person gets when they first come through the portal (a guest booking, a sign-up): in the
// organisation's account, attached to the organisation, with a history entry saying where it came from.
import type { Tx } from '../db/client.ts';
import { type Language, type organisations, userHistory, userOrganisations, users } from '../db/schema.ts';

export async function createPortalRecord(
  tx: Tx,
  organisation: typeof organisations.$inferSelect,
  fields: {
    firstName: string;
    lastName: string;
    email: string | null;
    mobilePhone?: string | null;
    language: Language;
  },
  source: 'portal' | 'sign_up',
): Promise<string> {
  const [created] = await tx
    .insert(users)
    .values({ accountId: organisation.accountId, ...fields })
    .returning({ id: users.id });
  await tx.insert(userOrganisations).values({ userId: created!.id, organisationId: organisation.id });
  await tx
    .insert(userHistory)
    .values({ userId: created!.id, action: 'created', actorIsUser: true, details: { source } });
  return created!.id;
}
