// Settlement (issue 10): the finance officer of Bilzen-Hoeselt-Riemst (5381) opens last year's settlement of the
// association with Voeren, reads the zone's net position and the payments, and downloads the zone's statement as
// PDF and CSV; the PDF's text is read back and its totals must be the page's (and charged − credited = net).
// Accessible (axe) at 1280 and 375 px without sideways scrolling; screenshots when E2E_SCREENSHOTS is set.
import { readFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { extractText } from 'unpdf'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, shot, signIn } from './support.ts'

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

/** '1.234,56 €' (with any kind of space) → 123456 cents. */
const cents = (text: string): number => {
  const m = /(-?)([\d.]+),(\d{2})/.exec(text.replace(/[\s\u00a0\u202f]/g, ''))
  if (!m) throw new Error(`no amount in ${text}`)
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/\./g, '')) * 100 + Number(m[3]))
}
const plain = (cents: number): string => {
  const abs = Math.abs(cents)
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${cents < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')} €`
}

async function total(card: Locator, label: string): Promise<number> {
  const row = card.getByRole('row').filter({ has: card.page().getByRole('rowheader', { name: label, exact: true }) })
  return cents(await row.getByRole('cell').innerText())
}

test.setTimeout(120_000)
test('the finance officer of 5381 reads last year’s settlement and downloads the statement as PDF and CSV', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'finance.5381@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.settlement'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['settlement.title'] })).toBeVisible()
  const lastYear = String(new Date().getFullYear() - 1)
  await expect(page.getByRole('combobox', { name: nl['settlement.year'] })).toHaveValue(lastYear)

  const card = page.getByRole('region', { name: /^5381 / })
  await expect(card).toBeVisible()
  const charged = await total(card, nl['settlement.charged'])
  const credited = await total(card, nl['settlement.credited'])
  const net = await total(card, nl['settlement.net'])
  expect(credited - charged).toBe(net)
  expect(charged + credited).toBeGreaterThan(0)

  // The payments: 5381 pays or receives, in words with the amount.
  const payments = page.getByRole('region', { name: nl['settlement.transfers'] })
  if (net !== 0) await expect(payments.getByRole('listitem').filter({ hasText: 'Bilzen' })).toHaveCount(1)
  await expectAccessible(page, 'settlement (1280)')
  await noSidewaysScroll(page)
  await shot(page, 'settlement-1280-nl')

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'PDF van zone 5381 downloaden' }).click(),
  ])
  expect(pdf.suggestedFilename()).toBe(`verbond-afrekening_5381_${lastYear}-01-01_${lastYear}-12-31.pdf`)
  const { text } = await extractText(new Uint8Array(await readFile(await pdf.path())), { mergePages: true })
  expect(text).toContain('Afrekening gezamenlijke investeringen en uitlening')
  expect(text).toContain('5381')
  expect(text).toContain(`Aangerekend ${plain(charged)}`)
  expect(text).toContain(`Gecrediteerd ${plain(credited)}`)
  expect(text).toContain(`Saldo ${plain(net)}`)

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'CSV van zone 5381 downloaden' }).click(),
  ])
  expect(csv.suggestedFilename()).toBe(`verbond-afrekening_5381_${lastYear}-01-01_${lastYear}-12-31.csv`)
  const body = await readFile(await csv.path(), 'utf8')
  expect(body.startsWith('\uFEFFAfrekening gezamenlijke investeringen en uitlening')).toBe(true)
  const excel = (c: number) => plain(c).replace(/\./g, '').replace(' €', '')
  expect(body).toContain(`Totaal;;;${excel(charged)};${excel(credited)};${excel(net)}`)

  // On a phone: the same page, nothing sideways.
  await page.setViewportSize({ width: 375, height: 812 })
  await expect(card).toBeVisible()
  await expectAccessible(page, 'settlement (375)')
  await noSidewaysScroll(page)
  await shot(page, 'settlement-375-nl')
})
