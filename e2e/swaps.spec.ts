// Ruilen across zones: an officer of Het Houtsche offers a week of the shared ICT permanence for a swap on
// "Mijn diensten", an officer of the partner zone Regio Tielt takes it there, giving one of their own weeks back,
// and the planners of both zones approve; then each stands in the other's week. Set-up through the API as the
// planners (both officers become members; each planner's override gives their officer a future week).
// Accessible (axe) on a desktop and at phone width.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { apiAs, expectAccessible, keepDutch, signIn } from './support.ts'

const OFFICER_A = 'officer.5447@demo.verbond.be'
const OFFICER_B = 'officer.5448@demo.verbond.be'
const PLANNER_A = 'planner.5447@demo.verbond.be'
const PLANNER_B = 'planner.5448@demo.verbond.be'
const ROTATION = 'ICT-permanentie Houtsche–Tielt'

type Api = Awaited<ReturnType<typeof apiAs>> & { close: () => Promise<void> }

/** An API session of a demo account, in its own request context. */
async function as(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  email: string,
  baseURL: string,
): Promise<Api> {
  const request = await playwright.request.newContext({ baseURL })
  return { ...(await apiAs(request, email)), close: () => request.dispose() }
}

const WEEK = 7 * 86_400_000

async function openDuties(page: Page, email: string) {
  await signIn(page, email)
  await page.getByRole('link', { name: nl['nav.duties'] }).click()
  await expect(page.getByRole('heading', { name: nl['swaps.title'], level: 1 })).toBeVisible()
}

test.beforeEach(async ({ request }) => {
  for (const email of [OFFICER_A, OFFICER_B, PLANNER_A, PLANNER_B]) await keepDutch(request, email)
})

test('an officer asks a swap, a partner-zone officer takes it with a week of theirs, both planners approve', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const [plannerA, plannerB, officerA, officerB] = (await Promise.all(
    [PLANNER_A, PLANNER_B, OFFICER_A, OFFICER_B].map((e) => as(playwright, e, base)),
  )) as unknown as [Api, Api, Api, Api]
  const rotations = (await plannerA.get('/api/rotations')) as { items: { id: string; name: string }[] }
  const rotation = rotations.items.find((r) => r.name === ROTATION)
  if (!rotation) throw new Error(`${ROTATION} is not in the demo data`)
  const personA = officerA.me.person!.id
  const personB = officerB.me.person!.id
  // Members from today (the demo may already have made them members: then the answer is a 409, also fine).
  await plannerA.status(`/api/rotations/${rotation.id}/members`, { personId: personA })
  await plannerB.status(`/api/rotations/${rotation.id}/members`, { personId: personB })
  // Two weeks, three to eight weeks ahead, in which neither officer has another duty: one for each officer, by
  // their planner's override.
  const busy = [
    ...((await officerA.get('/api/my-duties')) as { items: { from: string; until: string }[] }).items,
    ...((await officerB.get('/api/my-duties')) as { items: { from: string; until: string }[] }).items,
  ]
  const free: { slotKey: string; from: string; until: string }[] = []
  for (let w = 3; w <= 8 && free.length < 2; w++) {
    const at = new Date(Date.now() + w * WEEK).toISOString()
    const duties = (await plannerA.get(`/api/rotations/${rotation.id}/duties?at=${at}`)) as {
      items: { slotKey: string; from: string; until: string }[]
    }
    const candidate = duties.items[0]
    if (candidate && !busy.some((d) => d.from < candidate.until && d.until > candidate.from)) free.push(candidate)
  }
  const [slot, slotB] = free
  if (!slot || !slotB) throw new Error('no two free weeks for the officers')
  for (const [planner, s, personId] of [
    [plannerA, slot, personA],
    [plannerB, slotB, personB],
  ] as const)
    await planner.post(`/api/rotations/${rotation.id}/duties/override`, {
      slotKey: s.slotKey,
      position: 1,
      personId,
      reason: 'e2e: ruilen',
    })

  const newPage = async () =>
    (
      await browser.newContext({
        baseURL: base,
        locale: 'nl-BE',
        timezoneId: 'Europe/Brussels',
        viewport: { width: 1280, height: 900 },
      })
    ).newPage()

  // Officer A offers it on "Mijn diensten".
  const pageA = await newPage()
  await openDuties(pageA, OFFICER_A)
  const myDuties = pageA.getByRole('region', { name: nl['swaps.myDuties'] })
  const card = myDuties.getByRole('listitem').filter({ hasText: ROTATION }).first()
  await card.getByRole('button', { name: nl['swaps.swap'] }).click()
  await expect(pageA.getByText(nl['swaps.offered'])).toBeVisible()
  await expect(
    pageA.getByRole('region', { name: nl['swaps.myRequests'] }).getByText(nl['swaps.status.open']),
  ).toBeVisible()
  await expectAccessible(pageA, 'my duties with an open request')
  await pageA.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(pageA, 'my duties at 375 px')
  await pageA.context().close()

  // Officer B, of the partner zone, takes it and gives their own week back.
  const pageB = await newPage()
  await openDuties(pageB, OFFICER_B)
  const offer = pageB
    .getByRole('region', { name: nl['swaps.offers'] })
    .getByRole('listitem')
    .filter({ hasText: ROTATION })
    .first()
  await offer.getByRole('combobox', { name: nl['swaps.giveBack'] }).click()
  await pageB.getByRole('option').filter({ hasText: ROTATION }).first().click()
  await offer.getByRole('button', { name: nl['swaps.take'] }).click()
  await expect(pageB.getByText(nl['swaps.takenDone'])).toBeVisible()
  await pageB.context().close()

  // Both zones' planners approve, each on their own page.
  for (const email of [PLANNER_A, PLANNER_B]) {
    const page = await newPage()
    await openDuties(page, email)
    const decide = page.getByRole('region', { name: nl['swaps.toDecide'] })
    await decide
      .getByRole('listitem')
      .filter({ hasText: ROTATION })
      .first()
      .getByRole('button', { name: nl['swaps.approve'] })
      .click()
    await expect(page.getByText(nl['swaps.approvedDone'])).toBeVisible()
    await expectAccessible(page, `approvals of ${email}`)
    await page.context().close()
  }

  const mid = new Date((Date.parse(slot.from) + Date.parse(slot.until)) / 2).toISOString()
  const after = (await plannerA.get(`/api/rotations/${rotation.id}/duties?at=${mid}`)) as {
    items: { person: { personId: string } | null }[]
  }
  expect(after.items[0]?.person?.personId).toBe(personB)
  // The week officer B picked to give back (one of theirs in the rotation) is now officer A's.
  const swaps = (await plannerA.get('/api/swaps?status=approved')) as {
    items: { rotation: { id: string }; from: string; returnDuty: { from: string; until: string } | null }[]
  }
  const done = swaps.items.find((r) => r.rotation.id === rotation.id && r.from === new Date(slot.from).toISOString())
  if (!done?.returnDuty) throw new Error('the approved swap names no duty given back')
  const back = new Date((Date.parse(done.returnDuty.from) + Date.parse(done.returnDuty.until)) / 2).toISOString()
  const returned = (await plannerA.get(`/api/rotations/${rotation.id}/duties?at=${back}`)) as {
    items: { person: { personId: string } | null }[]
  }
  expect(returned.items[0]?.person?.personId).toBe(personA)
  await Promise.all([plannerA, plannerB, officerA, officerB].map((a) => a.close()))
})
