// A korpschef of BHT (5373) creates a planner account for their zone, reads the one-time password off the
// screen once, and the new user signs in with it, is made to choose their own password, and then reaches the
// app. Screenshots at 1280 and 390 px in Dutch and French go to /tmp for a human to look at.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { fr } from '../src/web/i18n/fr.ts'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, signIn, submitLogin } from './support.ts'

const KORPSCHEF = 'korpschef.5373@demo.verbond.be'
const NEW_EMAIL = `nieuwe.planner.${Date.now()}@pz5373.be`
const NEW_NAME = 'Nieuwe Planner'
const NEW_PASSWORD = 'drie koude koffiebekers'

/** The page (not a table inside it) never scrolls sideways; polled, as a closing dropdown may still be fading. */
async function noSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0)
}

/** A Mantine modal fades in: axe measures contrast on the settled dialog, not mid-transition. */
const settled = (dialog: Locator) => expect(dialog).toHaveCSS('opacity', '1')

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/accounts-${name}.png`, fullPage: true })

test('a korpschef creates an account with a role for their zone; the new user must change the one-time password', async ({
  page,
}) => {
  // Many steps, three axe checks and several screenshots on a shared machine.
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, KORPSCHEF)
  await page.getByRole('link', { name: nl['nav.accounts'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['accounts.pageTitle'] })).toBeVisible()
  await expect(page.getByTestId('account-row').first()).toBeVisible()
  await expectAccessible(page, 'accounts')
  await shot(page, 'nl-1280')

  // Create: name, e-mail, zone (the only one, preselected), role planner.
  await page.getByRole('button', { name: nl['accounts.new'] }).click()
  const dialog = page.getByRole('dialog', { name: nl['accounts.new'] })
  await dialog.getByLabel(nl['accounts.form.name']).fill(NEW_NAME)
  await dialog.getByLabel(nl['accounts.form.email']).fill(NEW_EMAIL)
  await dialog.getByRole('combobox', { name: nl['accounts.form.roles'] }).click()
  await page.getByRole('option', { name: nl['role.planner'], exact: true }).click()
  await dialog.getByRole('combobox', { name: nl['accounts.form.roles'] }).press('Escape')
  await expect(dialog.getByRole('combobox', { name: nl['accounts.form.person'] })).toBeVisible()
  await settled(dialog)
  await expectAccessible(page, 'new account dialog')
  await shot(page, 'nl-new')
  await dialog.getByRole('button', { name: nl['accounts.form.submit'] }).click()

  // The one-time password, shown once, with a copy button.
  const otpDialog = page.getByRole('dialog', { name: nl['accounts.otp.title'] })
  await expect(otpDialog).toBeVisible()
  await expect(otpDialog.getByRole('button', { name: nl['accounts.otp.copy'] })).toBeVisible()
  const oneTimePassword = (await otpDialog.getByTestId('one-time-password').textContent())?.trim() ?? ''
  expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
  await settled(otpDialog)
  await expectAccessible(page, 'one-time password dialog')
  await shot(page, 'nl-otp')
  await otpDialog.getByRole('button', { name: nl['accounts.otp.done'] }).click()

  const row = page.getByTestId('account-row').filter({ hasText: NEW_EMAIL })
  await expect(row).toContainText(nl['accounts.status.mustChange'])
  await expect(row).toContainText(`${nl['role.planner']} · 5373`)

  // Manage dialog: roles and actions.
  await row.getByRole('button', { name: nl['accounts.manageLabel'].replace('{name}', NEW_NAME) }).click()
  const manage = page.getByRole('dialog', { name: nl['accounts.manageTitle'].replace('{name}', NEW_NAME) })
  await expect(manage.getByRole('button', { name: nl['accounts.disable'] })).toBeVisible()
  await settled(manage)
  await expectAccessible(page, 'manage account dialog')
  await shot(page, 'nl-manage')
  await manage.getByRole('button', { name: nl['common.close'] }).click()
  await expect(manage).toBeHidden()

  // Phone width: cards, no sideways scrolling; then French.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByTestId('account-card').first()).toBeVisible()
  await noSidewaysScroll(page)
  await shot(page, 'nl-390')
  await page.getByText('FR', { exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: fr['accounts.pageTitle'] })).toBeVisible()
  await noSidewaysScroll(page)
  await shot(page, 'fr-390')
  await page.setViewportSize({ width: 1280, height: 900 })
  await shot(page, 'fr-1280')
  await expectAccessible(page, 'accounts (fr)')
  await page.getByText('NL', { exact: true }).first().click()

  // The korpschef signs out; the new user signs in with the one-time password.
  await page.getByRole('button', { name: nl['header.logout'] }).click()
  await expect(page).toHaveURL(/\/login/)
  await submitLogin(page, NEW_EMAIL, oneTimePassword)
  await expect(page.getByRole('heading', { level: 1, name: nl['password.forcedTitle'] })).toBeVisible()
  await expect(page.getByRole('link', { name: nl['nav.agreements'] })).toHaveCount(0)
  await expectAccessible(page, 'forced password change')
  await shot(page, 'nl-forced')
  await page.setViewportSize({ width: 390, height: 844 })
  await noSidewaysScroll(page)
  await shot(page, 'nl-forced-390')
  await page.setViewportSize({ width: 1280, height: 900 })

  // The API agrees: nothing but the change until it is done.
  const blocked = await page.evaluate(async () => (await fetch('/api/agreements')).status)
  expect(blocked).toBe(403)

  await page.getByLabel(nl['password.currentOneTime'], { exact: true }).fill(oneTimePassword)
  await page.getByLabel(nl['password.new'], { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel(nl['password.repeat'], { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: nl['password.submit'] }).click()

  // Then the app itself.
  await expect(page.getByRole('link', { name: nl['nav.agreements'] })).toBeVisible()
  await expect(page.getByRole('link', { name: nl['nav.accounts'] })).toHaveCount(0)
  await expect(page.getByText(NEW_NAME).first()).toBeVisible()

  // Every user can change their password from the user menu.
  await page.getByRole('link', { name: nl['password.menu'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['password.pageTitle'] })).toBeVisible()
  // The icon's tooltip fades out once the pointer leaves; axe should not measure it mid-fade.
  await page.mouse.move(640, 700)
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  await expectAccessible(page, 'change password')
  await shot(page, 'nl-change-1280')
})

test('the association admin sees the accounts of the member zones and can filter by zone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'admin@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.accounts'] }).click()
  await expect(page.getByRole('heading', { level: 1, name: nl['accounts.pageTitle'] })).toBeVisible()
  const zone = page.getByRole('combobox', { name: nl['accounts.zoneFilter'] })
  await zone.click()
  await page.getByRole('option', { name: /^5375 / }).click()
  await expect(page.getByTestId('account-row').filter({ hasText: 'korpschef.5375@demo.verbond.be' })).toBeVisible()
  await expect(page.getByTestId('account-row').filter({ hasText: 'korpschef.5373@demo.verbond.be' })).toHaveCount(0)
  await expectAccessible(page, 'accounts (admin)')
  await shot(page, 'admin-1280')
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByTestId('account-card').first()).toBeVisible()
  await noSidewaysScroll(page)
  await shot(page, 'admin-390')
})
