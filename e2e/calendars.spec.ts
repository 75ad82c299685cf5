// Agenda-abonnement: an officer makes a secret feed URL for their duties, sees it once, the URL serves an
// iCalendar feed, and after revoking it answers 404. Accessible (axe) with the new URL on screen, on a desktop
// and at phone width.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, keepDutch, signIn } from './support.ts'

// Another spec may have left this account in French.
test.beforeEach(async ({ request }) => keepDutch(request, 'officer.5373@demo.verbond.be'))

test('an officer subscribes to their duties, copies the URL once, and revokes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'officer.5373@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.calendars'] }).click()
  await expect(page.getByRole('heading', { name: nl['calendars.heading'] })).toBeVisible()

  await page.getByRole('button', { name: nl['calendars.create'] }).click()
  const field = page.getByTestId('calendar-url')
  await expect(field).toHaveValue(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/)
  const path = new URL(await field.inputValue()).pathname
  await expectAccessible(page, 'calendars with a new URL')

  const feed = await page.request.get(path)
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8')
  const body = await feed.text()
  expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(body).toContain('X-WR-CALNAME:Mijn permanenties\r\n')

  // Once made, the button makes a new one (replacing it); the list names the feed.
  await expect(page.getByRole('button', { name: nl['calendars.replace'] })).toBeVisible()
  const list = page.getByRole('list', { name: nl['calendars.active'] })
  await expect(list.getByText(nl['calendars.scope.person'])).toBeVisible()

  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, 'calendars at 375 px')

  await page.getByRole('button', { name: `Abonnement ${nl['calendars.scope.person']} intrekken` }).click()
  await expect(page.getByText(nl['calendars.revoked'])).toBeVisible()
  await expect(page.getByText(nl['calendars.none'])).toBeVisible()
  expect((await page.request.get(path)).status()).toBe(404)
})
