// /admin/*: loads the session (401 → /login), then the admin frame around the tab pages.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundContent } from '../components/NotFoundPage';
import { AdminLayout } from './AdminLayout';
import { CalendarFeedPage } from './account/CalendarFeedPage';
import { NotificationSettingsPage } from './account/NotificationSettingsPage';
import { SecurityPage } from './account/SecurityPage';
import { ConsultationsPage } from './consultations/ConsultationsPage';
import { FollowupPage } from './followup/FollowupPage';
import { OutboxPage } from './outbox/OutboxPage';
import { ReportsPage } from './reports/ReportsPage';
import { SchedulePage } from './schedule/SchedulePage';
import { AdminSessionProvider, useAdminSession } from './session';
import { SettingsPage } from './settings/SettingsPage';
import { CreateUserPage, MergeUsersPage, UserRecordPage, UsersListPage } from './users';

function AdminPages() {
  const { t } = useTranslation();
  const { membership } = useAdminSession();
  if (!membership) {
    return (
      <Alert color="yellow" role="status">
        {t('admin.noMembership')}
      </Alert>
    );
  }
  return (
    // Keyed by organisation: switching organisation starts every page afresh.
    <Routes key={membership.organisationId}>
      <Route index element={<Navigate to="schedule" replace />} />
      <Route path="schedule/*" element={<SchedulePage />} />
      <Route path="follow-up" element={<FollowupPage />} />
      <Route path="users" element={<UsersListPage />} />
      <Route path="users/new" element={<CreateUserPage />} />
      <Route path="users/merge" element={<MergeUsersPage />} />
      <Route path="users/:userId" element={<UserRecordPage />} />
      <Route path="consultations" element={<ConsultationsPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="outbox" element={<OutboxPage />} />
      <Route path="account/notifications" element={<NotificationSettingsPage />} />
      <Route path="account/security" element={<SecurityPage />} />
      <Route path="account/calendar" element={<CalendarFeedPage />} />
      <Route path="*" element={<NotFoundContent />} />
    </Routes>
  );
}

export default function AdminRoutes() {
  return (
    <AdminSessionProvider>
      <AdminLayout>
        <AdminPages />
      </AdminLayout>
    </AdminSessionProvider>
  );
}
