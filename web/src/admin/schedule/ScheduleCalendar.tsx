// S9: the Week/Day time grid (FullCalendar 7) in the organisation's time zone and the interface language.
// Themed for WCAG AA (schedule.css): dark text on light events, status and lock markers that do not rely
// on colour alone, and every scrolling area reachable from the keyboard.
import FullCalendar, { type CalendarRef, type EventDisplayInfo } from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import frLocale from '@fullcalendar/react/locales/fr';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './schedule.css';
import { VisuallyHidden } from '@mantine/core';
import { IconLock, IconVideo } from '@tabler/icons-react';
import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarEvent, type EventMeta, lockReason, overallStatus, placesTaken } from './scheduleEvents';

export type CalendarView = 'timeGridWeek' | 'timeGridDay';

type Props = {
  calendarRef: RefObject<CalendarRef | null>;
  events: CalendarEvent[];
  timeZone: string;
  initialView: CalendarView;
  initialDate?: string;
  hours: { min: string; max: string };
  /** Admins and agents may drag over a range to lock it. */
  canSelectRange: boolean;
  onRangeChange: (range: { start: Date; end: Date }, view: CalendarView) => void;
  onFreeTimeClick: (startsAt: string) => void;
  onRangeSelect: (range: { startsAt: string; endsAt: string }) => void;
  onEventClick: (meta: EventMeta) => void;
};

export default function ScheduleCalendar(props: Props) {
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  useKeyboardReachableScrollers(containerRef, t('schedule.calendar.scrollRegion'));

  return (
    <div ref={containerRef} className="creneau-calendar">
      <FullCalendar
        ref={props.calendarRef}
        plugins={[timeGridPlugin, interactionPlugin, classicThemePlugin]}
        initialView={props.initialView}
        initialDate={props.initialDate}
        timeZone={props.timeZone}
        locale={i18n.language === 'fr' ? frLocale : 'en'}
        firstDay={1}
        headingLevel={2}
        height="auto"
        allDaySlot={false}
        tableHeaderClass="creneau-table-header"
        nowIndicator
        slotDuration="00:15:00"
        slotHeaderInterval="01:00:00"
        slotMinTime={props.hours.min}
        slotMaxTime={props.hours.max}
        headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridWeek,timeGridDay' }}
        buttons={{
          today: { text: t('schedule.calendar.today') },
          timeGridWeek: { text: t('schedule.calendar.week') },
          timeGridDay: { text: t('schedule.calendar.day') },
        }}
        prevHint={(_text, unit) =>
          t(unit === 'day' ? 'schedule.calendar.previousDay' : 'schedule.calendar.previousWeek')
        }
        nextHint={(_text, unit) =>
          t(unit === 'day' ? 'schedule.calendar.nextDay' : 'schedule.calendar.nextWeek')
        }
        todayHint={(_text, unit) =>
          t(unit === 'day' ? 'schedule.calendar.currentDay' : 'schedule.calendar.currentWeek')
        }
        viewHint={(view) => t('schedule.calendar.viewHint', { view })}
        viewChangeHint={t('schedule.calendar.changeView')}
        navLinkHint={(date) => t('schedule.calendar.goTo', { date })}
        closeHint={t('common.close')}
        eventsHint={t('schedule.calendar.events')}
        noEventsText={t('schedule.calendar.noEvents')}
        events={props.events}
        eventInteractive
        selectable={props.canSelectRange}
        selectMirror
        selectMinDistance={8}
        unselectAuto
        datesSet={(info) =>
          props.onRangeChange({ start: info.start, end: info.end }, info.view.type as CalendarView)
        }
        dateClick={(info) => props.onFreeTimeClick(info.dateStr)}
        select={(info) => props.onRangeSelect({ startsAt: info.startStr, endsAt: info.endStr })}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          const meta = info.event.extendedProps.meta as EventMeta | undefined;
          if (meta) props.onEventClick(meta);
        }}
        eventDidMount={(info) => {
          const meta = info.event.extendedProps.meta as EventMeta | undefined;
          if (meta?.kind === 'appointment')
            info.el.style.setProperty('--creneau-service-color', meta.appointment.color);
        }}
        eventContent={(info) => <EventContent info={info} />}
        backgroundEventContent={(info) => <BackgroundContent info={info} />}
      />
    </div>
  );
}

function EventContent({ info }: { info: EventDisplayInfo }) {
  const { t } = useTranslation();
  // The mirror of a range being selected has no meta: it keeps FullCalendar's own content.
  const meta = info.event.extendedProps.meta as EventMeta | undefined;
  if (meta?.kind === 'lock') {
    return (
      <div className="creneau-event-body">
        <span className="creneau-event-line">
          <IconLock size={14} stroke={2.2} aria-hidden="true" className="creneau-lock-icon" />
          <strong>{t('schedule.locked')}</strong>
        </span>
        <span className="creneau-event-line">{info.timeText}</span>
        {meta.lock.reason && <span className="creneau-event-line">{lockReason(meta.lock.reason, t)}</span>}
      </div>
    );
  }
  if (meta?.kind !== 'appointment') return true;
  const { appointment } = meta;
  const status = overallStatus(appointment);
  const names = appointment.participants
    .filter((p) => p.status !== 'cancelled')
    .map((p) => p.name)
    .join(', ');
  return (
    <div className="creneau-event-body">
      <span className="creneau-event-line">
        <span className={`creneau-status-marker creneau-marker-${status}`} aria-hidden="true" />
        <VisuallyHidden>{t(`schedule.status.${status}`)} — </VisuallyHidden>
        <span>{info.timeText}</span>
      </span>
      <strong className="creneau-event-title">
        {appointment.meeting && (
          <>
            <IconVideo size={14} stroke={2.2} aria-hidden="true" className="creneau-meeting-icon" />
            <VisuallyHidden>{t('schedule.meeting.video')} — </VisuallyHidden>{' '}
          </>
        )}
        {info.event.title}
        {appointment.capacity > 1 && (
          <span className="creneau-places">
            {' '}
            <VisuallyHidden>{t('schedule.placesTaken')}</VisuallyHidden>
            {placesTaken(appointment)}/{appointment.capacity}
          </span>
        )}
      </strong>
      {names && <span className="creneau-event-line">{names}</span>}
    </div>
  );
}

function BackgroundContent({ info }: { info: EventDisplayInfo }) {
  const meta = info.event.extendedProps.meta as EventMeta | undefined;
  if (meta?.kind !== 'absence') return null;
  return <span className="creneau-absence-label">{info.event.title}</span>;
}

/**
 * FullCalendar's scrolling areas hold no focusable element, so keyboard users could not scroll them
 * (axe: scrollable-region-focusable). Each one that actually scrolls becomes a named, focusable region.
 */
function useKeyboardReachableScrollers(containerRef: RefObject<HTMLDivElement | null>, label: string) {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const update = () => {
      for (const element of container.querySelectorAll<HTMLElement>('*')) {
        const overflowsY = element.scrollHeight > element.clientHeight;
        const overflowsX = element.scrollWidth > element.clientWidth;
        const style = overflowsY || overflowsX ? getComputedStyle(element) : undefined;
        const scrolls = Boolean(
          style &&
            ((overflowsY && /(auto|scroll)/.test(style.overflowY)) ||
              (overflowsX && /(auto|scroll)/.test(style.overflowX))),
        );
        if (scrolls && !element.hasAttribute('tabindex')) {
          element.setAttribute('tabindex', '0');
          element.setAttribute('role', 'region');
          element.setAttribute('aria-label', label);
          element.dataset.creneauScroller = 'true';
        } else if (!scrolls && element.dataset.creneauScroller) {
          element.removeAttribute('tabindex');
          element.removeAttribute('role');
          element.removeAttribute('aria-label');
          delete element.dataset.creneauScroller;
        }
      }
    };
    // Coalesced into one pass per frame: FullCalendar re-renders often, and changing attributes inside a
    // ResizeObserver callback could start a resize loop.
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    update();
    const resize = new ResizeObserver(schedule);
    resize.observe(container);
    const mutations = new MutationObserver(schedule);
    mutations.observe(container, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
    };
  }, [containerRef, label]);
}
