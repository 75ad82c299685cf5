// A korpschef drafts an agreement in the browser, submits it for approval, records their council's
// decision, and is told clearly why it cannot come into force before the partner zone approves.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { signIn } from './support.ts'

/** Mantine Select / MultiSelect: open the combobox, pick options by their visible text. */
async function pick(page: Page, field: Locator, ...options: string[]): Promise<void> {
  await field.click()
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click()
  // Tab, not Escape: Escape would also close the modal around the field.
  await field.press('Tab')
}

test.setTimeout(45_000)
test('a korpschef drafts an agreement, submits it and records the Voeren council decision', async ({ page }) => {
  await signIn(page, 'korpschef.5382@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.agreements'] }).click()
  await page.getByRole('button', { name: nl['agreements.new'] }).click()

  const dialog = page.getByRole('dialog', { name: nl['newAgreement.title'] })
  await pick(
    page,
    dialog.getByRole('combobox', { name: nl['newAgreement.kind'] }),
    nl['agreementKind.associatieprotocol'],
  )
  await dialog.getByRole('textbox', { name: nl['newAgreement.titleField'] }).fill('Addendum gedeelde drone')
  await pick(
    page,
    dialog.getByRole('combobox', { name: nl['newAgreement.parties'] }),
    '5381 Bilzen-Hoeselt-Riemst',
    '5382 Voeren',
  )
  await pick(page, dialog.getByRole('combobox', { name: nl['newAgreement.domains'] }), nl['domain.equipment'])
  await dialog.getByRole('button', { name: nl['newAgreement.submit'] }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Addendum gedeelde drone' })).toBeVisible()
  await page.getByRole('button', { name: nl['agreement.action.submit'] }).click()
  await page.getByRole('button', { name: nl['agreement.action.recordApproval'] }).click()
  const approval = page.getByRole('dialog', { name: nl['approval.title'] })
  await pick(page, approval.getByRole('combobox', { name: nl['approval.zone'] }), '5382 Voeren')
  await pick(page, approval.getByRole('combobox', { name: nl['approval.body'] }), nl['approvalBody.gemeenteraad'])
  await pick(page, approval.getByRole('combobox', { name: nl['approval.municipality'] }), 'Voeren')
  // Today, typed the Belgian way (the date field reads dd/mm/yyyy).
  const today = new Date()
  const shown = new Intl.DateTimeFormat('nl-BE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(today)
  await approval.getByRole('textbox', { name: nl['approval.decidedOn'] }).fill(shown)
  await approval.getByRole('button', { name: nl['approval.submit'] }).click()
  await expect(approval).toBeHidden()
  await expect(page.getByText('Gemeenteraad Voeren', { exact: true })).toBeVisible()
  await expect(page.getByText(shown).first()).toBeVisible()

  // Bringing it into force now must fail with the server's explanation.
  await page.getByRole('button', { name: nl['agreement.action.bringIntoForce'] }).click()
  const transition = page.getByRole('dialog', { name: nl['agreement.bringIntoForce.title'] })
  await transition.getByRole('button', { name: nl['agreement.action.bringIntoForce'] }).click()
  await expect(page.getByText('Niet alle partnerzones hebben de overeenkomst goedgekeurd.').first()).toBeVisible()
})
