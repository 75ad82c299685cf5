import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { isZoneRole, ZONE_ROLES, type AccountsPage, type Locale } from '../../api/types.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { LOCALES, isLocale } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { useCreateAccount } from './api.ts'
import type { IssuedPassword } from './OneTimePasswordModal.tsx'
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx'

/** A new account: who, in which zone, with which roles. The one-time password comes back once. */
export function NewAccountModal({
  opened,
  onClose,
  scope,
  onCreated,
}: {
  opened: boolean
  onClose: () => void
  scope: AccountsPage['scope']
  onCreated: (issued: IssuedPassword) => void
}) {
  const { t, label } = useI18n()
  const create = useCreateAccount()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [locale, setLocale] = useState<Locale>('nl')
  const [zoneId, setZoneId] = useState<string | null>(scope.zones.length === 1 ? (scope.zones[0]?.id ?? null) : null)
  const [roles, setRoles] = useState<string[]>([])
  const [person, setPerson] = useState<PickedPerson | null>(null)
  const [touched, setTouched] = useState(false)
  const me = useSignedInUser()
  // Staff are read through a zone role (the admin has none): only then can a person be picked.
  const readsStaffOf = (zone: string | null) => zone !== null && me.roles.some((r) => r.zoneId === zone)

  const reset = () => {
    setEmail('')
    setName('')
    setRoles([])
    setPerson(null)
    setTouched(false)
    create.reset()
  }
  const close = () => {
    reset()
    onClose()
  }

  const required = t('accounts.form.required')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!email.trim() || !name.trim() || !zoneId || roles.length === 0) return
    create.mutate(
      {
        email: email.trim(),
        displayName: name.trim(),
        locale,
        personId: person?.id ?? null,
        roles: roles.filter(isZoneRole).map((role) => ({ role, zoneId })),
      },
      {
        onSuccess: (result) => {
          onCreated({ name: result.account.displayName, email: result.account.email, password: result.oneTimePassword })
          close()
        },
      },
    )
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('accounts.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('accounts.form.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={touched && !name.trim() ? required : undefined}
            autoComplete="off"
          />
          <TextInput
            label={t('accounts.form.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={touched && !email.trim() ? required : undefined}
            autoComplete="off"
          />
          <Select
            label={t('accounts.form.locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
            value={locale}
            onChange={(v) => v && isLocale(v) && setLocale(v)}
            allowDeselect={false}
          />
          <Select
            label={t('accounts.form.zone')}
            required
            data={scope.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))}
            value={zoneId}
            onChange={(z) => {
              setZoneId(z)
              setPerson(null)
            }}
            error={touched && !zoneId ? required : undefined}
          />
          {zoneId && readsStaffOf(zoneId) && (
            <PersonPicker
              zoneId={zoneId}
              value={person}
              onChange={(p) => {
                setPerson(p)
                if (p && !name.trim()) setName(p.name.split(', ').reverse().join(' '))
              }}
            />
          )}
          <MultiSelect
            label={t('accounts.form.roles')}
            placeholder={roles.length === 0 ? t('accounts.form.rolesPlaceholder') : undefined}
            required
            data={ZONE_ROLES.map((r) => ({ value: r, label: label('role', r) }))}
            value={roles}
            onChange={setRoles}
            error={touched && roles.length === 0 ? t('accounts.form.rolesRequired') : undefined}
          />
          <Text fz="sm" c="dimmed">
            {t('accounts.form.passwordNote')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('accounts.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
