import { Alert, Anchor, Button, Code, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent, type ReactNode } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { api, ApiError, data } from '../../api/client.ts'
import { ZONE_ROLES } from '../../api/types.ts'
import { useLogin, useMe, useSessionEnded } from '../../auth/session.ts'
import { IconInfo } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { errorMessage, formatWait, retryAfterSeconds } from '../../i18n/errorMessage.ts'
import { useT } from '../../i18n/I18nProvider.tsx'
import type { Translate } from '../../i18n/translate.ts'
import { CardPage } from '../../layout/CardPage.tsx'

const DEMO_EMAIL = 'korpschef.5373@demo.verbond.be'
const DEMO_PASSWORD = 'verbond-demo'
const DEMO_ADMIN = 'admin@demo.verbond.be'
const DEMO_EXAMPLE = 'dpo.5461@demo.verbond.be'
// The role codes are what goes into the address, in every language (rol.zonecode@demo.verbond.be).
const DEMO_ROLES = ZONE_ROLES

/** Only paths inside the app: `?next=//evil.example` must not send anyone elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

function loginErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') return t('error.INVALID_CREDENTIALS')
  if (error instanceof ApiError && error.code === 'TOO_MANY_LOGIN_ATTEMPTS') {
    const wait = retryAfterSeconds(error)
    return wait
      ? t('error.TOO_MANY_LOGIN_ATTEMPTS', { wait: formatWait(wait, t) })
      : t('error.TOO_MANY_LOGIN_ATTEMPTS.later')
  }
  return errorMessage(error, t)
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Shows the account and password inside the translated sentence as code, wherever the language puts them. */
function withCode(text: string, literals: string[]): ReactNode[] {
  // Longest first: `dpo.5461@…` is one literal, not the role `dpo` followed by text.
  const longestFirst = [...literals].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`(${longestFirst.map(escapeRegExp).join('|')})`)
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <Code key={i}>{part}</Code> : part))
}

function DemoNotice({ onFill }: { onFill: () => void }) {
  const t = useT()
  const health = useQuery({ queryKey: ['health'], queryFn: () => data(api.GET('/api/health')), staleTime: Infinity })
  if (!health.data?.demo) return null
  return (
    <Alert variant="light" color="gold" icon={<IconInfo />} title={t('login.demo.title')}>
      <Stack gap="xs">
        <Text fz="sm">
          {withCode(t('login.demo.body', { email: DEMO_EMAIL, password: DEMO_PASSWORD }), [DEMO_EMAIL, DEMO_PASSWORD])}
        </Text>
        <Text fz="sm">
          {withCode(
            t('login.demo.pattern', { roles: DEMO_ROLES.join(', '), example: DEMO_EXAMPLE, admin: DEMO_ADMIN }),
            [...DEMO_ROLES, DEMO_EXAMPLE, DEMO_ADMIN],
          )}
        </Text>
        <Anchor component="button" type="button" fz="sm" fw={600} onClick={onFill} c="gold.9" ta="left">
          {t('login.demo.fill')}
        </Anchor>
      </Stack>
    </Alert>
  )
}

export function LoginPage() {
  const t = useT()
  usePageTitle(t('login.pageTitle'))
  const me = useMe()
  const login = useLogin()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [touched, setTouched] = useState(false)
  const sessionEnded = useSessionEnded()

  if (me.data) return <Navigate to={next} replace />

  const emailError = touched && !email.trim() ? t('login.emailRequired') : undefined
  const passwordError = touched && !password ? t('login.passwordRequired') : undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!email.trim() || !password) return
    login.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) })
  }

  return (
    <CardPage title={t('login.heading')} intro={t('login.intro')}>
      {sessionEnded && (
        <Alert color="navy" variant="light" icon={<IconInfo />} title={t('session.ended.title')} role="alert">
          {t('session.ended.body')}
        </Alert>
      )}
      <DemoNotice
        onFill={() => {
          setEmail(DEMO_EMAIL)
          setPassword(DEMO_PASSWORD)
        }}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {login.isError && (
            <Alert color="red" variant="light" title={t('login.failed')} role="alert">
              {loginErrorText(login.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            withAsterisk={false}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          <Button type="submit" size="md" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </CardPage>
  )
}
