// The walk of issue 8's definition of done, in one story on the shared ICT permanence of Het Houtsche (5447)
// and Regio Tielt (5448): the planner of Het Houtsche computes and publishes a roster in the web app; an
// officer of Het Houtsche, who stands in the coming week, subscribes to the calendar (the feed, parsed by
// ical.js, holds that week) and gives the week away on "Mijn diensten"; an officer of Regio Tielt takes it; the
// planners of both zones approve; and the duty board, open all along in a second browser as the Tielt planner,
// names the new person without a reload. Members and the coming week's holder are set through the API first,
// as a planner would in the rotation's pages (those pages have their own walk, rotations.spec.ts).
import { expect, test, type Browser, type Page } from '@playwright/test'
import ICAL from 'ical.js'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, signIn, typed } from './support.ts'

const ROTATION = 'ICT-permanentie Houtsche–Tielt'
const PLANNER_A = 'planner.5447@demo.verbond.be'
const PLANNER_B = 'planner.5448@demo.verbond.be'
const OFFICER_A = 'officer.5447@demo.verbond.be'
const OFFICER_B = 'officer.5448@demo.verbond.be'

const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(iso))
    .replaceAll('.', '/')
async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 1280, height: 900 },
  })
  return context.newPage()
}

test.beforeEach(async ({ request }) => {
  for (const email of [PLANNER_A, PLANNER_B, OFFICER_A, OFFICER_B]) await keepDutch(request, email)
})

test.setTimeout(240_000)
test('generate and publish, subscribe, give a week away across zones, approve, and the board follows live', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const ctx = () => playwright.request.newContext({ baseURL: base })
  const [plannerA, plannerB, officerA, officerB] = await Promise.all(
    [PLANNER_A, PLANNER_B, OFFICER_A, OFFICER_B].map(async (email) => apiAs(await ctx(), email)),
  )
  const rotation = ((await plannerA!.get('/api/rotations')) as { items: { id: string; name: string }[] }).items.find(
    (r) => r.name === ROTATION,
  )
  if (!rotation) throw new Error(`${ROTATION} is not in the demo data`)
  const personA = officerA!.me.person!
  const personB = officerB!.me.person!
  // Both officers stand in the rotation (409: they already do, from an earlier spec).
  expect([201, 409]).toContain(
    await plannerA!.status(`/api/rotations/${rotation.id}/members`, { personId: personA.id }),
  )
  expect([201, 409]).toContain(
    await plannerB!.status(`/api/rotations/${rotation.id}/members`, { personId: personB.id }),
  )

  // 1. The planner of Het Houtsche computes the four weeks after the roster in force and publishes them.
  const planner = await newPage(browser, base)
  await signIn(planner, PLANNER_A)
  await planner.getByRole('link', { name: nl['nav.rotations'] }).click()
  await planner.getByRole('listitem').filter({ hasText: ROTATION }).getByRole('link', { name: ROTATION }).click()
  await expect(planner.getByRole('heading', { level: 1, name: ROTATION })).toBeVisible()
  const { publishedUntil } = (await plannerA!.get(`/api/rotations/${rotation.id}`)) as { publishedUntil: string }
  const from = brusselsDate(publishedUntil)
  await planner.getByRole('tab', { name: nl['rotations.tab.generate'] }).click()
  const form = planner.getByRole('form', { name: nl['rotations.generate.title'] })
  for (const [label, date] of [
    [nl['rotations.generate.from'], from],
    [nl['rotations.generate.to'], addDays(from, 27)],
  ] as const) {
    const field = form.getByRole('textbox', { name: label })
    await field.fill(typed(date))
    await field.press('Tab')
  }
  await form.getByRole('button', { name: nl['rotations.generate.submit'] }).click()
  await expect(planner.getByRole('progressbar', { name: nl['rotations.generate.progress'] })).toHaveAttribute(
    'aria-valuenow',
    '100',
    { timeout: 60_000 },
  )
  const draft = planner.getByRole('region', { name: /^Ontwerp v\d+$/ })
  await expect(draft.getByText(nl['rotations.draft.kind.added'])).toHaveCount(4)
  await draft.getByRole('button', { name: nl['rotations.draft.publish'] }).click()
  await planner
    .getByRole('dialog', { name: nl['rotations.draft.confirmTitle'] })
    .getByRole('button', { name: nl['rotations.draft.confirm'] })
    .click()
  await expect(planner.getByText('Rooster gepubliceerd: 4 wachtdiensten.')).toBeVisible()
  const after = (await plannerA!.get(`/api/rotations/${rotation.id}`)) as { publishedUntil: string }
  expect(Date.parse(after.publishedUntil)).toBeGreaterThan(Date.parse(publishedUntil))
  await planner.context().close()

  // The coming week (the board's "next") goes to officer A, as their planner decides.
  const onDuty = (await plannerA!.get('/api/permanences/on-duty')) as {
    items: { rotationId: string; next: { from: string; person: { personId: string } | null } | null }[]
  }
  const next = onDuty.items.find((i) => i.rotationId === rotation.id)?.next
  if (!next) throw new Error('the rotation has no next duty')
  const [slot] = (
    (await plannerA!.get(`/api/rotations/${rotation.id}/duties?at=${encodeURIComponent(next.from)}`)) as {
      items: { slotKey: string; position: number; person: { personId: string } | null }[]
    }
  ).items
  if (slot!.person?.personId !== personA.id)
    await plannerA!.post(`/api/rotations/${rotation.id}/duties/override`, {
      slotKey: slot!.slotKey,
      position: slot!.position,
      personId: personA.id,
      reason: 'e2e: de week van officier A',
    })

  // 2. The duty board, in a second browser, as the planner of Regio Tielt: officer A is next.
  const board = await newPage(browser, base)
  await signIn(board, PLANNER_B)
  await board.getByRole('link', { name: nl['nav.board'] }).click()
  const card = board.getByRole('region', { name: ROTATION })
  await expect(card.getByText(`${personA.firstName} ${personA.lastName}`)).toBeVisible()
  await expect(board.getByTestId('board-status')).toHaveText(nl['board.live'])

  // 3. Officer A subscribes to the calendar: the feed (parsed by ical.js) holds the coming week.
  const officer = await newPage(browser, base)
  await signIn(officer, OFFICER_A)
  await officer.getByRole('link', { name: nl['nav.calendars'] }).click()
  await officer
    .getByRole('button', { name: new RegExp(`^(${nl['calendars.create']}|${nl['calendars.replace']})$`) })
    .click()
  const url = await officer.getByTestId('calendar-url').inputValue()
  const feed = await officer.request.get(new URL(url).pathname)
  expect(feed.status()).toBe(200)
  const events = new ICAL.Component(ICAL.parse(await feed.text()))
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e))
  expect(events.some((e) => e.startDate.toJSDate().getTime() === Date.parse(next.from))).toBe(true)

  // 4. … and gives that week away on "Mijn diensten".
  await officer.getByRole('link', { name: nl['nav.duties'] }).click()
  const mine = officer
    .getByRole('region', { name: nl['swaps.myDuties'] })
    .getByRole('listitem')
    .filter({ hasText: ROTATION })
    .filter({ hasText: dayOf(next.from) })
  await mine.getByRole('button', { name: nl['swaps.giveAway'] }).click()
  await expect(officer.getByText(nl['swaps.offered'])).toBeVisible()
  await officer.context().close()

  // 5. Officer B, of the partner zone, takes it.
  const colleague = await newPage(browser, base)
  await signIn(colleague, OFFICER_B)
  await colleague.getByRole('link', { name: nl['nav.duties'] }).click()
  await colleague
    .getByRole('region', { name: nl['swaps.offers'] })
    .getByRole('listitem')
    .filter({ hasText: ROTATION })
    .filter({ hasText: dayOf(next.from) })
    .getByRole('button', { name: nl['swaps.take'] })
    .click()
  await expect(colleague.getByText(nl['swaps.takenDone'])).toBeVisible()
  await colleague.context().close()

  // 6. The planners of both zones approve; the board still names officer A until the last approval.
  for (const email of [PLANNER_A, PLANNER_B]) {
    await expect(card.getByText(`${personA.firstName} ${personA.lastName}`)).toBeVisible()
    const page = await newPage(browser, base)
    await signIn(page, email)
    await page.getByRole('link', { name: nl['nav.duties'] }).click()
    await page
      .getByRole('region', { name: nl['swaps.toDecide'] })
      .getByRole('listitem')
      .filter({ hasText: ROTATION })
      .filter({ hasText: dayOf(next.from) })
      .getByRole('button', { name: nl['swaps.approve'] })
      .click()
    await expect(page.getByText(nl['swaps.approvedDone'])).toBeVisible()
    await page.context().close()
  }

  // 7. The board, never reloaded, names officer B.
  await expect(card.getByText(`${personB.firstName} ${personB.lastName}`)).toBeVisible()
  await expect(card.getByText(`${personA.firstName} ${personA.lastName}`)).toHaveCount(0)
  await expectAccessible(board, 'duty board after the swap')
  await board.context().close()
})
