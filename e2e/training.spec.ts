// Joint training (issue 11), the issue's walk in several browser contexts on the demo data (Voeren 5382 and
// Bilzen-Hoeselt-Riemst 5381 share `training`). Voeren's trainer plans a GPI 48 session (GPI48-TR) through the form, starting about
// two minutes from now, with 2 places for Bilzen-Hoeselt-Riemst; its officer enrols himself (place 1); its planner
// enrols a colleague X (place 2: full) and a third, Y, who lands on the waiting list (number 1); the planner cancels
// X and Y moves up — the trainer's open page shows it live. Once the session has started the trainer records
// attendance (the officer and Y present, passed) and the session is completed; B's korpschef then sees the
// officer's GPI 48 row go from 4/5 (behind) to 5/5 (in order). Accessible (axe) at 1280 and 375 px.
import { expect, test, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { apiAs, brusselsDate, expectAccessible, keepDutch, pick, shot, signedIn, typed } from './support.ts'
import { createSessionViaForm } from './training-pages.ts'

const TRAINER = 'trainer.5382@demo.verbond.be' // Voeren, the organiser
const OFFICER = 'officer.5381@demo.verbond.be' // Bilzen-Hoeselt-Riemst
const PLANNER = 'planner.5381@demo.verbond.be'
const KORPSCHEF = 'korpschef.5381@demo.verbond.be'

interface Enrolable {
  id: string
  name: string
  self: boolean
  status: string | null
  staffKind: string
  zone: { code: string; name: string }
}

async function atPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 })
  await expectAccessible(page, `${name} 375`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** An instant's Brussels wall clock: the day (yyyy-mm-dd) and the 24-hour time (HH:MM). */
function brusselsWall(at: Date): { date: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)
  return { date: brusselsDate(at.toISOString()), time }
}

/** The last minute of the instant's Brussels day (a session of the walk never runs past midnight). */
function endOfBrusselsDay(at: Date): number {
  let t = Math.floor(at.getTime() / 60_000) * 60_000
  const day = brusselsDate(at.toISOString())
  while (brusselsDate(new Date(t + 60_000).toISOString()) === day) t += 60_000
  return t
}

/** The next whole minute at least `seconds` from now (an instant: the server reads it in Brussels time). */
const startIn = (seconds: number): Date => new Date(Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000)

test.beforeEach(async ({ request }) => {
  for (const email of [TRAINER, OFFICER, PLANNER, KORPSCHEF]) await keepDutch(request, email)
})

test('a joint GPI 48 session: enrol, full, waiting list, promotion on a cancellation, attendance', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(420_000)
  const apiContext = () => playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
  const plannerApi = await apiAs(await apiContext(), PLANNER)
  const officerApi = await apiAs(await apiContext(), OFFICER)

  // The trainer plans the session through the form: starting ~2 minutes from now (Brussels day and time, also
  // across midnight), 2 places for Voeren and 2 for Bilzen-Hoeselt-Riemst.
  // (A start at 23:59 would leave no minute before midnight: then the session starts at 00:00.)
  const first = startIn(150)
  const from = brusselsWall(first).time === '23:59' ? new Date(first.getTime() + 60_000) : first
  const wall = brusselsWall(from)
  const end = brusselsWall(new Date(Math.min(from.getTime() + 3_600_000, endOfBrusselsDay(from))))
  const trainer = await signedIn(browser, TRAINER)
  const sessionId = await createSessionViaForm(trainer, {
    course: 'GPI48-TR',
    dayTyped: typed(wall.date),
    start: wall.time,
    end: end.time,
    location: 'Schietstand Voeren',
    capacity: 4,
    partnerZone: 'Bilzen-Hoeselt-Riemst',
    places: { Voeren: 2, 'Bilzen-Hoeselt-Riemst': 2 },
  })
  const url = `/training/sessions/${sessionId}`
  // The trainer keeps the session open (the list follows live).
  await expect(trainer.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(trainer.getByTestId('places-5381')).toContainText('0')

  // The officer of B enrols himself: place 1.
  const officer = await signedIn(browser, OFFICER)
  await officer.goto(url)
  await officer.getByRole('button', { name: nl['training.enrol.my.enrol'] }).click()
  await expect(officer.getByTestId('my-status')).toHaveText(nl['training.enrol.enrolment.status.enrolled'])
  await expectAccessible(officer, 'session officer')
  await shot(officer, 'training-session-officer')

  // B's planner enrols X (place 2: B is full) and Y (waiting list, number 1).
  const officerPersonId = ((await officerApi.get('/api/me')) as { person: { id: string } }).person.id
  const enrolable = (
    (await plannerApi.get(`/api/training/sessions/${sessionId}/enrolable`)) as { people: Enrolable[] }
  ).people.filter((p) => !p.self && p.status === null && p.id !== officerPersonId)
  const [x, y] = enrolable
  expect(y, 'two more officers of B to enrol').toBeTruthy()
  const planner = await signedIn(browser, PLANNER)
  await planner.goto(url)
  const select = planner.getByRole('combobox', { name: nl['training.enrol.others.person'] })
  const tab = (key: 'enrolled' | 'waitlisted', n: number) =>
    planner.getByRole('tab', { name: `${nl[`training.enrol.enrolments.tab.${key}`]} (${n})` })
  for (const [p, after] of [
    [x!, tab('enrolled', 2)],
    [y!, tab('waitlisted', 1)],
  ] as const) {
    await pick(planner, select, `${p.name} · ${p.zone.name}`)
    await planner.getByRole('button', { name: nl['training.enrol.others.enrol'], exact: true }).click()
    await expect(after).toBeVisible()
  }
  await expect(planner.getByTestId('places-5381')).toContainText('2')
  await planner.getByRole('tab', { name: new RegExp(nl['training.enrol.enrolments.tab.waitlisted']) }).click()
  await expect(planner.getByTestId(`enrolment-${y!.id}`)).toContainText(y!.name)
  await expect(planner.getByTestId(`enrolment-${y!.id}`).getByRole('cell').first()).toHaveText('1')
  await expectAccessible(planner, 'session planner')
  await atPhoneWidth(planner, 'session planner')
  await shot(planner, 'training-session-waiting')

  // The trainer's open page shows Y waiting, then (live) enrolled once the planner cancels X.
  await trainer.getByRole('tab', { name: new RegExp(nl['training.enrol.enrolments.tab.enrolled']) }).click()
  await expect(trainer.getByTestId(`enrolment-${x!.id}`)).toBeVisible()
  await planner.getByRole('tab', { name: new RegExp(nl['training.enrol.enrolments.tab.enrolled']) }).click()
  await planner
    .getByRole('button', { name: nl['training.enrol.enrolment.cancelFor'].replace('{name}', x!.name) })
    .first()
    .click()
  await expect(planner.getByTestId(`enrolment-${y!.id}`)).toBeVisible()
  await expect(trainer.getByTestId(`enrolment-${y!.id}`)).toBeVisible()
  await expect(trainer.getByTestId(`enrolment-${x!.id}`)).toHaveCount(0)
  await shot(trainer, 'training-session-promoted')

  // Before the session counts, B's korpschef sees the officer behind at 4/5.
  const officerMe = (await officerApi.get('/api/me')) as { person: { firstName: string; lastName: string } }
  const officerName = `${officerMe.person.firstName} ${officerMe.person.lastName}`
  const before = await signedIn(browser, KORPSCHEF)
  await before.goto('/training/compliance')
  await expect(before.getByRole('row', { name: new RegExp(officerName) })).toContainText('4/5')
  await before.context().close()

  // After the start, the trainer records attendance: the officer and Y present, passed.
  await expect.poll(() => Date.now(), { timeout: 240_000, intervals: [5_000] }).toBeGreaterThan(from.getTime() + 1000)
  await trainer.reload()
  const form = trainer.getByRole('region', { name: nl['training.enrol.attendance.title'] })
  for (const id of [officerPersonId, y!.id]) {
    const row = form.getByTestId(`attendance-${id}`)
    await row.getByText(nl['training.enrol.attendance.value.present'], { exact: true }).click()
    await row.getByText(nl['training.enrol.result.passed'], { exact: true }).click()
  }
  await expectAccessible(trainer, 'attendance')
  await atPhoneWidth(trainer, 'attendance')
  await shot(trainer, 'training-attendance')
  await form.getByRole('button', { name: nl['training.enrol.attendance.save'] }).click()
  await expect(trainer.getByTestId('session-status')).toHaveText(nl['training.enrol.session.status.completed'])

  // B's korpschef sees the officer's GPI 48 compliance change: 4/5 behind → 5/5 in order.
  const korpschef = await signedIn(browser, KORPSCHEF)
  await korpschef.goto('/training/compliance')
  const row = korpschef.getByRole('row', { name: new RegExp(officerName) })
  await expect(row).toContainText('5/5')
  await expect(row).toContainText(nl['training.status.compliant'])
  await expectAccessible(korpschef, 'compliance after')
  await shot(korpschef, 'training-compliance-after')
})
