// The shared DPO of WVL4 (5453) signs in, opens the audit log from the navigation, sees the hash chains of the
// four WVL4 zones intact and their own sign-in logged, and filters by a partner zone, where their reading of
// that zone's log is itself logged. A korpschef gets no audit log. The DPO of BHT (5373) finds who read one of
// their people, and why, and exports it as CSV for the supervisory body. axe-core checks the page.
import { readFile } from 'node:fs/promises'
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

test('a DPO finding who read a given person', async ({ page, request }) => {
  // A planner of the partner zone Heusden-Zolder reads a BHT person shared in the officer-of-duty pool.
  const login = await request.post('/api/auth/login', {
    data: { email: 'planner.5375@demo.verbond.be', password: DEMO_PASSWORD },
  })
  expect(login.ok()).toBe(true)
  const readerName = ((await login.json()) as { user: { displayName: string } }).user.displayName
  const bht = (await (await request.get('/api/zones/5373')).json()) as { id: string }
  const partnerView = (await (await request.get(`/api/people?zoneId=${bht.id}&limit=200`)).json()) as {
    items: { id: string; firstName: string; lastName: string; sharedVia: string[] }[]
  }
  const person = partnerView.items.find((p) => p.sharedVia.includes('permanence.officer_of_duty'))!
  expect((await request.get(`/api/people/${person.id}`)).ok()).toBe(true)
  const fullName = `${person.firstName} ${person.lastName}`

  // The DPO of BHT looks the person up in the audit log.
  await signIn(page, 'dpo.5373@demo.verbond.be')
  await page.goto('/audit')
  const main = page.getByRole('main')
  const personFilter = main.getByRole('combobox', { name: nl['audit.filter.person'] })
  await personFilter.fill(person.lastName)
  await page.getByRole('option', { name: `${fullName} · 5373` }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]person=${person.id}`))
  const table = main.getByRole('table', { name: nl['audit.tableCaption'].replace('{page}', '1') })
  const read = table.getByRole('row').filter({ has: page.getByText(nl['auditAction.person.read'], { exact: true }) })
  await expect(read).toHaveCount(1)
  await expect(read).toContainText(readerName)
  await expect(read).toContainText('5375')
  await expect(read).toContainText(fullName)
  await expect(read).toContainText(nl['domain.permanence.officer_of_duty'])
  // The reader's list read of BHT's people named them too.
  await expect(
    table.getByRole('row').filter({ has: page.getByText(nl['auditAction.person.list'], { exact: true }) }),
  ).toHaveCount(1)
  await expectAccessible(page, 'audit log filtered by person')

  // Narrowed to the reader and today: the same read.
  await main.getByRole('combobox', { name: nl['audit.filter.user'] }).click()
  await page.getByRole('option', { name: new RegExp(`^${readerName} · 5375$`) }).click()
  await expect(page).toHaveURL(/[?&]user=[0-9a-f-]{36}/)
  await expect(read).toHaveCount(1)

  // The CSV for the supervisory body: UTF-8 with BOM, `;`, Belgian date-times, the reader and the reason.
  const downloading = page.waitForEvent('download')
  await main.getByRole('button', { name: nl['audit.export.button'] }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^verbond-auditlog_5373_start_\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile(await download.path())
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n')
  expect(lines[0]).toContain('Tijdstip (Brussel);Zone (keten)')
  const readLine = lines.find((l) => l.includes(';person.read;'))!
  expect(readLine).toContain(readerName)
  expect(readLine).toContain(fullName)
  expect(readLine).toContain('permanence.officer_of_duty')
  expect(readLine).toMatch(/;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/)
  expect(lines).toHaveLength(3) // header, the read, the list read
  await expect(page.getByText(nl['audit.export.done'])).toBeVisible()

  // The export is itself in the log.
  await main.getByRole('button', { name: nl['audit.filter.reset'] }).first().click()
  await expect(
    table.getByRole('row').filter({ has: page.getByText(nl['auditAction.audit.export'], { exact: true }) }),
  ).toHaveCount(1)

  // On a phone: the events are cards, and the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/audit?person=${person.id}`)
  const cards = main.getByRole('list', { name: nl['audit.tableCaption'].replace('{page}', '1') })
  await expect(cards.getByRole('listitem').filter({ hasText: readerName }).first()).toBeVisible()
  await expect(main.getByRole('table')).toHaveCount(0)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(page, 'audit log on a phone')
})
