// Steps of the training pages (issue 11, train-sessions) that other training walks reuse.
import { expect, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { shot } from './support.ts'

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')

/**
 * Plans a session through /training/sessions/new as the signed-in trainer or korpschef: the course (an option whose
 * text contains `course`, e.g. its code 'GPI48-TR'), a day typed dd/mm/yyyy, 24-hour start and end, the location,
 * the capacity, places for the own zone and `partnerZone` (a zone name); the suggested split is shown first and,
 * with `places` (zone name → places, adding up to the capacity), adjusted. Returns the session's id from the URL.
 */
export async function createSessionViaForm(
  page: Page,
  opts: {
    course: string
    dayTyped: string
    start: string
    end: string
    location: string
    capacity: number
    partnerZone: string
    places?: Record<string, number>
  },
): Promise<string> {
  await page.goto('/training/sessions/new')
  await expect(page.getByRole('heading', { name: nl['training.new'] })).toBeVisible()
  const course = page.getByRole('combobox', { name: nl['training.form.course'], exact: true })
  await course.click()
  await page
    .getByRole('option', { name: new RegExp(opts.course) })
    .first()
    .click()
  await page.getByRole('textbox', { name: nl['training.form.day'], exact: true }).fill(opts.dayTyped)
  await page.getByRole('textbox', { name: nl['training.form.start'], exact: true }).fill(opts.start)
  await page.getByRole('textbox', { name: nl['training.form.end'], exact: true }).fill(opts.end)
  await page.getByRole('textbox', { name: nl['training.form.location'], exact: true }).fill(opts.location)
  const capacity = page.getByRole('textbox', { name: nl['training.form.capacity'], exact: true })
  await capacity.fill(String(opts.capacity))
  await page.getByRole('checkbox', { name: opts.partnerZone, exact: true }).check()
  // The suggested split (by FTE) adds up to the capacity before anything is typed.
  await expect(
    page.getByText(
      fill(nl['training.form.placesSum'], { sum: String(opts.capacity), capacity: String(opts.capacity) }),
    ),
  ).toBeVisible()
  for (const [zone, places] of Object.entries(opts.places ?? {}))
    await page.getByRole('textbox', { name: fill(nl['training.form.placesFor'], { zone }) }).fill(String(places))
  await expect(
    page.getByText(
      fill(nl['training.form.placesSum'], { sum: String(opts.capacity), capacity: String(opts.capacity) }),
    ),
  ).toBeVisible()
  await shot(page, 'training-new-session')
  const submit = page.getByRole('button', { name: nl['training.form.submit'] })
  await expect(submit).toBeEnabled()
  await submit.click()
  await expect(page).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}$/)
  return page.url().split('/').pop()!
}
