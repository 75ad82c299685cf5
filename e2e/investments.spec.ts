// Joint investments (issue 10): the finance officer of Bilzen-Hoeselt-Riemst (5381) opens the investments from the
// menu, finds the demo server park with its price written the Belgian way, opens it (purchase, parties, assets,
// cost key versions), and adds a running cost typing the day dd/mm/jjjj and the amount 1.234,56; the total moves
// by exactly that; the new-investment form prefills the zones' population. Accessible (axe) at 1280 and 375 px, no sideways scroll on a phone.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, keepDutch, pick, signIn, todayTyped } from './support.ts'

const FINANCE = 'finance.5381@demo.verbond.be'

test('a finance officer reads a joint investment and adds a running cost', async ({ page, request }) => {
  test.setTimeout(120_000)
  await keepDutch(request, FINANCE)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, FINANCE)
  // The demo investments are seeded just after start-up, in the background.
  await expect(async () => {
    await page.getByRole('link', { name: nl['nav.investments'] }).click()
    await expect(page.getByRole('link', { name: 'Gemeenschappelijk serverpark' }).first()).toBeVisible({
      timeout: 2_000,
    })
  }).toPass({ timeout: 60_000 })
  await expect(page.getByRole('cell', { name: '184.250,00 €' })).toBeVisible()
  await expectAccessible(page, 'investments list 1280')
  await page.getByRole('link', { name: 'Gemeenschappelijk serverpark' }).first().click()
  await expect(page.getByRole('heading', { name: 'Gemeenschappelijk serverpark', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: nl['investments.key.versions'] })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Serverrack datacenter Bilzen' })).toBeVisible()
  const costs = page.getByRole('region', { name: nl['investments.cost.title'] })
  const totalBefore = await costs.getByRole('row', { name: new RegExp(nl['investments.cost.total']) }).innerText()
  await costs.getByLabel(nl['investments.cost.date']).fill(todayTyped())
  await costs.getByLabel(nl['investments.cost.amount'], { exact: false }).fill('1.234,56')
  await costs.getByLabel(nl['investments.cost.description']).fill('Vervanging harde schijven')
  await costs.getByRole('button', { name: nl['investments.cost.save'] }).click()
  await expect(costs.getByRole('cell', { name: 'Vervanging harde schijven', exact: true })).toBeVisible()
  await expect(costs.getByRole('cell', { name: '1.234,56 €', exact: true })).toBeVisible()
  const totalAfter = await costs.getByRole('row', { name: new RegExp(nl['investments.cost.total']) }).innerText()
  const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'))
  expect(Math.round((euros(totalAfter) - euros(totalBefore)) * 100)).toBe(123_456)
  await expectAccessible(page, 'investment detail 1280')
  await page.setViewportSize({ width: 375, height: 800 })
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Gemeenschappelijk serverpark', level: 1 })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await expectAccessible(page, 'investment detail 375')
  // The new-investment form: the party zones' figures prefilled for a population key once a day is typed.
  await page.goto('/investments/new')
  await expect(page.getByRole('heading', { name: nl['investments.new'], level: 1 })).toBeVisible()
  await page.getByLabel(nl['investments.field.purchasedOn']).fill('15/03/2022')
  await page.getByLabel(nl['investments.field.purchasedOn']).press('Tab')
  await pick(
    page,
    page.getByRole('combobox', { name: nl['investments.key.method'] }),
    nl['investments.method.population'],
  )
  await expect(page.getByRole('textbox', { name: `${nl['investments.key.population']} Voeren` })).not.toHaveValue('')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await expectAccessible(page, 'new investment 375')
})
