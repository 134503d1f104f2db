// SPEC S8: move an appointment to another free time, with the same guarantees as booking: the new time
// must be a slot staff may book (unless outside opening hours is chosen) and the database refuses overlaps.
import { eq } from 'drizzle-orm';
import type { StaffContext } from '../../context.ts';
import { appointmentHistory, appointments } from '../../db/schema.ts';
import { AppError, fieldError } from '../../errors.ts';
import {
  liveUserIds,
  notifyUsers,
  scheduleReminders,
  withdrawReminders,
} from '../../notifications/triggers.ts';
import { loadScope } from '../../users/visibility.ts';
import { listProviderIds, loadService } from '../calendars.ts';
import { busyWindow, clearExpiredHolds, isExclusionViolation } from '../occupy.ts';
import { findMatchingSlot } from '../slot-search.ts';
import { loadAppointment } from './load-appointment.ts';

export type MoveInput = {
  startsAt: Date;
  providerId?: string;
  locationId?: string | null;
  outsideOpeningHours?: boolean;
};

export async function moveAppointment(
  ctx: StaffContext,
  organisationId: string,
  appointmentId: string,
  input: MoveInput,
) {
  const scope = await loadScope(ctx.db, organisationId);
  const current = await loadAppointment(ctx.db, organisationId, appointmentId);
  if (current.state !== 'booked' || current.startsAt.getTime() < Date.now())
    throw new AppError('appointment_not_active');
  if (input.startsAt.getTime() < Date.now()) throw fieldError('startsAt', 'in_past');
  const providerId = input.providerId ?? current.providerId;
  await listProviderIds(ctx.db, organisationId, providerId);
  const service = await loadService(ctx.db, organisationId, current.serviceId);
  let locationId = input.locationId === undefined ? current.locationId : input.locationId;
  if (!input.outsideOpeningHours) {
    const slot = await findMatchingSlot(ctx.db, {
      organisation: scope.organisation,
      serviceId: service.id,
      providerId,
      locationId: locationId ?? undefined,
      startsAt: input.startsAt,
      audience: 'staff',
      ignoreAppointmentId: appointmentId,
    });
    if (!slot) throw new AppError('slot_unavailable', [{ path: 'startsAt', code: 'not_a_free_slot' }]);
    locationId ??= slot?.locationId ?? null;
  }
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(appointments)
      .where(eq(appointments.id, appointmentId))
      .for('update');
    if (locked?.state !== 'booked') throw new AppError('appointment_not_active');
    const window = busyWindow(service, input.startsAt);
    await clearExpiredHolds(tx, providerId, window.busyStartsAt, window.busyEndsAt);
    let moved: typeof locked | undefined;
    try {
      [moved] = await tx.transaction((savepoint) =>
        savepoint
          .update(appointments)
          .set({ startsAt: input.startsAt, ...window, providerId, locationId, sequence: locked.sequence + 1 })
          .where(eq(appointments.id, appointmentId))
          .returning(),
      );
    } catch (error) {
      if (isExclusionViolation(error)) throw new AppError('slot_unavailable');
      throw error;
    }
    await withdrawReminders(ctx.boss, tx, locked);
    await scheduleReminders(ctx.boss, tx, moved!);
    // S8: the user is told per their preferences (N2).
    await notifyUsers(ctx.boss, tx, {
      kind: 'appointment_moved',
      appointment: moved!,
      userIds: await liveUserIds(tx, appointmentId),
      key: `moved:${appointmentId}:${moved!.sequence}`,
    });
    await tx.insert(appointmentHistory).values({
      appointmentId,
      action: 'moved',
      actorStaffId: ctx.actor.staffId,
      details: {
        from: locked.startsAt.toISOString(),
        to: input.startsAt.toISOString(),
        ...(providerId !== locked.providerId
          ? { fromProviderId: locked.providerId, toProviderId: providerId }
          : {}),
      },
    });
    return moved!;
  });
}
