import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { RequireAuth } from './auth/RequireAuth.tsx'
import { useAccountLocaleSync } from './auth/session.ts'
import { LoadingState } from './components/QueryState.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import { LoginPage } from './features/login/LoginPage.tsx'
import { NotFoundPage } from './features/NotFoundPage.tsx'
import { PasswordChangeGate } from './features/accounts/PasswordChangeGate.tsx'
import { AvailabilityPage } from './features/availability/AvailabilityPage.tsx' // availability (issue 8)
import { DutiesPage } from './features/swaps/DutiesPage.tsx' // swaps (issue 8)

// Pages load on first visit: the dashboard's charts (recharts) stay out of the login page's bundle.
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
)
const AgreementsPage = lazy(() =>
  import('./features/agreements/AgreementsPage.tsx').then((m) => ({ default: m.AgreementsPage })),
)
const AgreementPage = lazy(() =>
  import('./features/agreements/AgreementPage.tsx').then((m) => ({ default: m.AgreementPage })),
)
const ZonesPage = lazy(() => import('./features/zones/ZonesPage.tsx').then((m) => ({ default: m.ZonesPage })))
const ZonePage = lazy(() => import('./features/zones/ZonePage.tsx').then((m) => ({ default: m.ZonePage })))
const PeoplePage = lazy(() => import('./features/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })))
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })))
const AccountsPage = lazy(() =>
  import('./features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
)
// calendars (issue 8)
const CalendarsPage = lazy(() =>
  import('./features/calendars/CalendarsPage.tsx').then((m) => ({ default: m.CalendarsPage })),
)
// fairness (issue 8)
const FairnessPage = lazy(() =>
  import('./features/fairness/FairnessPage.tsx').then((m) => ({ default: m.FairnessPage })),
)
// board (issue 8)
const BoardPage = lazy(() => import('./features/board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })))
// planner (issue 8)
const RotationsPage = lazy(() =>
  import('./features/rotations/RotationsPage.tsx').then((m) => ({ default: m.RotationsPage })),
)
const RotationPage = lazy(() =>
  import('./features/rotations/RotationPage.tsx').then((m) => ({ default: m.RotationPage })),
)
const RotationNewPage = lazy(() =>
  import('./features/rotations/RotationFormPage.tsx').then((m) => ({ default: m.RotationNewPage })),
)
const RotationEditPage = lazy(() =>
  import('./features/rotations/RotationFormPage.tsx').then((m) => ({ default: m.RotationEditPage })),
)
// callouts (issue 8)
const CallOutsPage = lazy(() =>
  import('./features/callouts/CallOutsPage.tsx').then((m) => ({ default: m.CallOutsPage })),
)
const StatementPage = lazy(() =>
  import('./features/callouts/StatementPage.tsx').then((m) => ({ default: m.StatementPage })),
)
// web (issue 9): mutual assistance
const AssistancePage = lazy(() =>
  import('./features/assistance/AssistancePage.tsx').then((m) => ({ default: m.AssistancePage })),
)
const NewRequestPage = lazy(() =>
  import('./features/assistance/NewRequestPage.tsx').then((m) => ({ default: m.NewRequestPage })),
)
const AssistanceRequestPage = lazy(() =>
  import('./features/assistance/RequestPage.tsx').then((m) => ({ default: m.RequestPage })),
)
const AssistanceBalancesPage = lazy(() =>
  import('./features/assistance/BalancesPage.tsx').then((m) => ({ default: m.BalancesPage })),
)
const AssistanceStatementPage = lazy(() =>
  import('./features/assistance/AssistanceStatementPage.tsx').then((m) => ({ default: m.AssistanceStatementPage })),
)
const AssistanceSettingsPage = lazy(() =>
  import('./features/assistance/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
)
// assets (issue 10): the equipment catalogue, an asset, the availability timeline
const CataloguePage = lazy(() =>
  import('./features/equipment/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
)
const AssetPage = lazy(() => import('./features/equipment/AssetPage.tsx').then((m) => ({ default: m.AssetPage })))
const AssetNewPage = lazy(() =>
  import('./features/equipment/AssetNewPage.tsx').then((m) => ({ default: m.AssetNewPage })),
)
const TimelinePage = lazy(() =>
  import('./features/equipment/TimelinePage.tsx').then((m) => ({ default: m.TimelinePage })),
)
// investments (issue 10)
const InvestmentsPage = lazy(() =>
  import('./features/investments/InvestmentsPage.tsx').then((m) => ({ default: m.InvestmentsPage })),
)
const InvestmentNewPage = lazy(() =>
  import('./features/investments/InvestmentNewPage.tsx').then((m) => ({ default: m.InvestmentNewPage })),
)
const InvestmentPage = lazy(() =>
  import('./features/investments/InvestmentPage.tsx').then((m) => ({ default: m.InvestmentPage })),
)
// bookings (issue 10)
const BookingsPage = lazy(() =>
  import('./features/equipment/BookingsPage.tsx').then((m) => ({ default: m.BookingsPage })),
)
const BookingNewPage = lazy(() =>
  import('./features/equipment/BookingNewPage.tsx').then((m) => ({ default: m.BookingNewPage })),
)
const BookingPage = lazy(() => import('./features/equipment/BookingPage.tsx').then((m) => ({ default: m.BookingPage })))
const LoanTermsPage = lazy(() =>
  import('./features/equipment/LoanTermsPage.tsx').then((m) => ({ default: m.LoanTermsPage })),
)
// settlements (issue 10)
const InvestmentSettlementPage = lazy(() =>
  import('./features/investments/SettlementPage.tsx').then((m) => ({ default: m.SettlementPage })),
)
// training sessions (issue 11, train-sessions): the calendar, a new session, the course catalogue
const TrainingCalendarPage = lazy(() =>
  import('./features/training/TrainingCalendarPage.tsx').then((m) => ({ default: m.TrainingCalendarPage })),
)
const SessionNewPage = lazy(() =>
  import('./features/training/SessionNewPage.tsx').then((m) => ({ default: m.SessionNewPage })),
)
const CoursesPage = lazy(() => import('./features/training/CoursesPage.tsx').then((m) => ({ default: m.CoursesPage })))
// training enrolments (issue 11, train-enrol)
const TrainingSessionPage = lazy(() =>
  import('./features/training/SessionPage.tsx').then((m) => ({ default: m.SessionPage })),
)
// train-compliance (issue 11): the zone's GPI 48 overview, a person's training (one's own, or another's)
const CompliancePage = lazy(() =>
  import('./features/training/CompliancePage.tsx').then((m) => ({ default: m.CompliancePage })),
)
const MyTrainingPage = lazy(() =>
  import('./features/training/MyTrainingPage.tsx').then((m) => ({ default: m.MyTrainingPage })),
)
const ChangePasswordPage = lazy(() =>
  import('./features/accounts/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
)

export function App() {
  useAccountLocaleSync()
  return (
    <Suspense fallback={<LoadingState />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* board (issue 8): the duty board in kiosk mode, without the app's frame */}
        <Route
          path="/board/kiosk"
          element={
            <RequireAuth>
              <PasswordChangeGate>
                <BoardPage kiosk />
              </PasswordChangeGate>
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <PasswordChangeGate>
                <AppLayout />
              </PasswordChangeGate>
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="agreements" element={<AgreementsPage />} />
          <Route path="agreements/:id" element={<AgreementPage />} />
          <Route path="zones" element={<ZonesPage />} />
          <Route path="zones/:code" element={<ZonePage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="calendars" element={<CalendarsPage />} />
          <Route path="availability" element={<AvailabilityPage />} /> {/* availability (issue 8) */}
          <Route path="fairness" element={<FairnessPage />} /> {/* fairness (issue 8) */}
          <Route path="board" element={<BoardPage />} /> {/* board (issue 8) */}
          {/* planner (issue 8) */}
          <Route path="rotations" element={<RotationsPage />} />
          <Route path="rotations/new" element={<RotationNewPage />} />
          <Route path="rotations/:id" element={<RotationPage />} />
          <Route path="rotations/:id/edit" element={<RotationEditPage />} />
          <Route path="duties" element={<DutiesPage />} /> {/* swaps (issue 8) */}
          {/* callouts (issue 8) */}
          <Route path="callouts" element={<CallOutsPage />} />
          <Route path="callouts/statement" element={<StatementPage />} />
          {/* web (issue 9): mutual assistance (fixed paths before :id) */}
          <Route path="assistance" element={<AssistancePage />} />
          <Route path="assistance/new" element={<NewRequestPage />} />
          <Route path="assistance/balances" element={<AssistanceBalancesPage />} />
          <Route path="assistance/statement" element={<AssistanceStatementPage />} />
          <Route path="assistance/settings" element={<AssistanceSettingsPage />} />
          <Route path="assistance/:id" element={<AssistanceRequestPage />} />
          {/* assets (issue 10): the equipment catalogue (fixed paths before :id) */}
          <Route path="equipment" element={<CataloguePage />} />
          <Route path="equipment/timeline" element={<TimelinePage />} />
          <Route path="equipment/assets/new" element={<AssetNewPage />} />
          <Route path="equipment/assets/:id" element={<AssetPage />} />
          {/* investments (issue 10) */}
          <Route path="investments" element={<InvestmentsPage />} />
          <Route path="investments/new" element={<InvestmentNewPage />} />
          <Route path="investments/:id" element={<InvestmentPage />} />
          {/* bookings (issue 10) */}
          <Route path="equipment/book" element={<BookingNewPage />} />
          <Route path="equipment/bookings" element={<BookingsPage />} />
          <Route path="equipment/bookings/:id" element={<BookingPage />} />
          <Route path="equipment/terms/:agreementId" element={<LoanTermsPage />} />
          <Route path="investments/settlement" element={<InvestmentSettlementPage />} /> {/* settlements (issue 10) */}
          {/* training sessions (issue 11, train-sessions): fixed paths before sessions/:id */}
          <Route path="training" element={<TrainingCalendarPage />} />
          <Route path="training/sessions/new" element={<SessionNewPage />} />
          <Route path="training/courses" element={<CoursesPage />} />
          {/* training enrolments (issue 11, train-enrol): a session's page */}
          <Route path="training/sessions/:id" element={<TrainingSessionPage />} />
          {/* train-compliance (issue 11) */}
          <Route path="training/compliance" element={<CompliancePage />} />
          <Route path="training/me" element={<MyTrainingPage />} />
          <Route path="training/people/:personId" element={<MyTrainingPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  )
}
