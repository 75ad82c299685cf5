import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { IconCalendar, IconCheck } from '../../components/icons.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCalendarFeeds, useCreateMyDutiesFeed, useRevokeFeed, type CalendarFeed } from './api.ts'

/** The URL just made: the one moment it is visible (the server keeps only its hash). */
function NewUrl({ url }: { url: string }) {
  const { t } = useI18n()
  return (
    <Alert variant="light" color="gold" title={t('calendars.newUrl.title')}>
      <Stack gap="sm">
        <Text fz="sm">{t('calendars.newUrl.body')}</Text>
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('calendars.newUrl.label')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1 }}
            data-testid="calendar-url"
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={14} /> : undefined}
                onClick={copy}
              >
                {copied ? t('calendars.copied') : t('calendars.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  )
}

function FeedRow({ feed }: { feed: CalendarFeed }) {
  const { t, f } = useI18n()
  const notify = useNotify()
  const revoke = useRevokeFeed()
  const name =
    feed.scope === 'person' ? t('calendars.scope.person') : (feed.rotationName ?? t('calendars.scope.rotation'))
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" component="li">
      <Stack gap={2}>
        <Text fw={600}>{feed.label ? `${name} (${feed.label})` : name}</Text>
        <Text fz="sm" c="dimmed">
          {t('calendars.created', { at: f.dateTime(feed.createdAt) })} ·{' '}
          {feed.lastUsedAt ? t('calendars.lastUsed', { at: f.dateTime(feed.lastUsedAt) }) : t('calendars.neverUsed')}
        </Text>
        {revoke.isError && (
          <Text fz="sm" c="red" role="alert">
            {errorMessage(revoke.error, t)}
          </Text>
        )}
      </Stack>
      <Button
        variant="default"
        color="red"
        size="sm"
        loading={revoke.isPending}
        aria-label={t('calendars.revokeNamed', { name })}
        onClick={() => revoke.mutate(feed.id, { onSuccess: () => notify.success(t('calendars.revoked')) })}
      >
        {t('calendars.revoke')}
      </Button>
    </Group>
  )
}

/** "Agenda-abonnement": make a secret URL for one's own duties, copy it once, revoke it. */
export function SubscriptionCard() {
  const { t } = useI18n()
  const feeds = useCalendarFeeds()
  const create = useCreateMyDutiesFeed()
  const [url, setUrl] = useState<string | null>(null)
  const hasMine = feeds.data?.items.some((feed) => feed.scope === 'person') ?? false
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="calendar-heading" maw={760}>
      <Stack gap="md">
        <Group gap="sm">
          <IconCalendar />
          <Title order={2} fz="lg" id="calendar-heading">
            {t('calendars.heading')}
          </Title>
        </Group>
        <Text fz="sm">{t('calendars.intro')}</Text>
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        {url && <NewUrl url={url} />}
        <Group>
          <Button
            className="button-wrap"
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (made) => setUrl(made.url) })}
          >
            {hasMine ? t('calendars.replace') : t('calendars.create')}
          </Button>
        </Group>
        {hasMine && (
          <Text fz="xs" c="dimmed">
            {t('calendars.replaceHint')}
          </Text>
        )}
        <QueryView query={feeds} loading={<LoadingState rows={2} height={40} />}>
          {(list) =>
            list.items.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('calendars.none')}
              </Text>
            ) : (
              <Stack
                component="ul"
                gap="md"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('calendars.active')}
              >
                {list.items.map((feed) => (
                  <FeedRow key={feed.id} feed={feed} />
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
    </Paper>
  )
}
