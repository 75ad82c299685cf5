// Training sessions (issue 11, train-sessions) in Chromium, on the demo: the trainer of Voeren (5382) plans a GPI 48
// session with places for Voeren and Bilzen-Hoeselt-Riemst (5381) — the suggested split shown, then adjusted —,
// lands on the session's page and finds it in the calendar; the korpschef of 5381 sees it with 5381's places;
// Het Houtsche's korpschef (5447, no agreement with them) gets "not found". Accessible at 1280 and 375 px.
import { expect, test, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, shot, signedIn, typed } from './support.ts'
import { createSessionViaForm } from './training-pages.ts'

const TRAINER = 'trainer.5382@demo.verbond.be'
const PARTNER_CHIEF = 'korpschef.5381@demo.verbond.be'
const FOREIGN_CHIEF = 'korpschef.5447@demo.verbond.be'

async function atPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, `${name} 375`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** The calendar showing the month of `day` (yyyy-mm-dd): next month until it is there. */
async function calendarAt(page: Page, day: string): Promise<void> {
  await page.goto('/training')
  await expect(page.getByRole('heading', { name: nl['training.title'], level: 1 })).toBeVisible()
  if (day.slice(0, 7) !== brusselsDate(new Date().toISOString()).slice(0, 7))
    await page.getByRole('button', { name: nl['training.nextMonth'] }).click()
}

test.beforeEach(async ({ request }) => {
  for (const email of [TRAINER, PARTNER_CHIEF, FOREIGN_CHIEF]) await keepDutch(request, email)
})

test('a trainer plans a GPI 48 session with places for a partner zone', async ({ browser, playwright }) => {
  test.setTimeout(90_000)
  const day = addDays(brusselsDate(new Date().toISOString()), 10)
  const location = `Schietstand Voeren e2e ${Date.now() % 100_000}`
  const trainer = await signedIn(browser, TRAINER)
  await trainer.getByRole('link', { name: nl['nav.training'], exact: true }).click()
  await expect(trainer.getByRole('heading', { name: nl['training.title'], level: 1 })).toBeVisible()
  await expectAccessible(trainer, 'calendar')
  await trainer.getByRole('link', { name: nl['training.new'] }).click()
  await expect(trainer.getByRole('heading', { name: nl['training.new'] })).toBeVisible()
  await expectAccessible(trainer, 'new session')
  await atPhoneWidth(trainer, 'new session')

  const id = await createSessionViaForm(trainer, {
    course: 'GPI48-TR',
    dayTyped: typed(day),
    start: '09:00',
    end: '11:00',
    location,
    capacity: 12,
    partnerZone: 'Bilzen-Hoeselt-Riemst',
    places: { Voeren: 7, 'Bilzen-Hoeselt-Riemst': 5 },
  })
  expect(id).toMatch(/^[0-9a-f-]{36}$/)

  await calendarAt(trainer, day)
  const card = trainer.locator(`[data-session="${id}"]`)
  await expect(card).toContainText(location)
  await expect(card).toContainText('09:00')
  await expect(card).toContainText('11:00')
  await shot(trainer, 'training-calendar')
  await expectAccessible(trainer, 'calendar with the session')
  await atPhoneWidth(trainer, 'calendar')

  // The partner's korpschef sees it, with 5381's five places free.
  const chief = await signedIn(browser, PARTNER_CHIEF)
  await calendarAt(chief, day)
  const seen = chief.locator(`[data-session="${id}"]`)
  await expect(seen).toContainText(location)
  await expect(seen).toContainText('5 plaatsen vrij')
  await expect(seen).toContainText('Voeren')

  // Het Houtsche shares no training with them: the session does not exist for it.
  const foreign = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  await apiAs(foreign, FOREIGN_CHIEF)
  expect((await foreign.get(`/api/training/sessions/${id}`)).status()).toBe(404)
  const own = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  await apiAs(own, PARTNER_CHIEF)
  const session = (await (await own.get(`/api/training/sessions/${id}`)).json()) as {
    places: { zone: { code: string }; places: number }[]
  }
  expect(session.places.map((p) => [p.zone.code, p.places]).sort()).toEqual([
    ['5381', 5],
    ['5382', 7],
  ])
})

test('the course catalogue is readable at 1280 and 375 px', async ({ browser }) => {
  const trainer = await signedIn(browser, TRAINER)
  await trainer.goto('/training/courses')
  await expect(trainer.getByRole('heading', { name: nl['training.courses.title'], level: 1 })).toBeVisible()
  await expect(trainer.getByText('GPI48-TR').first()).toBeVisible()
  await expectAccessible(trainer, 'courses')
  await atPhoneWidth(trainer, 'courses')
  await shot(trainer, 'training-courses')
})
