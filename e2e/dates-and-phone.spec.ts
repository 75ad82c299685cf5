// Typed dates are stored as the day the person typed (day first, written months in nl and fr), and every
// page works on a phone: no sideways scrolling of the page, no serious accessibility violation.
import { expect, test, type Page } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, pick, signIn } from './support.ts'

type Dictionary = typeof nl | typeof fr

/** Drafts an agreement through the dialog with `typed` in "Ondertekend op"; returns the new agreement's id. */
async function draftWithSignedOn(page: Page, d: Dictionary, title: string, typed: string): Promise<string> {
  await page.goto('/agreements')
  await page.getByRole('button', { name: d['agreements.new'] }).click()
  const dialog = page.getByRole('dialog', { name: d['newAgreement.title'] })
  await dialog.getByRole('textbox', { name: d['newAgreement.titleField'] }).fill(title)
  await pick(
    page,
    dialog.getByRole('combobox', { name: d['newAgreement.parties'] }),
    '5381 Bilzen-Hoeselt-Riemst',
    '5382 Voeren',
  )
  await pick(page, dialog.getByRole('combobox', { name: d['newAgreement.domains'] }), d['domain.equipment'])
  const signedOn = dialog.getByRole('textbox', { name: d['newAgreement.signedOn'] })
  await signedOn.pressSequentially(typed)
  await signedOn.press('Tab')
  await dialog.getByRole('button', { name: d['newAgreement.submit'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const id = /\/agreements\/([0-9a-f-]{36})$/.exec(page.url())?.[1]
  if (!id) throw new Error(`no agreement id in ${page.url()}`)
  return id
}

/** The NL / FR / EN switch in the header (a segmented control: its labels take the click). */
async function chooseLanguage(page: Page, code: 'NL' | 'FR'): Promise<void> {
  await page.locator('label', { hasText: new RegExp(`^${code}$`) }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', code === 'FR' ? 'fr-BE' : 'nl-BE')
}

async function storedSignedOn(page: Page, id: string): Promise<string | null> {
  const response = await page.request.get(`/api/agreements/${id}`)
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { signedOn: string | null }
  return body.signedOn
}

test.describe('typed dates', () => {
  test.setTimeout(60_000)

  test('in Dutch: 03/04/2025 is 3 April and "15 oktober 2026" is 15 October', async ({ page }) => {
    await signIn(page, 'korpschef.5382@demo.verbond.be')
    const april = await draftWithSignedOn(page, nl, 'Datumtest april', '03/04/2025')
    expect(await storedSignedOn(page, april)).toBe('2025-04-03')
    await expect(
      page.getByText(nl['agreement.signedOn'].replace('{date}', '03/04/2025'), { exact: false }).first(),
    ).toBeVisible()

    const october = await draftWithSignedOn(page, nl, 'Datumtest oktober', '15 oktober 2026')
    expect(await storedSignedOn(page, october)).toBe('2026-10-15')
    await expect(
      page.getByText(nl['agreement.signedOn'].replace('{date}', '15/10/2026'), { exact: false }).first(),
    ).toBeVisible()
  })

  test('in French: "15 octobre 2026" and "1er mars 2025"', async ({ page }) => {
    await signIn(page, 'korpschef.5382@demo.verbond.be')
    await chooseLanguage(page, 'FR')
    const october = await draftWithSignedOn(page, fr, 'Test de date octobre', '15 octobre 2026')
    expect(await storedSignedOn(page, october)).toBe('2026-10-15')
    await expect(
      page.getByText(fr['agreement.signedOn'].replace('{date}', '15/10/2026'), { exact: false }).first(),
    ).toBeVisible()
    const march = await draftWithSignedOn(page, fr, 'Test de date mars', '1er mars 2025')
    expect(await storedSignedOn(page, march)).toBe('2025-03-01')
    // Back to Dutch for the next tests (the choice is stored on the account).
    await chooseLanguage(page, 'NL')
  })

  test('a date that does not exist is refused with a message, and nothing is created', async ({ page }) => {
    await signIn(page, 'korpschef.5382@demo.verbond.be')
    await page.goto('/agreements')
    const opener = page.getByRole('button', { name: nl['agreements.new'] })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: nl['newAgreement.title'] })
    await dialog.getByRole('textbox', { name: nl['newAgreement.titleField'] }).fill('Datumtest onmogelijk')
    await pick(
      page,
      dialog.getByRole('combobox', { name: nl['newAgreement.parties'] }),
      '5381 Bilzen-Hoeselt-Riemst',
      '5382 Voeren',
    )
    await pick(page, dialog.getByRole('combobox', { name: nl['newAgreement.domains'] }), nl['domain.equipment'])
    const signedOn = dialog.getByRole('textbox', { name: nl['newAgreement.signedOn'] })
    await signedOn.pressSequentially('31/02/2025')
    await signedOn.press('Tab')
    await expect(dialog.getByText(nl['dateInput.unreadable'])).toBeVisible()
    await expect(signedOn).toHaveValue('31/02/2025')
    await dialog.getByRole('button', { name: nl['newAgreement.submit'] }).click()
    await expect(dialog).toBeVisible()
    await expect(page).toHaveURL(/\/agreements$/)

    // Escape in the date field closes its calendar, not the dialog.
    const calendar = page.locator('[data-dates-dropdown]')
    await signedOn.click()
    await expect(calendar).toBeVisible()
    await signedOn.press('Escape')
    await expect(calendar).toBeHidden()
    await expect(dialog).toBeVisible()

    // Closing the dialog gives the keyboard focus back to the button that opened it.
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
    const list = await page.request.get('/api/agreements')
    expect(JSON.stringify(await list.json())).not.toContain('Datumtest onmogelijk')
  })
})

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test.setTimeout(90_000)

  async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
  }

  test('the login page', async ({ page }) => {
    await page.goto('/login')
    await expect(page.getByLabel(nl['login.email'])).toBeVisible()
    await expectNoSidewaysScroll(page, 'login')
    await expectAccessible(page, 'login')
  })

  test('every page of the app, and the people list shows phone numbers', async ({ page }) => {
    // The shared DPO of WVL4 sees every page, the audit log included.
    await signIn(page, 'dpo.5453@demo.verbond.be')
    const agreements = await page.request.get('/api/agreements')
    const firstAgreement = ((await agreements.json()) as { items: { id: string }[] }).items[0]
    if (!firstAgreement) throw new Error('the demo data has no agreement for this user')
    const pages: [string, string][] = [
      ['dashboard', '/'],
      ['agreements', '/agreements'],
      ['agreement', `/agreements/${firstAgreement.id}`],
      ['zones', '/zones'],
      ['zone MIDOW', '/zones/5454'],
      ['people', '/people'],
    ]
    for (const [name, path] of pages) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      // Wait for the data, not the skeleton.
      await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0)
      await expectNoSidewaysScroll(page, name)
      await expectAccessible(page, name)
    }

    // Agreements: every status filter is on screen, not cut off at the right edge.
    await page.goto('/agreements')
    await expect(page.locator('label', { hasText: nl['agreementStatus.ended'] })).toBeInViewport({ ratio: 1 })

    // People: the phone number is on screen, not in a column off to the right.
    await page.goto('/people')
    const phone = page.getByRole('link', { name: /^\+32/ }).first()
    await expect(phone).toBeInViewport()
  })

  test('the audit log', async ({ page }) => {
    await signIn(page, 'dpo.5453@demo.verbond.be')
    await page.goto('/audit')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0)
    await expectNoSidewaysScroll(page, 'audit')
    await expectAccessible(page, 'audit')
  })

  test('the MIDOW page lists its municipalities and says, in French, where Meulebeke went', async ({ page }) => {
    await signIn(page, 'dpo.5453@demo.verbond.be')
    await chooseLanguage(page, 'FR')
    await page.goto('/zones/5454')
    for (const name of ['Dentergem', 'Ingelmunster', 'Oostrozebeke', 'Wielsbeke'])
      await expect(page.getByText(name, { exact: true }).first()).toBeVisible()
    await expect(page.getByText(fr['zone.nowInZone'].replace('{zone}', '5448 Regio Tielt'))).toBeVisible()
    await expect(page.getByText(/policed by/)).toHaveCount(0)
    await chooseLanguage(page, 'NL')
  })
})
