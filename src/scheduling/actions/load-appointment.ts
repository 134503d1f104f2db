// Loads an appointment of an organisation (the organisation check every appointment action starts with).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { appointments } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export async function loadAppointment(
  db: DbOrTx,
  organisationId: string,
  appointmentId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.organisationId, organisationId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || row.state === 'held') throw new AppError('not_found');
  return row;
}
