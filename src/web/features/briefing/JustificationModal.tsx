// "Toon beperkte items": the reader writes why they read restricted items (at least 10 characters); the pages
// send it with the request that reads them, and the server keeps it with each read in the audit log.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export const JUSTIFICATION_MIN = 10

export function JustificationModal({
  opened,
  onClose,
  onSubmit,
}: {
  opened: boolean
  onClose: () => void
  onSubmit: (justification: string) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [touched, setTouched] = useState(false)
  const valid = [...text.trim()].length >= JUSTIFICATION_MIN
  return (
    <Modal opened={opened} onClose={onClose} title={t('briefing.justify.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (valid) onSubmit(text.trim())
        }}
      >
        <Stack>
          <Text fz="sm">{t('briefing.justify.text')}</Text>
          <Textarea
            label={t('briefing.justify.label')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && !valid ? t('briefing.justify.tooShort', { min: JUSTIFICATION_MIN }) : undefined}
            minRows={3}
            maxLength={500}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('briefing.cancel')}
            </Button>
            <Button type="submit">{t('briefing.justify.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
