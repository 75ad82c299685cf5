// A korpschef of BHT (5373) signs in in Dutch, sees the numbers of their association, switches to French,
// and never sees data of another association. axe-core checks every page on the way.
import { expect, test } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, submitLogin } from './support.ts'

const EMAIL = 'korpschef.5373@demo.verbond.be'
const ASSOCIATION = 'BHT + Heusden-Zolder'
const FOREIGN = ['WVL4', 'Het Houtsche + Regio Tielt', 'Voeren + Bilzen-Hoeselt-Riemst']

const nlNumber = (n: number, digits = 0) =>
  new Intl.NumberFormat('nl-BE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)

test('a korpschef sees their association in figures, in Dutch and French, and nothing of other associations', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/login/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE')
  await expect(page.getByText(nl['login.demo.title'])).toBeVisible()
  await expectAccessible(page, 'login')

  await submitLogin(page, EMAIL)

  // The dashboard: computed from the data, per zone and in total.
  await expect(
    page.getByRole('heading', { level: 1, name: nl['dashboard.heading'].replace('{association}', ASSOCIATION) }),
  ).toBeVisible()
  const figures = await page.evaluate(async () => {
    const me = await (await fetch('/api/me')).json()
    const id = me.associations[0].id as string
    return (await fetch(`/api/associations/${id}/figures`)).json()
  })
  expect(figures.total).toMatchObject({ municipalities: 3, population: 110_440, areaKm2: 216.36 })
  const main = page.getByRole('main')
  await expect(main.getByText(nlNumber(110_440)).first()).toBeVisible() // 110.440 inhabitants
  await expect(main.getByText(nlNumber(216.36, 2), { exact: false }).first()).toBeVisible() // 216,36 km²
  await expect(main.getByText(nlNumber(figures.total.staff), { exact: true }).first()).toBeVisible()
  await expect(
    main
      .getByRole('cell', { name: 'Heusden-Zolder (5375)' })
      .or(main.getByRole('link', { name: 'Heusden-Zolder' }))
      .first(),
  ).toBeVisible()
  await expectAccessible(page, 'dashboard')

  // Switch to French: the same numbers, French labels, lang attribute follows.
  await page.getByText('FR', { exact: true }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: fr['dashboard.heading'].replace('{association}', ASSOCIATION) }),
  ).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-BE')
  await expect(main.getByText(fr['dashboard.stat.population'], { exact: false }).first()).toBeVisible()
  await expect(main.getByText(new Intl.NumberFormat('fr-BE').format(110_440)).first()).toBeVisible()

  // Agreements: only their own association's.
  await page.getByRole('link', { name: fr['nav.agreements'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: fr['agreements.heading'] })).toBeVisible()
  await expect(main.getByText(/Associatieovereenkomst|associatieovereenkomst/).first()).toBeVisible()
  for (const name of FOREIGN) await expect(main.getByText(name)).toHaveCount(0)
  await expectAccessible(page, 'agreements')

  // People: own zone and shared partners only; never the foreign zones.
  await page.getByRole('link', { name: fr['nav.people'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: fr['people.heading'] })).toBeVisible()
  await expect(main.getByRole('row').nth(1)).toBeVisible()
  for (const zone of ['Het Houtsche', 'Vlas', 'Voeren', '5447', '5456'])
    await expect(main.getByText(zone, { exact: true })).toHaveCount(0)
  await expectAccessible(page, 'people')

  // And the API agrees: every agreement and person this session can fetch belongs to the association.
  const seen = await page.evaluate(async () => {
    const agreements = (await (await fetch('/api/agreements')).json()).items as { associationName: string }[]
    const people = (await (await fetch('/api/people?limit=200')).json()).items as { zoneCode: string }[]
    return {
      associations: [...new Set(agreements.map((a) => a.associationName))],
      zones: [...new Set(people.map((p) => p.zoneCode))].sort(),
    }
  })
  expect(seen).toEqual({ associations: [ASSOCIATION], zones: ['5373', '5375'] })
})

test('a wrong password shows a clear message and stays on the login page', async ({ page }) => {
  await page.goto('/login')
  await submitLogin(page, EMAIL, 'wrong-password')
  await expect(page.getByText('E-mailadres of wachtwoord is onjuist.')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})
