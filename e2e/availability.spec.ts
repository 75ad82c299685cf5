// Availability: an officer of 5373 enters leave with typed Belgian dates; the planner of 5373 sees it and enters
// a day of training for a colleague; the planner of the partner zone 5375 can see neither (404 by person, nothing
// in the list). Accessible (axe) on a desktop and at phone width (375 px, no sideways scrolling); screenshots in
// nl and fr for a human look.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, keepDutch, pick, signIn } from './support.ts'

// This spec ends in French: the officer's account keeps Dutch for the specs after it.
test.afterEach(async ({ request }) => keepDutch(request, 'officer.5373@demo.verbond.be'))

const SHOTS = process.env.E2E_SCREENSHOTS // a directory: save screenshots there to look at

async function settledShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** Types a Belgian date into a date field, replacing what it holds. */
async function typeDate(field: Locator, typed: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+a')
  await field.press('Backspace')
  await field.pressSequentially(typed)
  await field.press('Tab')
}

interface Me {
  person: { id: string; firstName: string; lastName: string } | null
}
const meOf = async (page: Page): Promise<Me> => (await (await page.request.get('/api/me')).json()) as Me

/** Enters an absence through the form on the page (and, unless refused, waits for the confirmation). */
async function enter(page: Page, kind: string, from: string, to: string, note: string, saved = true): Promise<void> {
  const form = page.getByRole('form', { name: nl['availability.new'] })
  await pick(page, form.getByRole('combobox', { name: nl['availability.kind'] }), kind)
  await typeDate(form.getByRole('textbox', { name: nl['availability.from'] }), from)
  await typeDate(form.getByRole('textbox', { name: nl['availability.to'] }), to)
  await form.getByRole('textbox', { name: nl['availability.note'] }).fill(note)
  await form.getByRole('button', { name: nl['availability.save'] }).click()
  if (saved) await expect(page.getByText(nl['availability.saved']).last()).toBeVisible()
}

const entries = (page: Page) => page.getByRole('region', { name: /^Afwezigheden/ }).getByRole('listitem')

test.setTimeout(120_000)
test('an officer enters leave, the zone planner sees it and enters for a colleague, the partner zone sees nothing', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'officer.5373@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.availability'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['availability.title'] })).toBeVisible()
  const officer = (await meOf(page)).person!

  await enter(page, nl['availability.kind.leave'], '10/08/2027', '14/08/2027', 'Zomerverlof')
  const leave = entries(page).filter({ hasText: '10/08/2027 – 14/08/2027' })
  await expect(leave).toContainText(nl['availability.kind.leave'])
  await expect(leave).toContainText('Zomerverlof')
  // Its period opens August 2027 in the month view, the five days marked.
  await leave.getByRole('button', { name: '10/08/2027 – 14/08/2027', exact: true }).click()
  const month = page.getByRole('region', { name: nl['availability.month'] })
  await expect(month.getByText('augustus 2027')).toBeVisible()
  await expect(month.locator('[data-absent]')).toHaveCount(5)
  await expectAccessible(page, 'availability (officer, desktop)')
  if (SHOTS) await settledShot(page, 'availability-nl-desktop')

  // Overlap: refused with the server's message, nothing added.
  await enter(page, nl['availability.kind.other'], '12/08/2027', '12/08/2027', 'Dubbel', false)
  await expect(page.getByRole('alert').filter({ hasText: 'overlapt' })).toBeVisible()
  await expect(entries(page).filter({ hasText: 'Dubbel' })).toHaveCount(0)

  // The planner of the zone.
  const plannerContext = await browser.newContext()
  const planner = await plannerContext.newPage()
  await planner.setViewportSize({ width: 1280, height: 900 })
  await signIn(planner, 'planner.5373@demo.verbond.be')
  await planner.goto('/availability')
  const forWhom = planner.getByRole('combobox', { name: nl['availability.for'] })
  await forWhom.fill(officer.lastName)
  await planner.getByRole('option', { name: `${officer.lastName}, ${officer.firstName}` }).click()
  await expect(
    planner.getByRole('heading', { name: `Afwezigheden van ${officer.lastName}, ${officer.firstName}` }),
  ).toBeVisible()
  await expect(entries(planner).filter({ hasText: '10/08/2027 – 14/08/2027' })).toContainText('Zomerverlof')

  // A colleague: the trainer of the zone, one day of training entered by the planner.
  const trainerContext = await browser.newContext()
  const trainerPage = await trainerContext.newPage()
  await signIn(trainerPage, 'trainer.5373@demo.verbond.be')
  const colleague = (await meOf(trainerPage)).person!
  await forWhom.click()
  await forWhom.fill(colleague.lastName)
  await planner.getByRole('option', { name: `${colleague.lastName}, ${colleague.firstName}` }).click()
  await enter(planner, nl['availability.kind.training'], '16/08/2027', '16/08/2027', 'Schietoefening')
  await expect(entries(planner).filter({ hasText: '16/08/2027' })).toContainText(nl['availability.kind.training'])
  // The colleague sees it, entered by the planner, and was notified.
  await trainerPage.goto('/availability')
  const entered = entries(trainerPage).filter({ hasText: '16/08/2027' })
  await expect(entered).toContainText('Schietoefening')
  await expect(entered).toContainText(/Ingegeven door/)
  await trainerContext.close()

  // The planner of the partner zone 5375: neither person, not by id, not in a list.
  const partnerContext = await browser.newContext()
  const partner = await partnerContext.newPage()
  await signIn(partner, 'planner.5375@demo.verbond.be')
  for (const id of [officer.id, colleague.id]) {
    expect((await partner.request.get(`/api/availability?personId=${id}`)).status()).toBe(404)
  }
  const listed = (await (await partner.request.get('/api/availability')).json()) as { items: { personId: string }[] }
  expect(listed.items.map((e) => e.personId)).not.toContain(officer.id)
  expect(listed.items.map((e) => e.personId)).not.toContain(colleague.id)
  await partner.goto('/availability')
  await expect(partner.getByText('Zomerverlof')).toHaveCount(0)
  await expect(partner.getByText('Schietoefening')).toHaveCount(0)
  await partnerContext.close()
  await plannerContext.close()

  // Phone width: everything fits (no sideways scrolling), still accessible.
  await page.setViewportSize({ width: 375, height: 812 })
  await page.reload()
  await expect(entries(page).filter({ hasText: 'Zomerverlof' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow).toBeLessThanOrEqual(375)
  await expectAccessible(page, 'availability (officer, 375 px)')
  if (SHOTS) await settledShot(page, 'availability-nl-phone')

  // French.
  await page.locator('label', { hasText: /^FR$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: fr['availability.title'] })).toBeVisible()
  await expect(page.getByText(fr['availability.kind.leave']).first()).toBeVisible()
  if (SHOTS) {
    await settledShot(page, 'availability-fr-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
    await settledShot(page, 'availability-fr-desktop')
  }
})
