// Call-outs: an officer of Het Houtsche or Regio Tielt who is on call right now (the demo roster) records a call-out on a
// phone — the big start/end pair, then one typed afterwards in dd/mm/jjjj and 24 h — and the zone's planner
// approves the month's statement and downloads the CSV for payroll; the officer's call-outs are then locked.
// Accessible (axe) at phone width without sideways scrolling; screenshots in nl and fr when E2E_SCREENSHOTS is set.
import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { DEMO_PASSWORD, expectAccessible, shot, signIn } from './support.ts'

async function login(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email, password } })
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { csrfToken: string }).csrfToken
}

interface OnDutyPerson {
  personId: string
  zoneId: string
  zoneCode: string
  firstName: string
  lastName: string
}
interface OnDuty {
  items: { onDuty: { person: OnDutyPerson | null; from: string }[] }[]
}

/** Who is on call now in the Houtsche–Tielt rotations (the demo adds the week in progress after start-up). */
async function onCallNow(request: APIRequestContext): Promise<OnDutyPerson[]> {
  await login(request, 'korpschef.5447@demo.verbond.be')
  for (let attempt = 0; attempt < 90; attempt++) {
    const onDuty = (await (await request.get('/api/permanences/on-duty')).json()) as OnDuty
    const people = onDuty.items
      .flatMap((i) => i.onDuty)
      .filter((d) => Date.now() - Date.parse(d.from) > 2 * 3_600_000)
      .flatMap((d) => (d.person ? [d.person] : []))
    if (people.length > 0) return people
    await new Promise((resolve) => setTimeout(resolve, 1000)) // the demo rosters are still being made
  }
  throw new Error('nobody on call in the demo rosters of Het Houtsche and Regio Tielt')
}

/**
 * An account for a person on call now, made by their zone's korpschef (the demo accounts are not on the roster);
 * signs the page in with it and sets its own password, as a new officer would on first sign-in.
 */
async function officerOnCall(page: Page, request: APIRequestContext): Promise<OnDutyPerson> {
  for (const person of await onCallNow(request)) {
    const csrf = await login(request, `korpschef.${person.zoneCode}@demo.verbond.be`)
    const email = `wachtoproep.${Date.now()}@e2e.test`
    const created = await request.post('/api/accounts', {
      headers: { 'x-csrf-token': csrf },
      data: {
        email,
        displayName: `${person.firstName} ${person.lastName}`,
        personId: person.personId,
        roles: [{ role: 'officer', zoneId: person.zoneId }],
      },
    })
    if (!created.ok()) continue // the person may already have an account
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string }
    const pageCsrf = await login(page.request, email, oneTimePassword)
    const changed = await page.request.post('/api/me/password', {
      headers: { 'x-csrf-token': pageCsrf },
      data: { currentPassword: oneTimePassword, newPassword: 'een lang wachtwoord voor de wacht' },
    })
    expect(changed.ok()).toBe(true)
    return person
  }
  throw new Error('no account could be made for a person on call')
}

const brussels = (at: Date) => ({
  date: new Intl.DateTimeFormat('nl-BE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(at),
  time: new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Brussels',
  }).format(at),
})

/** Types a call-out's period into the form: dates as dd/mm/jjjj, times in 24 h, all in Brussels time. */
async function typePeriod(form: Locator, start: Date, end: Date): Promise<void> {
  for (const [label, value] of [
    [nl['callouts.startDate'], brussels(start).date],
    [nl['callouts.endDate'], brussels(end).date],
  ] as const) {
    const field = form.getByRole('textbox', { name: label })
    await field.click()
    await field.press('ControlOrMeta+a')
    await field.press('Backspace')
    await field.pressSequentially(value)
    await field.press('Tab')
  }
  await form.getByLabel(nl['callouts.startTime']).fill(brussels(start).time)
  await form.getByLabel(nl['callouts.endTime']).fill(brussels(end).time)
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(375)
}

test.setTimeout(120_000)
test('an officer on call records call-outs on a phone; the planner approves the month and downloads the CSV', async ({
  page,
  browser,
  request,
}) => {
  await page.setViewportSize({ width: 375, height: 812 })
  const person = await officerOnCall(page, request)
  await page.goto('/callouts')
  await expect(page.getByRole('heading', { level: 1, name: nl['callouts.title'] })).toBeVisible()
  await expect(page.getByText(nl['callouts.duty.now'])).toBeVisible()
  await expectAccessible(page, 'call-outs (phone)')
  await noSidewaysScroll(page)
  await shot(page, 'callouts-phone-nl')

  // The big pair: start, type the reason, end.
  await page.getByRole('button', { name: nl['callouts.start'] }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Oproep loopt sinds' })).toBeVisible()
  const duty = page.getByRole('region', { name: nl['callouts.duty.current'] })
  await duty.getByRole('textbox', { name: nl['callouts.reason'] }).fill('Inbraak Beernem, Markt')
  await shot(page, 'callouts-running-phone-nl')
  await duty.getByRole('button', { name: nl['callouts.end'] }).click()
  await expect(page.getByText(nl['callouts.saved']).last()).toBeVisible()
  const list = page.getByRole('region', { name: nl['callouts.list'] })
  await expect(list.getByRole('listitem').filter({ hasText: 'Inbraak Beernem, Markt' })).toBeVisible()

  // Typed afterwards: an hour ago for twenty minutes, in Belgian date and 24-hour time.
  const start = new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000)
  const end = new Date(start.getTime() + 20 * 60_000)
  const form = page.getByRole('form', { name: nl['callouts.manual'] })
  await typePeriod(form, start, end)
  await form.getByRole('textbox', { name: nl['callouts.reason'] }).fill('Verkeersongeval N50')
  await form.getByRole('button', { name: nl['callouts.save'] }).click()
  await expect(list.getByRole('listitem').filter({ hasText: 'Verkeersongeval N50' })).toContainText(
    `${brussels(start).date} ${brussels(start).time}`,
  )
  await expect(list.getByRole('listitem').filter({ hasText: 'Verkeersongeval N50' })).toContainText('0,33 u')
  await expectAccessible(page, 'call-outs with entries (phone)')
  await noSidewaysScroll(page)

  // The planner of the officer's zone approves the zone's month and downloads the CSV.
  const plannerContext = await browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' })
  const planner = await plannerContext.newPage()
  await planner.setViewportSize({ width: 1280, height: 900 })
  await signIn(planner, `planner.${person.zoneCode}@demo.verbond.be`)
  // First the planner enters one for the officer (typed afterwards, on the officer's behalf).
  await planner.getByRole('link', { name: nl['nav.callouts'] }).click()
  const forWhom = planner.getByRole('combobox', { name: nl['availability.for'] })
  await forWhom.fill(person.lastName)
  await planner.getByRole('option', { name: `${person.lastName}, ${person.firstName}` }).click()
  await expect(
    planner.getByRole('heading', { name: `Oproepen van ${person.lastName}, ${person.firstName}` }),
  ).toBeVisible()
  const early = new Date(start.getTime() - 40 * 60_000)
  const plannerForm = planner.getByRole('form', { name: nl['callouts.manual'] })
  // Dates typed too: shortly after midnight, "an hour and forty minutes ago" is yesterday.
  await typePeriod(plannerForm, early, new Date(early.getTime() + 10 * 60_000))
  await plannerForm.getByRole('textbox', { name: nl['callouts.reason'] }).fill('Telefonisch advies parket')
  await plannerForm.getByRole('button', { name: nl['callouts.save'] }).click()
  const plannerList = planner.getByRole('region', { name: /^Oproepen van/ })
  await expect(plannerList.getByRole('listitem').filter({ hasText: 'Telefonisch advies parket' })).toBeVisible()
  await expect(planner.getByRole('button', { name: nl['callouts.start'] })).toHaveCount(0)
  await expectAccessible(planner, 'call-outs for a colleague')

  await planner.getByRole('link', { name: nl['nav.statement'], exact: true }).click()
  await expect(planner.getByRole('heading', { level: 1, name: nl['statement.title'] })).toBeVisible()
  const zone = planner.getByRole('region', { name: /^Maandstaat / })
  const row = zone.getByRole('row').filter({ hasText: `${person.firstName} ${person.lastName}` })
  await expect(row).toBeVisible()
  await expectAccessible(planner, 'zone statement')
  await shot(planner, 'statement-zone-nl')
  await zone.getByRole('button', { name: nl['statement.approve'] }).click()
  await expect(zone.getByText(nl['statement.status.approved'], { exact: true })).toBeVisible()
  const [download] = await Promise.all([
    planner.waitForEvent('download'),
    zone.getByRole('button', { name: nl['statement.csv'] }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^verbond-maandstaat_544[78]_\d{4}-\d{2}\.csv$/)
  const csv = await readFile(await download.path(), 'utf8')
  expect(csv.startsWith('\uFEFFStamnummer;Naam;B&T – Bereikbaar & Terugroepbaar: totaal (u);')).toBe(true)
  expect(csv).toContain(`${person.firstName} ${person.lastName}`)
  await plannerContext.close()

  // Approved: the officer's call-outs of the month are locked; their own statement says so.
  await page.reload()
  await expect(list.getByRole('listitem').first()).toContainText(nl['callouts.locked'])
  await expect(list.getByRole('listitem').filter({ hasText: 'Telefonisch advies parket' })).toContainText(
    'ingegeven door',
  )
  await page.goto('/callouts/statement')
  const mine = page.getByRole('region', { name: nl['statement.mine'] })
  await expect(mine.getByText(nl['statement.status.approved'], { exact: true })).toBeVisible()
  // 1 minute + 20 minutes + 10 minutes (the planner's) = 0,52 hours.
  await expect(mine.getByRole('row', { name: new RegExp(`^${nl['statement.category.total']}`) })).toContainText('0,52')
  await shot(page, 'statement-phone-nl')
  await expectAccessible(page, 'own statement (phone)')
  await noSidewaysScroll(page)
})
