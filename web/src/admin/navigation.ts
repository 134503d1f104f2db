// The admin tabs, in the order of the navbar. Each is a real link to its page.
import {
  IconCalendarWeek,
  IconChartBar,
  IconListCheck,
  IconMailForward,
  IconSettings,
  IconUsers,
  IconVideo,
} from '@tabler/icons-react';

export const NAV_ITEMS = [
  { path: 'schedule', labelKey: 'nav.schedule', icon: IconCalendarWeek },
  { path: 'follow-up', labelKey: 'nav.followUp', icon: IconListCheck },
  { path: 'users', labelKey: 'nav.users', icon: IconUsers },
  { path: 'consultations', labelKey: 'nav.consultations', icon: IconVideo },
  { path: 'reports', labelKey: 'nav.reports', icon: IconChartBar },
  { path: 'settings', labelKey: 'nav.settings', icon: IconSettings },
  { path: 'outbox', labelKey: 'nav.outbox', icon: IconMailForward },
] as const;
