// The shared DPO of WVL4 (5453) signs in, opens the audit log from the navigation, sees the hash chains of the
// four WVL4 zones intact and their own sign-in logged, and filters by a partner zone, where their reading of
// that zone's log is itself logged. A korpschef gets no audit log. axe-core checks the page.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { DEMO_PASSWORD, expectAccessible, signIn } from './support.ts'

const DPO = 'dpo.5453@demo.verbond.be'
const PARTNER_KORPSCHEF = 'korpschef.5456@demo.verbond.be'
const WVL4_ZONES = ['5453', '5456', '5460', '5461']

test('a shared DPO verifies the chains of WVL4 and reads and filters the audit log', async ({ page, request }) => {
  // A partner zone's korpschef signs in (in their own zone's chain) before the DPO looks.
  const partnerLogin = await request.post('/api/auth/login', {
    data: { email: PARTNER_KORPSCHEF, password: DEMO_PASSWORD },
  })
  expect(partnerLogin.ok()).toBe(true)
  const partnerName = ((await partnerLogin.json()) as { user: { displayName: string } }).user.displayName

  await signIn(page, DPO)
  const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { displayName: string }
  await page.getByRole('navigation', { name: nl['nav.main'] }).getByRole('link', { name: nl['nav.audit'] }).click()
  await expect(page).toHaveURL(/\/audit$/)
  await expect(page.getByRole('heading', { level: 1, name: nl['audit.heading'] })).toBeVisible()
  const main = page.getByRole('main')

  // The verification: intact, with the events counted and the four WVL4 chains checked.
  const verification = main.getByRole('region', { name: nl['audit.verify.heading'] })
  await expect(verification.getByText(nl['audit.verify.intact'], { exact: true })).toBeVisible()
  await expect(verification.getByText(nl['audit.verify.broken'], { exact: true })).toHaveCount(0)
  for (const code of WVL4_ZONES) await expect(verification.getByText(code, { exact: true })).toBeVisible()
  const report = await page.evaluate(async () => (await fetch('/api/audit/verify')).json())
  expect(report).toMatchObject({ ok: true, firstBrokenId: null, zones: WVL4_ZONES })
  expect(report.events).toBeGreaterThan(0)

  // The events, newest first: the DPO's own sign-in is among them.
  const table = main.getByRole('table', { name: nl['audit.tableCaption'].replace('{page}', '1') })
  const ownLogin = table
    .getByRole('row')
    .filter({ has: page.getByText(nl['auditAction.auth.login'], { exact: true }) })
    .filter({ hasText: me.displayName })
  await expect(ownLogin.first()).toBeVisible()
  await expect(ownLogin.first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/)
  await expectAccessible(page, 'audit log')

  // Check again: still intact.
  await verification.getByRole('button', { name: nl['audit.verify.recheck'] }).click()
  await expect(verification.getByText(nl['audit.verify.intact'], { exact: true })).toBeVisible()

  // Filter by the partner zone 5456: only its chain, in the URL; the partner's sign-in, and the DPO's earlier
  // reading of that chain (logged there, domain dpo).
  await main.getByRole('combobox', { name: nl['audit.filter.zone'] }).click()
  await page.getByRole('option', { name: /^5456 / }).click()
  await expect(page).toHaveURL(/[?&]zone=[0-9a-f-]{36}/)
  const zoneCells = table.locator('tbody tr td:nth-child(2)')
  await expect(zoneCells.filter({ hasNotText: '5456' })).toHaveCount(0)
  await expect(zoneCells.first()).toContainText('5456')
  await expect(
    table
      .getByRole('row')
      .filter({ has: page.getByText(nl['auditAction.auth.login'], { exact: true }) })
      .filter({ hasText: partnerName }),
  ).toHaveCount(1)
  const dpoReading = table
    .getByRole('row')
    .filter({ has: page.getByText(nl['auditAction.audit.list'], { exact: true }) })
    .filter({ hasText: me.displayName })
  await expect(dpoReading.first()).toBeVisible()
  await expect(dpoReading.first()).toContainText(nl['domain.dpo'])
  await expectAccessible(page, 'audit log filtered by zone')

  // The filter survives a reload.
  await page.reload()
  await expect(main.getByRole('combobox', { name: nl['audit.filter.zone'] })).toHaveValue(/^5456 /)
  await expect(zoneCells.filter({ hasNotText: '5456' })).toHaveCount(0)
})

test('a korpschef has no audit log', async ({ page }) => {
  await signIn(page, 'korpschef.5373@demo.verbond.be')
  const nav = page.getByRole('navigation', { name: nl['nav.main'] })
  await expect(nav.getByRole('link', { name: nl['nav.people'] })).toBeVisible()
  await expect(nav.getByRole('link', { name: nl['nav.audit'] })).toHaveCount(0)

  // Typing the address shows why, and the API refuses anyway.
  await page.goto('/audit')
  await expect(page.getByText(nl['audit.noAccess'])).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  const statuses = await page.evaluate(async () =>
    Promise.all(['/api/audit/verify', '/api/audit/events'].map(async (url) => (await fetch(url)).status)),
  )
  expect(statuses).toEqual([403, 403])
})
