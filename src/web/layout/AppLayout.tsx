import { AppShell, Burger, Container, Group } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Suspense, type ReactNode } from 'react'
import { Link, Outlet, useLocation } from 'react-router'
import { AssociationProvider } from '../auth/AssociationContext.tsx'
import { ErrorBoundary, PageError } from '../components/ErrorBoundary.tsx'
import { LoadingState } from '../components/QueryState.tsx'
import { useT } from '../i18n/I18nProvider.tsx'
import { AppNavbar } from './AppNavbar.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Logo } from './Logo.tsx'
import { UserMenu } from './UserMenu.tsx'
import { LiveAlert } from '../features/assistance/LiveAlert.tsx' // web (issue 9)

interface FrameProps {
  /** Right of the language switch: who is signed in and the way out. */
  account: ReactNode
  /** The navigation; without it (no user known yet) there is no navbar and no burger. */
  navbar?: (close: () => void) => ReactNode
  children: ReactNode
}

/** Header, navbar (a drawer on phones) and <main>: the frame of every signed-in page. */
export function AppFrame({ account, navbar, children }: FrameProps) {
  const t = useT()
  const [opened, { toggle, close }] = useDisclosure(false)

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={navbar && { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', md: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {navbar && (
                <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              )}
              <Link to="/" aria-label={t('app.logo')} className="logo-link">
                <Logo tagline={t('app.tagline')} />
              </Link>
            </Group>
            <Group gap="md" wrap="nowrap">
              <LanguageSwitch />
              {account}
            </Group>
          </Group>
        </AppShell.Header>
        {navbar && (
          <AppShell.Navbar p="md" aria-label={t('nav.main')}>
            {/* On phones the navbar covers the page: close it once a link has been followed. */}
            {navbar(close)}
          </AppShell.Navbar>
        )}
        <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
          <Container size="xl" px={0}>
            {children}
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  )
}

/** The signed-in app: a page that fails to render (or whose code cannot be loaded) keeps the frame around it. */
export function AppLayout() {
  const { pathname } = useLocation()
  return (
    <AssociationProvider>
      <AppFrame account={<UserMenu />} navbar={(close) => <AppNavbar onNavigate={close} />}>
        {/* web (issue 9): the live assistance alert, above every page */}
        <LiveAlert />
        <ErrorBoundary resetKey={pathname} fallback={(error) => <PageError error={error} />}>
          <Suspense fallback={<LoadingState rows={6} />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppFrame>
    </AssociationProvider>
  )
}
