// /admin/schedule/*: the provider's Week/Day schedule (S9) and, under /availability, the provider's
// opening hours, exceptions and absences (S2).
import './schedule.css';
import { Route, Routes } from 'react-router';
import { NotFoundContent } from '../../components/NotFoundPage';
import { AvailabilityPage } from './availability/AvailabilityPage';
import { ScheduleView } from './ScheduleView';

export function SchedulePage() {
  return (
    <Routes>
      <Route index element={<ScheduleView />} />
      <Route path="availability" element={<AvailabilityPage />} />
      <Route path="*" element={<NotFoundContent />} />
    </Routes>
  );
}
