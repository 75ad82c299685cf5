// Wachtbord (issue 8): a planner of Bilzen-Hoeselt-Riemst has the duty board open; a planner of Voeren, in
// another browser context, gives the next duty of the shared officer-of-duty rotation to another member through
// the API; the board shows the new person without a reload (live events). Accessible at 1280 and 375 px, and in
// kiosk mode (no navbar).
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { apiAs, expectAccessible, keepDutch, signIn } from './support.ts'

const ROTATION = 'Officier van wacht Voeren–BHR'

test.beforeEach(async ({ request }) => keepDutch(request, 'planner.5381@demo.verbond.be'))

interface OnDutyItem {
  rotationId: string
  rotationName: string
  next: { person: { personId: string } | null; from: string } | null
}

test('the duty board follows an override made elsewhere, without a reload', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'planner.5381@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.board'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['board.pageTitle'] })).toBeVisible()
  const card = page.getByRole('region', { name: ROTATION })
  await expect(card).toBeVisible()
  await expect(page.getByTestId('board-status')).toHaveText(nl['board.live'])
  await expectAccessible(page, 'duty board')

  // Another browser context: the Voeren planner, through the API.
  const other = await browser.newContext()
  const csrf = (await apiAs(other.request, 'planner.5382@demo.verbond.be')).csrfToken
  const onDuty = (await (await other.request.get('/api/permanences/on-duty')).json()) as { items: OnDutyItem[] }
  const item = onDuty.items.find((i) => i.rotationName === ROTATION)
  expect(item?.next).toBeTruthy()
  const duties = (await (
    await other.request.get(`/api/rotations/${item!.rotationId}/duties?at=${encodeURIComponent(item!.next!.from)}`)
  ).json()) as { items: { slotKey: string; position: number; person: { personId: string } | null }[] }
  const slot = duties.items[0]!
  const members = (await (await other.request.get(`/api/rotations/${item!.rotationId}/members`)).json()) as {
    items: { personId: string; firstName: string; lastName: string; to: string | null }[]
  }
  let chosen: { firstName: string; lastName: string } | null = null
  for (const m of members.items.filter((x) => x.personId !== slot.person?.personId && x.to === null)) {
    const res = await other.request.post(`/api/rotations/${item!.rotationId}/duties/override`, {
      data: { slotKey: slot.slotKey, position: slot.position, personId: m.personId, reason: 'Ruil (e2e)' },
      headers: { 'x-csrf-token': csrf },
    })
    if (res.status() === 200) {
      chosen = m
      break
    }
    expect(res.status()).toBe(409) // that member is on another duty then: try the next one
  }
  expect(chosen).not.toBeNull()
  await other.close()

  // The board, not reloaded, names the new next person.
  await expect(card.getByText(`${chosen!.firstName} ${chosen!.lastName}`)).toBeVisible()

  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, 'duty board at 375 px')

  // Kiosk mode: the board alone, no navigation.
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByRole('button', { name: nl['board.kiosk'] }).click()
  await expect(page).toHaveURL(/\/board\/kiosk$/)
  await expect(page.getByRole('link', { name: nl['nav.agreements'] })).toHaveCount(0)
  await expect(card.getByText(`${chosen!.firstName} ${chosen!.lastName}`)).toBeVisible()
  await expectAccessible(page, 'duty board in kiosk mode')
  await page.getByRole('button', { name: nl['board.exitKiosk'] }).click()
  await expect(page).toHaveURL(/\/board$/)
})
