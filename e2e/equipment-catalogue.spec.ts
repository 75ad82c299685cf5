// The equipment catalogue (issue 10). Polder's logistics (5460) searches the speed radars free next Tuesday
// 06:00–14:00 with typed Belgian dates and 24 h times, and finds Westkust's (5461, WVL4 shares `equipment`),
// selects it and gets the booking link; Westkust's logistics adds an asset and sets a validity with a typed date;
// a logistics user of another association (BHT, 5373) sees none of WVL4's, not even by its address. The
// catalogue, the asset page and the timeline pass axe and fit a 375 px phone without sideways scrolling.
// Screenshots when E2E_SCREENSHOTS names a directory.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, shot, signIn, typed } from './support.ts'

const POLDER = 'logistics.5460@demo.verbond.be'
const WESTKUST = 'logistics.5461@demo.verbond.be'
const OTHER_ASSOCIATION = 'logistics.5373@demo.verbond.be'
const RADAR = 'Mobiele snelheidsradar Westkust'
async function typeDate(field: Locator, date: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+a')
  await field.press('Backspace')
  await field.pressSequentially(typed(date))
  await field.press('Tab')
}

/** No sideways scrolling of the page itself at a phone's width. */
async function fitsPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 })
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0)
  await expectAccessible(page, `${name} at 375 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Next Tuesday in Brussels (1 to 7 days ahead). */
function nextTuesday(): string {
  const today = brusselsDate(new Date().toISOString())
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  return addDays(today, (2 - weekday + 7) % 7 || 7)
}

test.beforeAll(async ({ playwright }) => {
  // The demo catalogue is seeded right after the server starts listening: wait until it is there.
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  const api = await apiAs(request, WESTKUST)
  await expect
    .poll(
      async () => ((await api.get(`/api/equipment/assets?q=${encodeURIComponent(RADAR)}`)) as { total: number }).total,
      {
        timeout: 120_000,
        intervals: [1_000],
      },
    )
    .toBe(1)
  await request.dispose()
  for (const email of [POLDER, WESTKUST, OTHER_ASSOCIATION]) {
    const context = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
    await keepDutch(context, email)
    await context.dispose()
  }
})

test('Polder finds the speed radar of Westkust free next Tuesday 06:00–14:00', async ({ page }) => {
  test.setTimeout(180_000) // three pages, each checked by axe at two widths
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, POLDER)
  await page.getByRole('link', { name: nl['nav.equipment'] }).click()
  await expect(page.getByRole('heading', { name: nl['equipment.title'], level: 1 })).toBeVisible()
  await expectAccessible(page, 'catalogue')
  await fitsPhone(page, 'catalogue')

  await page.getByRole('combobox', { name: nl['equipment.filter.kind'], exact: true }).click()
  await page.getByRole('option', { name: nl['equipment.kind.speed_radar'], exact: true }).click()
  const tuesday = nextTuesday()
  await typeDate(
    page.getByRole('textbox', { name: `${nl['equipment.search.from']}: ${nl['equipment.search.date']}` }),
    tuesday,
  )
  await page.getByLabel(`${nl['equipment.search.from']}: ${nl['equipment.search.time']}`).fill('06:00')
  await typeDate(
    page.getByRole('textbox', { name: `${nl['equipment.search.to']}: ${nl['equipment.search.date']}` }),
    tuesday,
  )
  await page.getByLabel(`${nl['equipment.search.to']}: ${nl['equipment.search.time']}`).fill('14:00')
  await page.getByRole('button', { name: nl['equipment.search.submit'] }).click()

  const row = page.getByRole('row').filter({ hasText: RADAR })
  await expect(row).toContainText(nl['equipment.available'])
  await expect(row).toContainText('Westkust')
  // Polder's own radar 2 is listed too, its calibration flagged.
  await expect(page.getByRole('row').filter({ hasText: 'Mobiele snelheidsradar Polder 2' })).toContainText('verloopt')
  await row.getByRole('checkbox', { name: nl['equipment.select'].replace('{name}', RADAR) }).check()
  const book = page.getByRole('link', { name: nl['equipment.bookSelected'].replace('{n}', '1') })
  await expect(book).toHaveAttribute('href', /\/equipment\/book\?assetIds=[0-9a-f-]{36}&from=.+&to=.+/)
  await expectAccessible(page, 'availability search')
  await shot(page, 'equipment-catalogue-nl-1280')
  await page.setViewportSize({ width: 375, height: 800 })
  await shot(page, 'equipment-catalogue-nl-375')
  await fitsPhone(page, 'availability search')

  // Only the available ones.
  await page.getByText(nl['equipment.search.onlyAvailable'], { exact: true }).click()
  await expect(page.getByRole('checkbox', { name: nl['equipment.search.onlyAvailable'] })).toBeChecked()
  await expect(page.getByRole('row').filter({ hasText: 'Mobiele snelheidsradar RIHO 2' })).toHaveCount(0)
  await expect(page.getByRole('row').filter({ hasText: RADAR })).toBeVisible()

  // The timeline: a grid that scrolls inside its own box on a phone.
  await page.goto('/equipment/timeline')
  await expect(page.getByRole('heading', { name: nl['equipment.timeline.title'], level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: nl['equipment.timeline.grid'] })).toContainText(RADAR)
  await expectAccessible(page, 'timeline')
  await shot(page, 'equipment-timeline-nl-1280')
  await fitsPhone(page, 'timeline')
})

test('Westkust adds an asset and sets a validity with a typed date', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, WESTKUST)
  await page.goto('/equipment')
  await page.getByRole('link', { name: nl['equipment.newAsset'] }).click()
  await expect(page.getByRole('heading', { name: nl['equipment.asset.newTitle'], level: 1 })).toBeVisible()
  await expectAccessible(page, 'new asset')
  const name = `Drone Westkust ${Date.now() % 100000}`
  await page.getByRole('combobox', { name: nl['equipment.asset.kind'], exact: true }).click()
  await page.getByRole('option', { name: nl['equipment.kind.drone'], exact: true }).click()
  await page.getByRole('textbox', { name: nl['equipment.asset.name'], exact: true }).fill(name)
  await page.getByRole('textbox', { name: nl['equipment.asset.identifier'], exact: true }).fill(`DJI-E2E-${Date.now()}`)
  await page.getByRole('textbox', { name: nl['equipment.asset.location'], exact: true }).fill('Commissariaat Koksijde')
  await page.getByRole('button', { name: nl['equipment.asset.create'] }).click()

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.getByText(nl['equipment.asset.noValidities'])).toBeVisible()
  const validUntil = addDays(brusselsDate(new Date().toISOString()), 20)
  await page.getByRole('combobox', { name: nl['equipment.asset.validityKind'], exact: true }).click()
  await page.getByRole('option', { name: nl['equipment.validityKind.insurance'], exact: true }).click()
  await typeDate(page.getByRole('textbox', { name: nl['equipment.asset.validUntil'], exact: true }), validUntil)
  await page.getByRole('button', { name: nl['equipment.asset.setValidity'] }).click()
  const line = page.getByRole('listitem').filter({ hasText: nl['equipment.validityKind.insurance'] })
  await expect(line).toContainText(typed(validUntil))
  await expect(line).toContainText('verloopt') // 20 days ahead: flagged
  await expectAccessible(page, 'asset page')
  await shot(page, 'equipment-asset-nl-1280')
  await fitsPhone(page, 'asset page')
})

test('a logistics user of another association sees none of WVL4’s equipment', async ({ page, playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  const westkust = await apiAs(request, WESTKUST)
  const radar = (
    (await westkust.get(`/api/equipment/assets?q=${encodeURIComponent(RADAR)}`)) as { items: { id: string }[] }
  ).items[0]!
  await request.dispose()

  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, OTHER_ASSOCIATION)
  await page.goto('/equipment?q=Westkust')
  await expect(page.getByText(nl['equipment.empty'])).toBeVisible()
  const seen = (await (await page.request.get('/api/equipment/assets')).json()) as {
    items: { zone: { code: string } }[]
  }
  expect(seen.items.length).toBeGreaterThan(0)
  expect(seen.items.filter((a) => ['5456', '5461', '5460', '5453'].includes(a.zone.code))).toEqual([])
  const direct = await page.request.get(`/api/equipment/assets/${radar.id}`)
  expect(direct.status()).toBe(404)
})
