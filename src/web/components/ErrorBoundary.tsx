// The net under every page: an error while rendering shows a message and a way on instead of a white
// screen. React has no hook for this; a class component is its documented way.
import { Alert, Button, Center, Group, Stack, Text } from '@mantine/core'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useT } from '../i18n/I18nProvider.tsx'
import { isChunkLoadError } from './loadErrors.ts'

interface Props {
  /** Shown instead of the children after they failed to render. */
  fallback: (error: unknown) => ReactNode
  /** A new value (e.g. another page's address) renders the children again. */
  resetKey?: unknown
  children: ReactNode
}

interface State {
  failed: boolean
  error: unknown
  resetKey: unknown
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Following a link away from a broken page gives the next page its chance.
    return props.resetKey === state.resetKey ? null : { failed: false, error: null, resetKey: props.resetKey }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the browser console for whoever reports it; chunk failures are expected after an upgrade.
    if (!isChunkLoadError(error)) console.error('Verbond: a page failed to render', error, info.componentStack)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children
  }
}

const reload = (): void => window.location.reload()

/** What replaces a page that failed: a reload offer when its code is missing, else an apology and a way on. */
export function PageError({ error }: { error: unknown }) {
  const t = useT()
  const chunk = isChunkLoadError(error)
  return (
    <Alert
      color={chunk ? 'navy' : 'red'}
      variant="light"
      role="alert"
      title={chunk ? t('pageError.chunk.title') : t('pageError.crash.title')}
      w="100%"
    >
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{chunk ? t('pageError.chunk.body') : t('pageError.crash.body')}</Text>
        <Group gap="sm">
          <Button size="xs" onClick={reload}>
            {t('pageError.reload')}
          </Button>
          {!chunk && (
            <Button size="xs" variant="default" component={Link} to="/" reloadDocument>
              {t('common.backHome')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  )
}

/** The last net, around the whole app (the login page too): the same message, centred on an empty page. */
export function AppError({ error }: { error: unknown }) {
  return (
    <Center mih="100vh" p="md" maw={640} mx="auto">
      <PageError error={error} />
    </Center>
  )
}
