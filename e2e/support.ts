// Shared steps of the end-to-end tests: signing in through the login page, and the axe-core check.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'

export const DEMO_PASSWORD = 'verbond-demo'

/** Fails with every serious or critical accessibility violation on the page, named. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // A notification fading in or out is checked as it stands at rest: mid-transition its text is half
  // transparent and axe would measure a contrast nobody reads.
  // (Endless animations such as a loader's are not waited for.)
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  )
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

/** Fills the Dutch login form; `password` defaults to the demo password. Does not wait for what follows. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel(nl['login.email']).fill(email)
  await page.getByLabel(nl['login.password'], { exact: true }).fill(password)
  await page.getByRole('button', { name: nl['login.submit'] }).click()
}

/** Signs in from the login page and waits until the app's navigation is there. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await submitLogin(page, email)
  await expect(page.getByRole('link', { name: nl['nav.agreements'] })).toBeVisible()
}

/** Mantine Select / MultiSelect: open the combobox, pick options by their visible text. */
export async function pick(page: Page, field: Locator, ...options: string[]): Promise<void> {
  await field.click()
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click()
  // Tab, not Escape: Escape would also close the modal around the field.
  await field.press('Tab')
}

/** Today in Brussels as the Belgian date fields show and read it: dd/mm/yyyy. */
export const todayTyped = (): string =>
  new Intl.DateTimeFormat('nl-BE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(new Date())

/**
 * Stores Dutch as the account's language (through the API, in a context of its own): a spec that switches an
 * account to French leaves it so, and the account's language wins at the next sign-in of another spec.
 */
export async function keepDutch(request: APIRequestContext, email: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(login.ok()).toBe(true)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const patched = await request.patch('/api/me', { data: { locale: 'nl' }, headers: { 'x-csrf-token': csrfToken } })
  expect(patched.ok()).toBe(true)
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } })
}

/** The Brussels calendar date (yyyy-mm-dd) of an instant. */
export const brusselsDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))
/** A calendar date (yyyy-mm-dd) `days` later. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
/** A calendar date (yyyy-mm-dd) as a Belgian user types it: dd/mm/yyyy. */
export const typed = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

/** The signed-in person, as `/api/me` names them. */
export interface ApiMe {
  person: { id: string; firstName: string; lastName: string } | null
}

/**
 * An API session of a demo account in `request` (a context of its own, so its cookie is its own): JSON reads and
 * writes where anything but 2xx fails the test with the answer, and `status` for a write whose refusal is fine.
 */
export async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(login.ok()).toBe(true)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const headers = { 'x-csrf-token': csrfToken }
  const ok = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true)
    return res.json()
  }
  return {
    csrfToken,
    me: (await (await request.get('/api/me')).json()) as ApiMe,
    get: async (url: string) => ok(await request.get(url)),
    post: async (url: string, data: object) => ok(await request.post(url, { data, headers })),
    status: async (url: string, data: object) => (await request.post(url, { data, headers })).status(),
  }
}

const SHOTS = process.env.E2E_SCREENSHOTS // a directory: save screenshots there to look at

/** A full-page screenshot for a human look, when E2E_SCREENSHOTS names a directory. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** A page of a new browser context (1280 × 900), signed in as `email`: one of two people in a walk. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, email)
  return page
}
