// The routes of the web app: staff sign-in, the admin interface, the public portal.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage';
import { PageLoader } from './components/PageLoader';
import { SkipLink } from './components/SkipLink';

// The portal and the admin interface are loaded on demand: a patient on a phone never downloads the admin.
const LoginPage = lazy(() => import('./admin/LoginPage'));
const StaffForgotPasswordPage = lazy(() => import('./admin/ForgotPasswordPage'));
const StaffResetPasswordPage = lazy(() => import('./admin/ResetPasswordPage'));
const AdminRoutes = lazy(() => import('./admin/AdminRoutes'));
const PortalLandingPage = lazy(() => import('./portal/PortalLandingPage'));
const BookingPage = lazy(() => import('./portal/booking/BookingPage'));
const ConfirmationPage = lazy(() => import('./portal/booking/ConfirmationPage'));
const PortalSpacePage = lazy(() => import('./portal/space/PortalSpacePage'));
const InvitationPage = lazy(() => import('./portal/invitation/InvitationPage'));
const SignUpPage = lazy(() => import('./portal/account/SignUpPage'));
const VerifyEmailPage = lazy(() => import('./portal/account/VerifyEmailPage'));
const ForgotPasswordPage = lazy(() => import('./portal/account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./portal/account/ResetPasswordPage'));

export function App() {
  return (
    <>
      <SkipLink />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={<Navigate to="/admin" replace />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/forgot-password" element={<StaffForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<StaffResetPasswordPage />} />
          <Route path="/admin/*" element={<AdminRoutes />} />
          <Route path="/p/:slug" element={<PortalLandingPage />} />
          <Route path="/p/:slug/book" element={<BookingPage />} />
          <Route path="/p/:slug/confirmation" element={<ConfirmationPage />} />
          <Route path="/portal" element={<PortalSpacePage />} />
          <Route path="/portal/invitation/:token" element={<InvitationPage />} />
          <Route path="/p/:slug/sign-up" element={<SignUpPage />} />
          <Route path="/portal/verify/:token" element={<VerifyEmailPage />} />
          <Route path="/portal/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/portal/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
