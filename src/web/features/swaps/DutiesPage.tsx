// "Mijn diensten": my upcoming duties with "Afstaan" / "Ruilen", the requests I could take ("Overnemen", for a
// swap with one of my duties in return), my own requests and their state, and for a planner the requests and
// replacement needs to approve or assign, with the ranked candidates.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import {
  useApproveSwap,
  useAssignSwap,
  useCreateSwap,
  useMyDuties,
  useRejectSwap,
  useSwap,
  useSwaps,
  useTakeSwap,
  useWithdrawSwap,
  type SwapRequest,
  type SwapStatus,
} from './api.ts'

const STATUS_COLOR: Record<SwapStatus, string> = {
  open: 'blue',
  taken: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  expired: 'gray',
}

type Person = SwapRequest['requester']

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}

function List({ children }: { children: ReactNode }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  )
}

function Item({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={label}>
      <Stack gap={6}>{children}</Stack>
    </Paper>
  )
}

function usePeriod() {
  const { f } = useI18n()
  return (x: { from: string; until: string }) => `${f.dateTime(x.from)} – ${f.dateTime(x.until)}`
}

const nameOf = (p: Person) => `${p.firstName} ${p.lastName} (${p.zoneCode})`

/** What a request is: kind and state, rotation and period, who asks and who takes it. */
function RequestSummary({ r }: { r: SwapRequest }) {
  const { t } = useI18n()
  const period = usePeriod()
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Badge color={STATUS_COLOR[r.status]} variant="light">
          {t(`swaps.status.${r.status}`)}
        </Badge>
        <Badge color="gray" variant="outline">
          {t(`swaps.kind.${r.kind}`)}
        </Badge>
        <Text fw={600} fz="sm">
          {r.rotation.name}
        </Text>
      </Group>
      <Text fz="sm">{period(r)}</Text>
      <Text fz="sm" c="dimmed">
        {t('swaps.requester', { name: nameOf(r.requester) })}
        {r.taker ? ` · ${t('swaps.taker', { name: nameOf(r.taker) })}` : ''}
      </Text>
      {r.returnDuty && <Text fz="sm">{t('swaps.inReturn', { period: period(r.returnDuty) })}</Text>}
    </>
  )
}

function Failure({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, t)}
    </Alert>
  )
}

function MyDuties() {
  const { t } = useI18n()
  const period = usePeriod()
  const duties = useMyDuties()
  const create = useCreateSwap()
  const notify = useNotify()
  const offer = (dutyId: string, kind: 'give_away' | 'swap') =>
    create.mutate({ dutyId, kind }, { onSuccess: () => notify.success(t('swaps.offered')) })
  return (
    <Section id="my-duties" title={t('swaps.myDuties')}>
      <Failure error={create.error} />
      <QueryView query={duties} loading={<LoadingState rows={2} />}>
        {(data) =>
          data.items.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('swaps.noDuties')}
            </Text>
          ) : (
            <List>
              {data.items.map((d) => (
                <Item key={d.dutyId}>
                  <Text fw={600} fz="sm">
                    {d.rotation.name}
                  </Text>
                  <Text fz="sm">{period(d)}</Text>
                  {d.requestId ? (
                    <Badge variant="light">{t('swaps.onOffer')}</Badge>
                  ) : (
                    <Group gap="xs">
                      <Button size="xs" variant="light" onClick={() => offer(d.dutyId, 'give_away')}>
                        {t('swaps.giveAway')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => offer(d.dutyId, 'swap')}>
                        {t('swaps.swap')}
                      </Button>
                    </Group>
                  )}
                </Item>
              ))}
            </List>
          )
        }
      </QueryView>
    </Section>
  )
}

function TakeButton({ r, myDuties }: { r: SwapRequest; myDuties: { dutyId: string; label: string }[] }) {
  const { t } = useI18n()
  const take = useTakeSwap()
  const notify = useNotify()
  const [back, setBack] = useState<string | null>(null)
  return (
    <Stack gap="xs">
      <Failure error={take.error} />
      <Group gap="xs" align="flex-end" wrap="wrap">
        {r.kind === 'swap' && (
          <Select
            label={t('swaps.giveBack')}
            data={myDuties.map((d) => ({ value: d.dutyId, label: d.label }))}
            value={back}
            onChange={setBack}
            w={{ base: '100%', sm: 320 }}
          />
        )}
        <Button
          size="xs"
          disabled={r.kind === 'swap' && !back}
          loading={take.isPending}
          onClick={() =>
            take.mutate(
              { id: r.id, ...(back ? { returnDutyId: back } : {}) },
              { onSuccess: () => notify.success(t('swaps.takenDone')) },
            )
          }
        >
          {t('swaps.take')}
        </Button>
      </Group>
    </Stack>
  )
}

function Candidates({ r }: { r: SwapRequest }) {
  const { t, f } = useI18n()
  const detail = useSwap(r.id)
  const assign = useAssignSwap()
  const notify = useNotify()
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={600}>
        {t('swaps.candidates')}
      </Text>
      <Failure error={assign.error} />
      <QueryView query={detail} loading={<LoadingState rows={1} height={28} />}>
        {(d) =>
          d.candidates.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('swaps.noCandidates')}
            </Text>
          ) : (
            <Stack gap={4} component="ol" pl="md" m={0}>
              {d.candidates.slice(0, 8).map((c) => (
                <Group key={c.personId} component="li" gap="xs" justify="space-between" wrap="wrap">
                  <Text fz="sm">
                    {nameOf(c)} · {t('swaps.load', { hours: f.number(c.loadHours) })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('swaps.assignTo', { name: nameOf(c) })}
                    onClick={() =>
                      assign.mutate(
                        { id: r.id, personId: c.personId },
                        { onSuccess: () => notify.success(t('swaps.assigned')) },
                      )
                    }
                  >
                    {t('swaps.assign')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  )
}

function Decide({ r }: { r: SwapRequest }) {
  const { t } = useI18n()
  const approve = useApproveSwap()
  const reject = useRejectSwap()
  const notify = useNotify()
  return (
    <Stack gap="xs">
      <Failure error={approve.error ?? reject.error} />
      {r.canAssign && <Candidates r={r} />}
      <Group gap="xs">
        {r.canApprove && (
          <Button
            size="xs"
            color="green"
            loading={approve.isPending}
            onClick={() => approve.mutate(r.id, { onSuccess: () => notify.success(t('swaps.approvedDone')) })}
          >
            {t('swaps.approve')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          loading={reject.isPending}
          onClick={() => reject.mutate(r.id, { onSuccess: () => notify.success(t('swaps.rejectedDone')) })}
        >
          {t('swaps.reject')}
        </Button>
      </Group>
    </Stack>
  )
}

function Requests() {
  const { t } = useI18n()
  const period = usePeriod()
  const swaps = useSwaps()
  const duties = useMyDuties()
  const withdraw = useWithdrawSwap()
  const mine = (duties.data?.items ?? [])
    .filter((d) => !d.requestId)
    .map((d) => ({ dutyId: d.dutyId, label: `${d.rotation.name}: ${period(d)}` }))
  return (
    <QueryView query={swaps} loading={<LoadingState rows={3} />}>
      {(data) => {
        const offers = data.items.filter((r) => r.canTake)
        const own = data.items.filter((r) => r.mine)
        const decide = data.items.filter((r) => r.canApprove || r.canAssign)
        return (
          <>
            <Section id="offers" title={t('swaps.offers')}>
              {offers.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('swaps.noOffers')}
                </Text>
              ) : (
                <List>
                  {offers.map((r) => (
                    <Item key={r.id}>
                      <RequestSummary r={r} />
                      <TakeButton r={r} myDuties={mine} />
                    </Item>
                  ))}
                </List>
              )}
            </Section>
            <Section id="mine" title={t('swaps.myRequests')}>
              <Failure error={withdraw.error} />
              {own.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('swaps.noRequests')}
                </Text>
              ) : (
                <List>
                  {own.map((r) => (
                    <Item key={r.id}>
                      <RequestSummary r={r} />
                      {r.canWithdraw && (
                        <Group>
                          <Button size="xs" variant="default" onClick={() => withdraw.mutate(r.id)}>
                            {t('swaps.withdraw')}
                          </Button>
                        </Group>
                      )}
                    </Item>
                  ))}
                </List>
              )}
            </Section>
            {decide.length > 0 && (
              <Section id="approvals" title={t('swaps.toDecide')}>
                <List>
                  {decide.map((r) => (
                    <Item key={r.id}>
                      <RequestSummary r={r} />
                      <Decide r={r} />
                    </Item>
                  ))}
                </List>
              </Section>
            )}
          </>
        )
      }}
    </QueryView>
  )
}

export function DutiesPage() {
  const { t } = useI18n()
  usePageTitle(t('swaps.title'))
  return (
    <>
      <PageHeader title={t('swaps.title')} description={t('swaps.description')} />
      <Stack gap="md">
        <MyDuties />
        <Requests />
      </Stack>
    </>
  )
}
