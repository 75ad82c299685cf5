// Mutual assistance (issue 9), the walk in two browser contexts. WVL4 (its protocol lists `assistance`
// and no officer-of-duty permanence): no officer-of-duty rotation covers Polder (5460), so an urgent alert goes
// to Polder's dispatch — its officers and planners (alerts.ts) — and therefore deterministically to
// officer.5460. Westkust's officer (5461) sends an urgent request on the fast path; Polder's officer, on the
// requests page, gets the live alert without a reload, acknowledges, and offers two of Polder's inspecteurs by
// name; Westkust accepts; Polder records the hours and Westkust confirms them; both korpschefs see the same
// balance. A double click on "send" makes one request. Accessible (axe) at 1280 and 375 px. Screenshots in nl
// and fr when E2E_SCREENSHOTS names a directory. The requests are closed or cancelled at the end, so that the
// other partner zones' alerts do not stay open for later specs.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, shot, signedIn, signIn } from './support.ts'

const REQUESTER = 'officer.5461@demo.verbond.be' // Westkust
const HELPER = 'officer.5460@demo.verbond.be' // Polder: on the alert through the dispatch fallback
interface Person {
  id: string
  firstName: string
  lastName: string
}
interface Summary {
  id: string
  place: string
  status: string
}

test.beforeEach(async ({ request }) => {
  for (const email of [REQUESTER, HELPER, 'korpschef.5461@demo.verbond.be', 'korpschef.5460@demo.verbond.be'])
    await keepDutch(request, email)
})

test('an urgent request reaches the partner live, is answered, deployed, and balanced', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(240_000)
  const place = `Zeedijk ${Date.now() % 100_000}, Koksijde`
  const helperApi = await apiAs(
    await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    HELPER,
  )
  const polder = (await helperApi.get('/api/me')) as { person: { zoneId: string } | null }
  const inspecteurs = (
    (await helperApi.get(`/api/people?zoneId=${polder.person!.zoneId}&rank=inspecteur&limit=2`)) as { items: Person[] }
  ).items
  expect(inspecteurs).toHaveLength(2)

  // Polder's officer waits on the requests page (incoming).
  const helper = await signedIn(browser, HELPER)
  await helper.getByRole('link', { name: nl['nav.assistance'], exact: true }).click()
  await expect(helper.getByRole('heading', { level: 1, name: nl['assistance.title'] })).toBeVisible()
  await expectAccessible(helper, 'assistance list')

  // Westkust's officer: the urgent fast path — where, what (default 2 × inspecteur), contact — and send.
  const requester = await signedIn(browser, REQUESTER)
  await requester.getByRole('link', { name: nl['nav.assistance'], exact: true }).click()
  await requester.getByRole('link', { name: nl['assistance.urgentButton'] }).click()
  await expect(requester.getByRole('heading', { level: 1, name: nl['assistance.urgentTitle'] })).toBeVisible()
  await expectAccessible(requester, 'urgent request form')
  await shot(requester, 'assistance-new-urgent-nl')
  await requester.getByLabel(nl['assistance.place']).fill(place)
  await expect(requester.getByLabel(nl['assistance.contact'])).not.toHaveValue('')
  await requester.getByRole('button', { name: nl['assistance.sendUrgent'] }).click()
  await expect(requester).toHaveURL(/\/assistance\/[0-9a-f-]{36}$/)
  const requestId = requester.url().split('/').pop()!
  await expect(requester.getByTestId('assistance-status')).toHaveText(nl['assistance.status.requested'])

  // Polder: the alert, without a reload; the list has the request too.
  const alert = helper.getByRole('alertdialog')
  await expect(alert).toBeVisible()
  await expect(alert).toContainText(place)
  await expect(alert).toContainText('Westkust')
  await expect(alert).toContainText(`2 × ${nl['assistance.capability.inspecteur']}`)
  await expectAccessible(helper, 'live alert')
  await shot(helper, 'assistance-alert-nl')
  await expect(helper.getByRole('link', { name: new RegExp('Westkust') }).first()).toBeVisible()
  // Muting stops the beep, not the alert; a reload restores the open alert from GET /api/assistance/alerts.
  await alert.getByRole('button', { name: nl['assistance.alert.mute'] }).click()
  await expect(alert.getByRole('button', { name: nl['assistance.alert.unmute'] })).toBeVisible()
  await helper.reload()
  await expect(alert).toContainText(place)
  await alert.getByRole('button', { name: nl['assistance.alert.acknowledge'] }).click()
  await expect(alert).toBeHidden()

  // Polder offers two of its inspecteurs by name.
  await helper.goto(`/assistance/${requestId}`)
  const people = helper.getByRole('combobox', { name: nl['assistance.offerPeople'] })
  for (const p of inspecteurs) {
    await people.fill(p.lastName)
    await helper.getByRole('option', { name: new RegExp(`${p.lastName}, ${p.firstName}`) }).click()
  }
  await people.press('Escape')
  await helper.getByRole('button', { name: nl['assistance.sendOffer'] }).click()
  await expect(helper.getByTestId('assistance-offer')).toBeVisible()

  // Westkust, on its page (live): accepts both.
  const offer = requester.getByTestId('assistance-offer')
  await expect(offer).toBeVisible()
  await offer.getByRole('button', { name: nl['assistance.acceptAll'] }).click()
  await expect(requester.getByTestId('assistance-status')).toHaveText(nl['assistance.status.accepted'])
  await expect(requester.getByTestId('assistance-deployment')).toHaveCount(2)
  await expectAccessible(requester, 'request detail')
  await shot(requester, 'assistance-detail-nl')

  // Polder records the hours of both (the form proposes two hours ending now); Westkust confirms them.
  for (let i = 0; i < 2; i++) {
    const row = helper.getByTestId('assistance-deployment').nth(i)
    await row.getByRole('button', { name: nl['assistance.recordHours'] }).click()
    const dialog = helper.getByRole('dialog', { name: nl['assistance.hoursTitle'] })
    await dialog.getByRole('button', { name: nl['assistance.saveHours'] }).click()
    await expect(dialog).toBeHidden()
  }
  const confirms = requester.getByRole('button', { name: nl['assistance.confirmHours'] })
  await expect(confirms).toHaveCount(2) // live: Polder's hours arrived without a reload
  for (const left of [1, 0]) {
    await confirms.first().click()
    await expect(confirms).toHaveCount(left)
  }
  await expect(requester.getByRole('button', { name: nl['assistance.confirmHours'] })).toHaveCount(0)
  await expect(requester.getByText(nl['assistance.confirmed'], { exact: true })).toHaveCount(4)

  // Both korpschefs see the same balances (the demo's year of assistance is in them too), and in each zone's
  // statement this request's hours: Polder credited (+), Westkust debited (−), the same weighted minutes.
  const seen: string[] = []
  for (const email of ['korpschef.5461@demo.verbond.be', 'korpschef.5460@demo.verbond.be']) {
    const page = await signedIn(browser, email)
    await page.getByRole('link', { name: nl['nav.assistanceBalances'] }).click()
    const polderClosing = page.getByTestId('closing-5460')
    await expect(polderClosing).not.toHaveText('0:00')
    const westkust = (await page.getByTestId('closing-5461').textContent()) ?? ''
    seen.push(`${(await polderClosing.textContent()) ?? ''} ${westkust}`)
    await expectAccessible(page, 'balances')
    await page.setViewportSize({ width: 375, height: 800 })
    await expectAccessible(page, 'balances at 375 px')
    await shot(page, `assistance-balances-${email.slice(10, 14)}`)
    await page.context().close()
  }
  expect(seen[0]).toBe(seen[1])
  const korpschefApi = await apiAs(
    await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    'korpschef.5461@demo.verbond.be',
  )
  const detail = (await korpschefApi.get(`/api/assistance/requests/${requestId}`)) as { association: { id: string } }
  const zoneIds = Object.fromEntries(
    ((await korpschefApi.get('/api/zones')) as { items: { id: string; code: string }[] }).items.map((z) => [
      z.code,
      z.id,
    ]),
  )
  const day = brusselsDate(new Date().toISOString())
  const thisRequest = async (code: string) => {
    const statement = (await korpschefApi.get(
      `/api/assistance/associations/${detail.association.id}/statement?zoneId=${zoneIds[code]}&from=${addDays(day, -1)}&to=${day}`,
    )) as { lines: { amount: number; request: { id: string } | null }[] }
    return statement.lines.filter((l) => l.request?.id === requestId).reduce((sum, l) => sum + l.amount, 0)
  }
  const credited = await thisRequest('5460')
  expect(credited).toBeGreaterThanOrEqual(4 * 60) // two inspecteurs, two hours each, at least plain weight
  expect(await thisRequest('5461')).toBe(-credited)

  // The other two partner zones never answered: closing the request ends their alerts (and their escalation).
  const requesterApi = await apiAs(
    await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    REQUESTER,
  )
  for (const action of ['start', 'complete', 'close'])
    await requesterApi.post(`/api/assistance/requests/${requestId}/transitions`, { action })

  // Phone width: the list and the detail page.
  for (const page of [helper, requester]) await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(requester, 'request detail at 375 px')
  await helper.goto('/assistance')
  await expectAccessible(helper, 'assistance list at 375 px')
  expect(await helper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await helper.context().close()
  await requester.context().close()
})

test('a double click on send makes one request', async ({ page, playwright }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await signIn(page, REQUESTER)
  await page.goto('/assistance/new?urgent=1')
  await expectAccessible(page, 'urgent request form at 375 px')
  const place = `Dubbelklik ${Date.now() % 100_000}, De Panne`
  await page.getByLabel(nl['assistance.place']).fill(place)
  await page.getByRole('button', { name: nl['assistance.sendUrgent'] }).dblclick()
  await expect(page).toHaveURL(/\/assistance\/[0-9a-f-]{36}$/)

  const api = await apiAs(await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }), REQUESTER)
  const list = (await api.get('/api/assistance/requests?direction=outgoing&limit=200')) as { items: Summary[] }
  const mine = list.items.filter((r) => r.place === place)
  expect(mine).toHaveLength(1)
  await api.post(`/api/assistance/requests/${mine[0]!.id}/transitions`, { action: 'cancel', note: 'e2e' })
})
