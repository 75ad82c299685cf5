// Equipment loans (issue 10), the walk in two browser contexts, on the demo catalogue. WVL4 (its protocol
// lists `equipment`): Polder's logistics staff (5460) books Westkust's (5461) mobile speed radar for a day next
// week, naming a collector; a second booking over an overlapping period shows the conflict (with the period, in
// Belgian format) BEFORE submit, and submit stays disabled; Westkust's logistics staff approves, checks the radar
// out to the collector and checks it back in damaged, with a note, and puts it in maintenance; Polder sees the
// booking returned with the note. Accessible (axe) at 1280 and 375 px. Screenshots in nl when E2E_SCREENSHOTS names a directory.
import { expect, test, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { addDays, apiAs, brusselsDate, expectAccessible, keepDutch, pick, shot, signedIn } from './support.ts'

const BORROWER = 'logistics.5460@demo.verbond.be' // Polder
const KEEPER = 'logistics.5461@demo.verbond.be' // Westkust
async function atPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, `${name} 375`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.setViewportSize({ width: 1280, height: 900 })
}

interface Person {
  id: string
  firstName: string
  lastName: string
}
interface Asset {
  id: string
  name: string
  lendable: boolean
  status: string
  zone: { code: string }
}

/** A Brussels wall time as an ISO instant (the offset of that day: CET or CEST). */
function brusselsIso(date: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T${time}:00${offset}`
    const back = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso))
    // Without milliseconds: the server takes a URL ending in `.000Z` for a missing static file.
    if (back === time) return new Date(iso).toISOString().replace('.000Z', 'Z')
  }
  throw new Error(`no Brussels instant for ${date} ${time}`)
}

test.beforeEach(async ({ request }) => {
  for (const email of [BORROWER, KEEPER]) await keepDutch(request, email)
})

test("a partner's speed radar: booked, conflict before submit, approved, checked out and in with damage", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(240_000)
  const apiContext = () => playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  const borrowerApi = await apiAs(await apiContext(), BORROWER)
  const keeperApi = await apiAs(await apiContext(), KEEPER)
  const radars = (await borrowerApi.get('/api/equipment/assets?kind=speed_radar')) as { items: Asset[] }
  const radar = radars.items.find((a) => a.zone.code === '5461' && a.lendable && a.status === 'available')
  expect(radar, "Westkust's lendable speed radar in Polder's catalogue").toBeTruthy()
  const polder = (await borrowerApi.get('/api/me')) as { person: { zoneId: string } | null }
  const westkust = (await keeperApi.get('/api/me')) as { person: { zoneId: string } | null }
  const [collector] = (
    (await borrowerApi.get(`/api/people?zoneId=${polder.person!.zoneId}&limit=1`)) as { items: Person[] }
  ).items
  const [keeperPerson] = (
    (await keeperApi.get(`/api/people?zoneId=${westkust.person!.zoneId}&limit=1`)) as { items: Person[] }
  ).items

  const day = addDays(brusselsDate(new Date().toISOString()), 8)
  const from = brusselsIso(day, '08:00')
  const to = brusselsIso(day, '16:00')

  // Polder books the radar.
  const borrower = await signedIn(browser, BORROWER)
  await borrower.goto(`/equipment/book?assetIds=${radar!.id}&from=${from}&to=${to}`)
  await expect(borrower.getByRole('heading', { name: nl['bookings.new.title'] })).toBeVisible()
  await expect(borrower.getByText(nl['bookings.new.free'])).toBeVisible()
  await borrower.getByLabel(nl['bookings.purpose']).fill('Snelheidscontrole N35 Diksmuide')
  await pick(
    borrower,
    borrower.getByRole('combobox', { name: nl['bookings.collector'] }),
    `${collector!.lastName} ${collector!.firstName}`,
  )
  await expectAccessible(borrower, 'booking form')
  await shot(borrower, 'booking-form')
  await borrower.getByRole('button', { name: nl['bookings.new.submit'] }).dblclick()
  await expect(borrower.getByRole('heading', { name: radar!.name })).toBeVisible()
  await expect(borrower.getByText(nl['bookings.status.requested'], { exact: true })).toBeVisible()
  const bookingUrl = borrower.url()
  const bookingId = bookingUrl.split('/').at(-1)!
  // A double click made one booking.
  const mine = (await borrowerApi.get('/api/equipment/bookings?side=borrower')) as {
    items: { asset: { id: string } }[]
  }
  expect(mine.items.filter((b) => b.asset.id === radar!.id)).toHaveLength(1)

  // A second booking two hours later overlaps: the conflict shows before submit, with the period.
  await borrower.goto(
    `/equipment/book?assetIds=${radar!.id}&from=${brusselsIso(day, '10:00')}&to=${brusselsIso(day, '18:00')}`,
  )
  const conflict = borrower.getByRole('alert').filter({ hasText: nl['bookings.conflictTitle'] })
  await expect(conflict).toBeVisible()
  const [y, m, d] = day.split('-')
  await expect(conflict).toContainText(`${d}/${m}/${y} 08:00`)
  await expect(conflict).toContainText(`${d}/${m}/${y} 16:00`)
  await borrower.getByLabel(nl['bookings.purpose']).fill('Tweede controle')
  await expect(borrower.getByRole('button', { name: nl['bookings.new.submit'] })).toBeDisabled()
  await expectAccessible(borrower, 'booking conflict')
  await atPhoneWidth(borrower, 'booking conflict')
  await shot(borrower, 'booking-conflict')

  // Westkust approves it from its requests.
  const keeper = await signedIn(browser, KEEPER)
  await keeper.goto('/equipment/bookings')
  await keeper.getByRole('tab', { name: nl['bookings.tab.keeper'] }).click()
  await keeper.locator(`a[href="/equipment/bookings/${bookingId}"]`).click()
  await keeper.getByRole('button', { name: nl['bookings.action.approve'] }).click()
  await expect(keeper.getByText(nl['bookings.status.approved'], { exact: true }).first()).toBeVisible()

  // Check-out to Polder's collector.
  await keeper.getByRole('button', { name: nl['bookings.action.check_out'] }).click()
  await pick(
    keeper,
    keeper.getByRole('combobox', { name: nl['bookings.handover.handedByKeeper'] }),
    `${keeperPerson!.lastName} ${keeperPerson!.firstName}`,
  )
  await expect(keeper.getByRole('combobox', { name: nl['bookings.handover.receivedByBorrower'] })).toHaveValue(
    `${collector!.firstName} ${collector!.lastName}`,
  )
  await expectAccessible(keeper, 'check-out')
  await atPhoneWidth(keeper, 'check-out')
  await shot(keeper, 'check-out')
  await keeper.getByRole('button', { name: nl['bookings.handover.saveOut'] }).click()
  await expect(keeper.getByText(nl['bookings.status.checked_out'], { exact: true }).first()).toBeVisible()

  // Check-in, damaged: the note is required.
  await keeper.getByRole('button', { name: nl['bookings.action.check_in'] }).click()
  await pick(
    keeper,
    keeper.getByRole('combobox', { name: nl['bookings.handover.receivedByKeeper'] }),
    `${keeperPerson!.lastName} ${keeperPerson!.firstName}`,
  )
  // The segmented control's radio is visually hidden behind its label: a touch lands on the label.
  await keeper.locator('label', { hasText: nl['bookings.condition.damaged'] }).click()
  await expect(keeper.getByRole('radio', { name: nl['bookings.condition.damaged'] })).toBeChecked()
  await keeper.getByRole('button', { name: nl['bookings.handover.saveIn'] }).click()
  await expect(keeper.getByText(nl['bookings.handover.noteRequired'])).toBeVisible()
  await keeper.getByLabel(nl['bookings.handover.damageNote']).fill('Statief geplooid, flitser werkt niet meer')
  await keeper.getByRole('button', { name: nl['bookings.handover.saveIn'] }).click()
  await expect(keeper.getByText(nl['bookings.status.returned'], { exact: true }).first()).toBeVisible()
  // Damage leaves the radar available until the keeper puts it in maintenance.
  await keeper.getByRole('button', { name: nl['bookings.damage.putInMaintenance'] }).click()
  await expect(keeper.getByText(nl['bookings.damage.inMaintenance']).first()).toBeVisible()
  const after = (await keeperApi.get(`/api/equipment/assets/${radar!.id}`)) as { status: string }
  expect(after.status).toBe('maintenance')
  await shot(keeper, 'check-in-done')

  // Polder sees it returned, with the note.
  await borrower.goto(bookingUrl)
  await expect(borrower.getByText(nl['bookings.status.returned'], { exact: true }).first()).toBeVisible()
  await expect(borrower.getByText('Statief geplooid, flitser werkt niet meer')).toBeVisible()
  await expectAccessible(borrower, 'booking returned')
  await atPhoneWidth(borrower, 'booking returned')
  await shot(borrower, 'booking-returned')
})
