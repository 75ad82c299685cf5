import { DateInput, type DateInputProps } from '@mantine/dates'
import { useState, type ReactNode } from 'react'
import { parseBelgianDate } from '../i18n/dates.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { IconCalendar } from './icons.tsx'

type Problem = 'unreadable' | 'tooEarly' | 'tooLate' | null

export interface BelgianDateInputProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'dateParser' | 'valueFormat' | 'minDate' | 'maxDate' | 'error'
> {
  /** YYYY-MM-DD or null. */
  value: string | null
  /** Called with the date the field now holds: null while what is typed is not a date. */
  onChange: (value: string | null) => void
  /** True while the text in the field is not a date the form may use (the field shows why). */
  onInvalidChange?: (invalid: boolean) => void
  minDate?: string
  maxDate?: string
  /** The form's own message (e.g. "required"); a date that cannot be read takes precedence. */
  error?: ReactNode
}

/**
 * The one date field of the app: type a date the Belgian way (15/10/2026, 15-10-2026, 15 oktober 2026,
 * 1er mars 2025) or pick it in the calendar. Text that is not exactly one day is never turned into another
 * date: the value becomes null and, once the field is left, it says what to type.
 */
export function BelgianDateInput({
  value,
  onChange,
  onInvalidChange,
  minDate,
  maxDate,
  error,
  onFocus,
  onBlur,
  onInput,
  onClick,
  onKeyDown,
  ...rest
}: BelgianDateInputProps) {
  const { t, f } = useI18n()
  const [problem, setProblem] = useState<Problem>(null)
  const [focused, setFocused] = useState(false)
  // Mirrors when Mantine shows the calendar (focus, click, typing; closed by Escape, blur or a picked day),
  // so that Escape closes the calendar first and not the dialog around the field.
  const [calendarOpen, setCalendarOpen] = useState(false)

  const report = (next: Problem) => {
    setProblem(next)
    onInvalidChange?.(next !== null)
  }

  // Every keystroke: the field holds exactly the date the text says, or none. (Mantine's own handler only
  // ever sets a date it could parse and would otherwise keep the previous one.)
  const readTyped = (text: string) => {
    if (text.trim() === '') {
      report(null)
      onChange(null)
      return
    }
    const parsed = parseBelgianDate(text)
    const next: Problem =
      parsed === null
        ? 'unreadable'
        : minDate !== undefined && parsed < minDate
          ? 'tooEarly'
          : maxDate !== undefined && parsed > maxDate
            ? 'tooLate'
            : null
    report(next)
    onChange(next === null ? parsed : null)
  }

  const message =
    problem === 'unreadable'
      ? t('dateInput.unreadable')
      : problem === 'tooEarly' && minDate
        ? t('dateInput.tooEarly', { date: f.date(minDate) })
        : problem === 'tooLate' && maxDate
          ? t('dateInput.tooLate', { date: f.date(maxDate) })
          : null

  return (
    <DateInput
      leftSection={<IconCalendar size={18} />}
      placeholder={t('dateInput.placeholder')}
      {...rest}
      value={value}
      onChange={(next) => {
        // A day picked in the calendar, or the clear button.
        report(null)
        onChange(next)
      }}
      dateParser={parseBelgianDate}
      valueFormat="DD/MM/YYYY"
      minDate={minDate}
      maxDate={maxDate}
      // Keep unreadable text in view so the person can correct it; a good date is rewritten as dd/mm/yyyy.
      fixOnBlur={problem === null}
      onInput={(event) => {
        setCalendarOpen(true)
        readTyped(event.currentTarget.value)
        onInput?.(event)
      }}
      onFocus={(event) => {
        setFocused(true)
        setCalendarOpen(true)
        onFocus?.(event)
      }}
      onBlur={(event) => {
        setFocused(false)
        setCalendarOpen(false)
        onBlur?.(event)
      }}
      onClick={(event) => {
        setCalendarOpen(true)
        onClick?.(event)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setCalendarOpen(false)
        onKeyDown?.(event)
      }}
      getDayProps={() => ({ onClick: () => setCalendarOpen(false) })}
      // Mantine's dialogs ignore an Escape whose target carries this attribute (as its own Select does).
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      // While typing the message would flash at every keystroke: it appears once the field is left.
      error={(!focused && message) || error}
    />
  )
}
