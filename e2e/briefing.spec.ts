// The shared shift briefing (issue 11), the walk on the demo data. B = Bilzen-Hoeselt-Riemst (5381). B's
// planner writes an item for B's night shift of today (valid today 20:00 → tomorrow 08:00, Brussels, night only);
// B's officer opens the briefing, picks today's night shift, sees the item and confirms it read; the planner sees
// the officer as read on the item's page. A restricted wanted person: the officer sees it locked, gives a
// justification and reads it; B's logistics staff (CALog) does not see it at all. The projector mode, and axe at
// 1280 and 375 px. Dates are computed in Europe/Brussels, so the walk holds across midnight.
import { expect, test, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, pick, shot, signedIn, typed } from './support.ts'

const PLANNER = 'planner.5381@demo.verbond.be'
const OFFICER = 'officer.5381@demo.verbond.be'
const CALOG = 'logistics.5381@demo.verbond.be'

async function atPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, `${name} 375`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.setViewportSize({ width: 1280, height: 900 })
}

test.beforeEach(async ({ request }) => {
  for (const email of [PLANNER, OFFICER, CALOG]) await keepDutch(request, email)
})

test("an item for B's night shift: written, shown in the night briefing, confirmed, seen as read", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000)
  const today = brusselsDate(new Date().toISOString())
  const tomorrow = addDays(today, 1)
  const title = `Nachtcontrole Riemst ${Date.now() % 100_000}`

  // The planner writes the item through the form.
  const planner = await signedIn(browser, PLANNER)
  await expect(planner.getByRole('link', { name: nl['nav.briefingItems'] })).toBeVisible()
  await planner.goto('/briefing/items')
  await expect(planner.getByRole('heading', { name: nl['briefing.items.title'] })).toBeVisible()
  await expect(planner.getByRole('tab', { name: nl['briefing.items.tab.current'] })).toBeVisible()
  await expectAccessible(planner, 'items')
  await atPhoneWidth(planner, 'items')
  await planner.getByRole('link', { name: nl['briefing.items.new'] }).click()
  await expect(planner.getByRole('heading', { name: nl['briefing.new.title'] })).toBeVisible()
  await pick(
    planner,
    planner.getByRole('combobox', { name: nl['briefing.form.category'] }),
    nl['briefing.category.attention_point'],
  )
  await pick(
    planner,
    planner.getByRole('combobox', { name: nl['briefing.form.priority'] }),
    nl['briefing.priority.high'],
  )
  await planner.getByLabel(nl['briefing.form.title']).fill(title)
  await planner.getByLabel(nl['briefing.form.body']).fill('Alcohol- en drugscontrole op de N2 richting Maastricht.')
  await planner.locator('#briefing-from-date').fill(typed(today))
  await planner.locator('#briefing-from-time').fill('20:00')
  await planner.locator('#briefing-to-date').fill(typed(tomorrow))
  await planner.locator('#briefing-to-time').fill('08:00')
  await planner.getByRole('checkbox', { name: nl['briefing.shift.early'] }).uncheck()
  await planner.getByRole('checkbox', { name: nl['briefing.shift.late'] }).uncheck()
  await expectAccessible(planner, 'item form')
  await shot(planner, 'briefing-form')
  await planner.getByRole('button', { name: nl['briefing.form.create'] }).click()
  await expect(planner.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const itemUrl = planner.url()

  // The officer opens today's night briefing and confirms the item.
  const officer = await signedIn(browser, OFFICER)
  await expect(officer.getByRole('link', { name: nl['nav.briefing'], exact: true })).toBeVisible()
  await officer.goto('/briefing')
  await officer.getByLabel(nl['briefing.date']).fill(typed(today))
  await pick(officer, officer.getByRole('combobox', { name: nl['briefing.shiftLabel'] }), nl['briefing.shift.night'])
  const card = officer.getByRole('listitem', { name: title })
  await expect(card).toBeVisible()
  await expect(card.getByText(nl['briefing.category.attention_point'])).toBeVisible()
  await expectAccessible(officer, 'night briefing')
  await shot(officer, 'briefing-night')
  await card.getByRole('button', { name: nl['briefing.confirm'] }).click()
  await expect(card.getByText(/Gelezen om/)).toBeVisible()
  await atPhoneWidth(officer, 'night briefing')

  // The projector mode of the same shift.
  await officer.getByRole('button', { name: nl['briefing.projector.open'] }).click()
  await expect(officer.getByRole('heading', { level: 3, name: title })).toBeVisible()
  await expect(officer.getByRole('link', { name: nl['nav.agreements'] })).toHaveCount(0) // no chrome
  await expectAccessible(officer, 'projector')
  await shot(officer, 'briefing-projector')
  await officer.getByRole('button', { name: nl['briefing.projector.exit'] }).click()

  // The planner sees the officer as read.
  const me = (await (await officer.request.get('/api/me')).json()) as {
    person: { firstName: string; lastName: string }
  }
  await planner.goto(itemUrl)
  const row = planner.getByTestId('read-row').filter({ hasText: `${me.person.lastName} ${me.person.firstName}` })
  await expect(row.getByText(/Gelezen/)).toBeVisible()
  await expectAccessible(planner, 'item page')
  await shot(planner, 'briefing-item')
  await atPhoneWidth(planner, 'item page')

  // A restricted wanted person: locked for the officer until justified; CALog staff do not see it at all.
  const plannerApi = await apiAs(
    await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    PLANNER,
  )
  const me5381 = (await plannerApi.get('/api/me')) as { roles: { zoneCode: string | null; zoneId: string }[] }
  const zoneId = me5381.roles.find((r) => r.zoneCode === '5381')!.zoneId
  const wanted = `Gezocht: Lotte Vranckx (fictief) ${Date.now() % 100_000}`
  const created = (await plannerApi.post('/api/briefing/items', {
    category: 'wanted_person',
    priority: 'urgent',
    title: wanted,
    body: 'Signalement: 1,70 m, blond haar, rode jas. Bij aantreffen de wachtofficier verwittigen.',
    validFrom: new Date(Date.now() - 3_600_000).toISOString(),
    validTo: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    shifts: ['early', 'late', 'night'],
    targets: [{ zoneId }],
  })) as { id: string; restricted: boolean }
  expect(created.restricted).toBe(true)

  await officer.goto('/briefing')
  await expect(officer.getByText(/beperkt item\(s\) verborgen/)).toBeVisible()
  await expect(officer.getByText(wanted)).toHaveCount(0)
  await officer.getByRole('button', { name: nl['briefing.showRestricted'] }).click()
  await officer.getByLabel(nl['briefing.justify.label']).fill('Controle van een verdacht persoon in Riemst')
  await officer.getByRole('button', { name: nl['briefing.justify.submit'] }).click()
  await expect(officer.getByRole('heading', { level: 3, name: wanted })).toBeVisible()
  await shot(officer, 'briefing-restricted')

  const calog = await signedIn(browser, CALOG)
  await calog.goto('/briefing')
  await expect(calog.getByRole('heading', { name: nl['briefing.title'] })).toBeVisible()
  await expect(calog.getByText(/beperkt item\(s\) verborgen/)).toHaveCount(0)
  await expect(calog.getByText(wanted)).toHaveCount(0)
  const direct = await calog.request.get(`/api/briefing/items/${created.id}`, {
    headers: { 'x-justification': encodeURIComponent('Ik wil dit graag lezen') },
  })
  expect(direct.status()).toBe(404)
  await expectAccessible(calog, 'briefing calog')
})

test("a korpschef sets the zone's shift times and retention; the others do not see the button", async ({ browser }) => {
  // Voeren (5382): this spec's walk uses Bilzen-Hoeselt-Riemst's night shift, which stays at its defaults.
  const korpschef = await signedIn(browser, 'korpschef.5382@demo.verbond.be')
  await korpschef.goto('/briefing/items')
  await korpschef.getByRole('button', { name: nl['briefing.settings.button'] }).click()
  const dialog = korpschef.getByRole('dialog', { name: nl['briefing.settings.title'] })
  await expect(dialog.getByLabel(nl['briefing.settings.nightStart'])).toHaveValue('22:00')
  await expectAccessible(korpschef, 'briefing settings')
  // Out of order: said at once, and nothing can be saved.
  await dialog.getByLabel(nl['briefing.settings.nightStart']).fill('13:00')
  await expect(dialog.getByRole('alert')).toHaveText(nl['briefing.settings.order'])
  await expect(dialog.getByRole('button', { name: nl['briefing.settings.save'] })).toBeDisabled()
  await dialog.getByLabel(nl['briefing.settings.nightStart']).fill('21:30')
  await dialog.getByLabel(nl['briefing.settings.restrictedRetentionDays']).fill('14')
  await dialog.getByRole('button', { name: nl['briefing.settings.save'] }).click()
  await expect(korpschef.getByText(nl['briefing.settings.saved'])).toBeVisible()
  const saved = await korpschef.request.get(
    `/api/briefing/settings/${await korpschef.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { roles: { zoneId: string | null }[] }
      return me.roles.find((r) => r.zoneId)?.zoneId ?? ''
    })}`,
  )
  expect(await saved.json()).toMatchObject({ nightStart: '21:30', restrictedRetentionDays: 14 })
  // A planner writes items but does not set the zone's settings.
  const planner = await signedIn(browser, 'planner.5382@demo.verbond.be')
  await planner.goto('/briefing/items')
  await expect(planner.getByRole('link', { name: nl['briefing.items.new'] })).toBeVisible()
  await expect(planner.getByRole('button', { name: nl['briefing.settings.button'] })).toHaveCount(0)
})
