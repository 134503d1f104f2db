// "Add to my calendar": saves the booking's iCalendar text as rendez-vous.ics, which phones and desktop
// calendars open directly.
export const ICS_FILE_NAME = 'rendez-vous.ics';

export function downloadIcs(ics: string): void {
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = ICS_FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the download has started by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
