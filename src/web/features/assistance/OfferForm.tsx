// A partner zone's offer: named people of the zone (picked from the people list; each one line of their rank) and/or
// capabilities with counts, and when they are expected on site.
import { Alert, Button, Group, MultiSelect, Paper, Stack, Switch, Textarea, Title } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { ApiError } from '../../api/client.ts'
import type { Person } from '../../api/types.ts'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { usePeople } from '../people/api.ts'
import { useCreateOffer, type OfferCreate, type RequestDetail } from './api.ts'
import { LinesField } from './LinesField.tsx'
import { asLines, instantOf, PERSON_CAPABILITIES, wallOf, type Line, type Wall } from './model.ts'
import { useAssistanceText } from './text.ts'

/** The capability a named person is offered as: their rank when it is one of the catalogue, else inspecteur. */
const capabilityOf = (person: Pick<Person, 'rank'>): string =>
  person.rank && PERSON_CAPABILITIES.has(person.rank) ? person.rank : 'inspecteur'

export function OfferForm({ request, zoneId }: { request: RequestDetail; zoneId: string }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const notify = useNotify()
  const offer = useCreateOffer(request.id)
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const people = usePeople({ zoneId, q: q.trim() || undefined, limit: 20 })
  const [picked, setPicked] = useState<Map<string, Person>>(new Map())
  const [withLines, setWithLines] = useState(false)
  const [lines, setLines] = useState<Line[]>(() => asLines(request.lines))
  const [arrival, setArrival] = useState<Wall>(() => wallOf(new Date(Date.now() + 30 * 60_000).toISOString()))
  const [note, setNote] = useState('')

  const options = [
    ...[...picked.values()].filter((p) => !(people.data?.items ?? []).some((o) => o.id === p.id)),
    ...(people.data?.items ?? []),
  ].map((p) => ({
    value: p.id,
    label: `${p.lastName}, ${p.firstName}${p.rank ? ` (${text.capability(p.rank)})` : ''}`,
  }))

  const submit = () => {
    const named = [...picked.values()].map((p) => ({ capability: capabilityOf(p), count: 1, personId: p.id }))
    const body: OfferCreate = {
      zoneId,
      lines: [...named, ...(withLines ? lines : [])],
      ...(instantOf(arrival) ? { expectedArrival: instantOf(arrival) ?? undefined } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    }
    if (body.lines.length === 0) return
    offer.mutate(body, {
      onSuccess: () => {
        notify.success(t('assistance.offered'))
        setPicked(new Map())
        setNote('')
      },
    })
  }
  const problem = offer.error instanceof ApiError ? errorMessage(offer.error, t) : null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-offer-form">
      <Title order={2} fz="lg" mb="sm" id="assistance-offer-form">
        {t('assistance.offerTitle')}
      </Title>
      <Stack gap="sm">
        <MultiSelect
          label={t('assistance.offerPeople')}
          description={t('assistance.offerPeopleHint')}
          searchable
          data={options}
          value={[...picked.keys()]}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={people.isFetching ? t('app.loading') : t('assistance.nobody')}
          onChange={(ids) => {
            const known = new Map([...picked, ...(people.data?.items ?? []).map((p) => [p.id, p] as const)])
            setPicked(
              new Map(
                ids.flatMap((id) => {
                  const person = known.get(id)
                  return person ? [[id, person] as const] : []
                }),
              ),
            )
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <Switch
          label={t('assistance.offerCapabilities')}
          checked={withLines}
          onChange={(e) => setWithLines(e.currentTarget.checked)}
        />
        {withLines && <LinesField legend={t('assistance.offerLines')} lines={lines} onChange={setLines} />}
        <Group gap="sm" grow>
          <BelgianDateInput
            id="offer-arrival-date"
            label={`${t('assistance.expectedArrival')}: ${t('assistance.date')}`}
            value={arrival.date}
            onChange={(date) => setArrival((a) => ({ ...a, date }))}
          />
          <TimeInput
            label={`${t('assistance.expectedArrival')}: ${t('assistance.time')}`}
            value={arrival.time}
            onChange={(e) => {
              const time = e.currentTarget.value
              setArrival((a) => ({ ...a, time }))
            }}
          />
        </Group>
        <Textarea
          label={t('assistance.noteOptional')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Button
          onClick={submit}
          loading={offer.isPending}
          disabled={offer.isPending || (picked.size === 0 && !withLines)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('assistance.sendOffer')}
        </Button>
      </Stack>
    </Paper>
  )
}
