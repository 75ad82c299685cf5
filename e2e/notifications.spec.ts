// The notification bell: a korpschef's unread count rises live when the association's admin puts a draft
// agreement (of which their zone is a party) to approval in another browser; the list names it in Dutch with
// the Brussels date and time, its link opens the agreement and marks it read. Accessible (axe) with the list
// open, on a desktop and at phone width (375 px); screenshots in nl and fr for a human look.
import { expect, test, type Page } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, signIn } from './support.ts'

const SHOTS = process.env.E2E_SCREENSHOTS // a directory: save screenshots there to look at

/** A screenshot once transitions (the popover's fade, the navbar on a resize) are over. */
async function settledShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

/** The bell's accessible name carries the count: "Meldingen, 3 ongelezen". */
const bell = (page: Page) => page.getByRole('button', { name: /^Meldingen, \d+ ongelezen$/ })
const unreadCount = async (page: Page) => Number(/(\d+)/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1])

/** A draft of the demo association BHT + Heusden-Zolder between 5373 and 5375, created by the admin's API session. */
async function draftAgreement(admin: Page, title: string): Promise<string> {
  const csrf = ((await (await admin.request.get('/api/me')).json()) as { csrfToken: string }).csrfToken
  const associations = (await (await admin.request.get('/api/associations')).json()) as {
    items: { id: string; code: string; zones: { id: string; code: string }[] }[]
  }
  const bht = associations.items.find((a) => a.code === 'bht-heusden-zolder')!
  const res = await admin.request.post('/api/agreements', {
    headers: { 'x-csrf-token': csrf },
    data: {
      associationId: bht.id,
      kind: 'intentieverklaring',
      title,
      partyZoneIds: bht.zones.filter((z) => ['5373', '5375'].includes(z.code)).map((z) => z.id),
      domains: ['training'],
    },
  })
  expect(res.status()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

test.setTimeout(90_000)
test('a korpschef sees the count rise live, opens the list, follows the link and it is read', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'korpschef.5375@demo.verbond.be')
  await expect(bell(page)).toBeVisible()
  const before = await unreadCount(page)

  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin@demo.verbond.be')
  const title = `Gezamenlijke schietstand ${Date.now()}`
  const id = await draftAgreement(admin, title)
  await admin.goto(`/agreements/${id}`)
  await admin.getByRole('button', { name: nl['agreement.action.submit'] }).click()
  await expect(admin.getByText(nl['agreementStatus.in_approval']).first()).toBeVisible()

  // No reload: the event stream brings it.
  await expect(page.getByRole('button', { name: `Meldingen, ${before + 1} ongelezen` })).toBeVisible()
  await bell(page).click()
  const list = page.getByRole('dialog', { name: nl['notifications.title'] })
  const message = nl['notification.agreement.approval_requested'].replace('{title}', title)
  const item = list.getByRole('listitem').filter({ hasText: message })
  await expect(item).toBeVisible()
  // Belgian date and time, Brussels: dd/mm/yyyy hh:mm.
  await expect(item.locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
  // The dropdown fades in: axe measures contrast only once it is fully there.
  await expect(list).toHaveCSS('opacity', '1')
  await expectAccessible(page, 'notifications open (desktop)')
  if (SHOTS) await settledShot(page, 'notifications-nl-desktop')

  await item.getByRole('link', { name: nl['notifications.open'] }).click()
  await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('button', { name: `Meldingen, ${before} ongelezen` })).toBeVisible()

  // Read, it stays in the list without the "mark read" action.
  await bell(page).click()
  const readItem = list.getByRole('listitem').filter({ hasText: message })
  await expect(readItem).toBeVisible()
  await expect(readItem.getByRole('button', { name: nl['notifications.markRead'] })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()

  // A second one, marked read from the list itself, then all at once (nothing left to mark).
  const second = await draftAgreement(admin, `${title} bis`)
  await admin.goto(`/agreements/${second}`)
  await admin.getByRole('button', { name: nl['agreement.action.submit'] }).click()
  await expect(page.getByRole('button', { name: `Meldingen, ${before + 1} ongelezen` })).toBeVisible()

  // Phone width: the bell stays in the header, the list fits the screen.
  await page.setViewportSize({ width: 375, height: 812 })
  // Everything in the header stays on screen, sign-out included.
  const signOut = await page.getByRole('button', { name: nl['header.logout'] }).boundingBox()
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(375)
  await bell(page).click()
  await expect(list).toBeVisible()
  const box = await list.boundingBox()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(375)
  await expect(list).toHaveCSS('opacity', '1')
  await expectAccessible(page, 'notifications open (375 px)')
  if (SHOTS) await settledShot(page, 'notifications-nl-phone')
  await list
    .getByRole('listitem')
    .filter({ hasText: `${title} bis` })
    .getByRole('button', { name: nl['notifications.markRead'] })
    .click()
  await expect(page.getByRole('button', { name: `Meldingen, ${before} ongelezen` })).toBeVisible()
  if (before > 0) {
    await list.getByRole('button', { name: nl['notifications.markAllRead'] }).click()
    await expect(page.getByRole('button', { name: 'Meldingen, 0 ongelezen' })).toBeVisible()
  }
  await expect(list.getByRole('button', { name: nl['notifications.markAllRead'] })).toBeDisabled()

  // French: the same list in the user's language.
  if (SHOTS) {
    await page.keyboard.press('Escape')
    await page.locator('label', { hasText: /^FR$/ }).click()
    const frBell = page.getByRole('button', { name: /^Notifications, \d+ non lues?$/ })
    await frBell.click()
    await expect(page.getByRole('dialog', { name: fr['notifications.title'] })).toBeVisible()
    await settledShot(page, 'notifications-fr-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
    await settledShot(page, 'notifications-fr-desktop')
  }
  await adminContext.close()
})
