import { AppShell, Burger, Container, Group } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Suspense } from 'react'
import { Link, Outlet } from 'react-router'
import { AssociationProvider } from '../auth/AssociationContext.tsx'
import { LoadingState } from '../components/QueryState.tsx'
import { useT } from '../i18n/I18nProvider.tsx'
import { AppNavbar } from './AppNavbar.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Logo } from './Logo.tsx'
import { UserMenu } from './UserMenu.tsx'

/** The frame of every signed-in page: header, navbar (a drawer on phones), and the page in <main>. */
export function AppLayout() {
  const t = useT()
  const [opened, { toggle, close }] = useDisclosure(false)

  return (
    <AssociationProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', md: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Link to="/" aria-label={t('app.logo')} className="logo-link">
                <Logo tagline={t('app.tagline')} />
              </Link>
            </Group>
            <Group gap="md" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="md" aria-label={t('nav.main')}>
          {/* On phones the navbar covers the page: close it once a link has been followed. */}
          <AppNavbar onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
          <Container size="xl" px={0}>
            <Suspense fallback={<LoadingState rows={6} />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </AssociationProvider>
  )
}
