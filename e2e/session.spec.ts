// What a person meets when things go wrong around the page rather than in it: the session ends while they
// work (signed out in another tab), a page's code cannot be loaded (the server was upgraded), /api/me fails,
// a link carries a bad id, filter or page. Never a white screen; always a message and a way on. And a French
// browser gets the French login page.
import { expect, test, type Page } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, keepDutch, signIn, submitLogin } from './support.ts'

const KORPSCHEF = 'korpschef.5373@demo.verbond.be'

// Other specs switch this account to French (its stored language wins at sign-in): start from Dutch.
test.beforeEach(async ({ request }) => keepDutch(request, KORPSCHEF))

/** Collects uncaught errors: a white screen starts as one. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

const nav = (page: Page) => page.getByRole('navigation', { name: nl['nav.main'] })

test('a session ended in another tab: the next action says so, goes to the login page and back', async ({
  page,
  context,
}) => {
  const errors = pageErrors(page)
  await signIn(page, KORPSCHEF)
  await nav(page).getByRole('link', { name: nl['nav.people'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['people.heading'] })).toBeVisible()

  // A second tab of the same browser signs out: the session cookie they share is ended on the server.
  const other = await context.newPage()
  await other.goto('/')
  await expect(other.getByRole('link', { name: nl['nav.agreements'] })).toBeVisible()
  await other.getByRole('button', { name: nl['header.logout'] }).click()
  await expect(other).toHaveURL(/\/login$/)
  await expect(other.getByText(nl['session.ended.title'])).toHaveCount(0) // signing out oneself is no surprise
  await other.close()

  // Back in the first tab, the next search asks the API, which no longer knows the session.
  await page.bringToFront()
  await page.getByLabel(nl['people.filter.search']).fill('Peeters')
  await expect(page).toHaveURL(/\/login\?next=/)
  await expect(page.getByText(nl['session.ended.title'])).toBeVisible()
  await expect(page.getByText(nl['session.ended.body'])).toBeVisible()
  await expectAccessible(page, 'login after the session ended')

  // Signing in again returns to the same page, search included.
  await submitLogin(page, KORPSCHEF)
  await expect(page).toHaveURL(/\/people\?q=Peeters$/)
  await expect(page.getByRole('heading', { level: 1, name: nl['people.heading'] })).toBeVisible()
  await expect(page.getByLabel(nl['people.filter.search'])).toHaveValue('Peeters')
  expect(errors).toEqual([])
})

test('a page whose code cannot be loaded offers a reload, inside the layout', async ({ page }) => {
  const errors = pageErrors(page)
  await signIn(page, KORPSCHEF)
  // As after an upgrade: the old index names a chunk the server no longer has.
  await page.route('**/assets/PeoplePage-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await nav(page).getByRole('link', { name: nl['nav.people'] }).click()

  const alert = page.getByRole('alert').filter({ hasText: nl['pageError.chunk.title'] })
  await expect(alert).toBeVisible()
  await expect(alert.getByText(nl['pageError.chunk.body'])).toBeVisible()
  await expect(nav(page).getByRole('link', { name: nl['nav.agreements'] })).toBeVisible() // not a white screen
  await expectAccessible(page, 'chunk failure')

  // The other pages still work, and the reload (the server has the chunk again) brings the page.
  await nav(page).getByRole('link', { name: nl['nav.agreements'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['agreements.heading'] })).toBeVisible()
  await page.goBack()
  await expect(alert).toBeVisible()
  await page.unroute('**/assets/PeoplePage-*.js')
  await alert.getByRole('button', { name: nl['pageError.reload'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['people.heading'] })).toBeVisible()
  expect(errors).toEqual([])
})

test('a page that fails to render keeps the frame, says so and offers a reload', async ({ page }) => {
  await signIn(page, KORPSCHEF)
  // An answer the page cannot handle (a proxy's, or a bug): rendering throws.
  await page.route(
    (url) => url.pathname === '/api/agreements',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items":null,"total":0}' }),
  )
  await nav(page).getByRole('link', { name: nl['nav.agreements'] }).click()
  const alert = page.getByRole('alert').filter({ hasText: nl['pageError.crash.title'] })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('button', { name: nl['pageError.reload'] })).toBeVisible()
  await expect(alert.getByRole('link', { name: nl['common.backHome'] })).toBeVisible()
  // Another page works again without reloading.
  await nav(page).getByRole('link', { name: nl['nav.zones'] }).click()
  await expect(alert).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('when /api/me fails, the frame stays with a message, a retry and sign-out', async ({ page }) => {
  await signIn(page, KORPSCHEF)
  await page.route('**/api/me', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Interne fout.' } }),
    }),
  )
  await page.goto('/agreements')
  await expect(page.getByRole('alert').filter({ hasText: nl['session.unavailable.title'] })).toBeVisible()
  await expect(page.getByRole('link', { name: nl['app.logo'] })).toBeVisible()
  await expect(page.getByRole('button', { name: nl['header.logout'] })).toBeVisible()
  await expectAccessible(page, '/api/me failed')

  await page.unroute('**/api/me')
  await page.getByRole('button', { name: nl['common.retry'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['agreements.heading'] })).toBeVisible()
})

test('signing out after /api/me failed ends the session on the server too', async ({ page }) => {
  await signIn(page, KORPSCHEF)
  await page.route('**/api/me', (route) => route.fulfill({ status: 503, body: '' }))
  // A reload: the page's memory (and the CSRF token it held) is gone, and /api/me cannot give it back.
  await page.goto('/agreements')
  await expect(page.getByRole('alert').filter({ hasText: nl['session.unavailable.title'] })).toBeVisible()
  // The server is back; the person signs out rather than retrying.
  await page.unroute('**/api/me')
  await page.getByRole('button', { name: nl['header.logout'] }).click()
  await expect(page).toHaveURL(/\/login/)
  // The cookie this browser still sends no longer opens a session.
  expect((await page.request.get('/api/me')).status()).toBe(401)
})

test('a bad id, filter or page in a link: not found, ignored, or the way back to page 1', async ({ page }) => {
  await signIn(page, KORPSCHEF)
  const main = page.getByRole('main')

  await page.goto('/agreements/abc')
  await expect(main.getByText(nl['common.notFoundTitle'], { exact: true })).toBeVisible()
  await expect(main.getByText(nl['error.NOT_FOUND'])).toBeVisible()
  await expect(main.getByText(/gemarkeerde velden|Controleer de velden/)).toHaveCount(0)

  await page.goto('/people?zone=garbage')
  await expect(main.getByRole('table')).toBeVisible() // the zone filter is ignored, the list is there
  await expect(main.getByText(/gemarkeerde velden|Controleer de velden/)).toHaveCount(0)

  await page.goto('/people?page=999')
  await expect(main.getByText(nl['pagination.outOfRange.title'].replace('{page}', '999'))).toBeVisible()
  await expect(main.getByText(nl['people.empty'])).toHaveCount(0)
  await main.getByRole('button', { name: nl['pagination.outOfRange.first'] }).click()
  await expect(page).toHaveURL(/\/people$/)
  await expect(main.getByRole('table')).toBeVisible()
})

test.describe('a browser set to French', () => {
  test.use({ locale: 'fr-BE' })

  test('gets the French login page, with the real demo roles, until the person picks another language', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('heading', { level: 1, name: fr['login.heading'] })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-BE')
    const demo = page.getByRole('alert').filter({ hasText: fr['login.demo.title'] })
    for (const role of ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo'])
      await expect(demo.getByText(role, { exact: true })).toBeVisible()
    await expect(demo.getByText('dpo.5461@demo.verbond.be', { exact: true })).toBeVisible()
    await expectAccessible(page, 'French login')

    // A choice is remembered over the browser's language.
    await page.getByText('NL', { exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: nl['login.heading'] })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: nl['login.heading'] })).toBeVisible()
  })
})
