/**
 * Routes. Every page is its own lazy chunk, and so is the ProLayout shell, so the sign-in page loads without the
 * admin frame and a user only downloads the pages they open.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireRole, RequireSession } from './auth-guard';
import { PageLoading, RouteError } from './page-states';

const NotFoundPage = lazy(() => import('./status-pages').then((m) => ({ default: m.NotFoundPage })));
const AppShell = lazy(() => import('./shell').then((m) => ({ default: m.AppShell })));
const LoginPage = lazy(() => import('../features/auth/login-page').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const OrgPage = lazy(() => import('../features/org/org-page').then((m) => ({ default: m.OrgPage })));
const UsersPage = lazy(() => import('../features/users/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const EscalationsPage = lazy(() => import('../features/escalations/escalations-page').then((m) => ({ default: m.EscalationsPage })));
const SourcePoliciesPage = lazy(() =>
  import('../features/source-policies/source-policies-page').then((m) => ({ default: m.SourcePoliciesPage })),
);
const CalendarPage = lazy(() => import('../features/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })));
const TasksPage = lazy(() => import('../features/tasks/tasks-page').then((m) => ({ default: m.TasksPage })));
const TaskCreatePage = lazy(() => import('../features/tasks/task-create-page').then((m) => ({ default: m.TaskCreatePage })));
const TaskDetailPage = lazy(() => import('../features/tasks/task-detail-page').then((m) => ({ default: m.TaskDetailPage })));
const RoadmapPage = lazy(() => import('../features/roadmap/roadmap-page').then((m) => ({ default: m.RoadmapPage })));
const CockpitPage = lazy(() => import('../features/cockpit/cockpit-page').then((m) => ({ default: m.CockpitPage })));
const LedgerPage = lazy(() => import('../features/ledger/ledger-page').then((m) => ({ default: m.LedgerPage })));
const NotificationsPage = lazy(() =>
  import('../features/notifications/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const DeliveryAdminPage = lazy(() =>
  import('../features/notifications/delivery-admin-page').then((m) => ({ default: m.DeliveryAdminPage })),
);
const MeetingsPage = lazy(() => import('../features/meetings/meetings-page').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('../features/meetings/meeting-page').then((m) => ({ default: m.MeetingPage })));
const ExpertsPage = lazy(() => import('../features/meetings/experts-page').then((m) => ({ default: m.ExpertsPage })));
const SettingsPage = lazy(() => import('../features/auth/settings-page').then((m) => ({ default: m.SettingsPage })));
const TodoPage = lazy(() => import('../features/todo/todo-page').then((m) => ({ default: m.TodoPage })));
const MyInstructionsPage = lazy(() =>
  import('../features/instructions/my-instructions-page').then((m) => ({ default: m.MyInstructionsPage })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** The browser router of the SPA (history API; the server falls back to index.html for these paths). */
export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Loading>
        <LoginPage />
      </Loading>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <Loading>
          <AppShell />
        </Loading>
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'cockpit', element: <CockpitPage /> },
      { path: 'tasks', element: <TasksPage /> },
      {
        path: 'tasks/new',
        element: (
          <RequireRole roles={['supervisor']}>
            <TaskCreatePage />
          </RequireRole>
        ),
      },
      { path: 'tasks/:id', element: <TaskDetailPage /> },
      {
        path: 'roadmap',
        element: (
          <RequireRole roles={['supervisor', 'government_leader']}>
            <RoadmapPage />
          </RequireRole>
        ),
      },
      { path: 'ledger', element: <LedgerPage /> },
      {
        path: 'escalations',
        element: (
          <RequireRole roles={['supervisor', 'government_leader']}>
            <EscalationsPage />
          </RequireRole>
        ),
      },
      { path: 'notifications', element: <NotificationsPage /> },
      {
        path: 'admin/notifications',
        element: (
          <RequireRole roles={['system_admin', 'unit_leader']}>
            <DeliveryAdminPage />
          </RequireRole>
        ),
      },
      { path: 'org', element: <OrgPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={['security_admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/source-policies',
        element: (
          <RequireRole roles={['system_admin', 'supervisor']}>
            <SourcePoliciesPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={['audit_admin']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'instructions',
        element: (
          <RequireRole roles={['government_leader']}>
            <MyInstructionsPage />
          </RequireRole>
        ),
      },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'meetings/:id/decisions/:decisionId', element: <MeetingPage /> },
      { path: 'experts', element: <ExpertsPage /> },
      { path: 'todo', element: <TodoPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
