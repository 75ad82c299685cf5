// Eerlijke verdeling: a planner opens the fairness report of a demo rotation (a roster published from
// tomorrow by the demo seed), sees the zone chart and the tables, types a period the Belgian way and downloads
// the CSV for Excel. Accessible (axe) on a desktop and at phone width.
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, keepDutch, pick, signIn } from './support.ts'

const PLANNER = 'planner.5447@demo.verbond.be'
const ROTATION = 'Officier van wacht Houtsche–Tielt'

test.beforeEach(async ({ request }) => keepDutch(request, PLANNER))

test('a planner reads the fairness of a rotation and downloads it as CSV', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, PLANNER)
  await page.getByRole('link', { name: nl['nav.fairness'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['fairness.title'] })).toBeVisible()

  await pick(page, page.getByRole('combobox', { name: nl['fairness.rotation'] }), ROTATION)
  await expect(page).toHaveURL(/[?&]rotation=[0-9a-f-]{36}/)
  // The period, typed the Belgian way: this year and next hold the whole demo roster (8 weeks from tomorrow).
  const year = new Date().getFullYear()
  await page.getByRole('textbox', { name: nl['fairness.from'] }).fill(`01/06/${year}`)
  await page.getByRole('textbox', { name: nl['fairness.to'] }).fill(`31/12/${year + 1}`)
  await page.getByRole('textbox', { name: nl['fairness.to'] }).press('Tab')
  await expect(page).toHaveURL(
    new RegExp(`from=${year}-06-01.*to=${year + 1}-12-31|to=${year + 1}-12-31.*from=${year}-06-01`),
  )

  // The zone chart and table: both zones, each with a share by the key of 50 %.
  await expect(page.getByRole('figure', { name: nl['fairness.zones.chart'] })).toBeVisible()
  const zones = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: nl['fairness.keyShare'] }) })
  await expect(zones.getByRole('rowheader', { name: /Het Houtsche \(5447\)/ })).toBeVisible()
  await expect(zones.getByRole('row', { name: /Het Houtsche \(5447\)/ })).toContainText('50,0 %')
  await expect(zones.getByRole('row', { name: /Regio Tielt \(5448\)/ })).toContainText('50,0 %')
  // Per person: the own zone's people with what was expected of them.
  const own = page.getByRole('region', { name: /Per persoon: Het Houtsche \(5447\)/ })
  await expect(own.getByRole('figure')).toBeVisible()
  await expect(own.getByRole('table').getByRole('row')).toHaveCount(1 + 4)
  await expectAccessible(page, 'fairness report')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: nl['fairness.download'] }).click(),
  ])
  expect(download.suggestedFilename()).toBe(
    `verbond-fairness_officier-van-wacht-houtsche-tielt_${year}-06-01_${year + 1}-12-31.csv`,
  )
  const csv = await readFile(await download.path())
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^Niveau;Zone;Zonenaam;Persoon;Diensten;Uren;Gewogen uren;/)
  expect(lines.filter((l) => l.startsWith('zone;'))).toHaveLength(2)
  expect(lines.filter((l) => l.startsWith('persoon;'))).toHaveLength(8)
  expect(lines.find((l) => l.startsWith('zone;5447;'))).toMatch(/;50,00;/)

  await page.setViewportSize({ width: 375, height: 800 })
  await expect(page.getByRole('list', { name: /Wachtdiensten van/ }).first()).toBeVisible()
  await expectAccessible(page, 'fairness report at 375 px')
})
