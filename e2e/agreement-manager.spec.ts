// A korpschef drafts an agreement in the browser, submits it for approval, records their council's
// decision, and is told why it cannot come into force before the partner zone approves; the partner's
// korpschef approves and brings it into force; it is ended with a reason.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { pick, signIn, todayTyped } from './support.ts'

/** Records today's decision of one body in the approval dialog; the zone is the only one offered. */
async function recordToday(page: Page, zone: string, body: string, municipality?: string): Promise<void> {
  await page.getByRole('button', { name: nl['agreement.action.recordApproval'] }).click()
  const approval = page.getByRole('dialog', { name: nl['approval.title'] })
  // Only the zone this korpschef may record for is offered, and it is preselected.
  await expect(approval.getByRole('combobox', { name: nl['approval.zone'] })).toHaveValue(zone)
  await approval.getByRole('combobox', { name: nl['approval.zone'] }).click()
  await expect(page.getByRole('option')).toHaveText([zone])
  await approval.getByRole('combobox', { name: nl['approval.zone'] }).press('Tab')
  await pick(page, approval.getByRole('combobox', { name: nl['approval.body'] }), body)
  if (municipality)
    await pick(page, approval.getByRole('combobox', { name: nl['approval.municipality'] }), municipality)
  // Today, typed the Belgian way (the date field reads dd/mm/yyyy).
  await approval.getByRole('textbox', { name: nl['approval.decidedOn'] }).fill(todayTyped())
  await approval.getByRole('button', { name: nl['approval.submit'] }).click()
  await expect(approval).toBeHidden()
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

test.setTimeout(90_000)
test('a korpschef drafts an agreement; both zones approve it; it comes into force and ends', async ({
  page,
  browser,
}) => {
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
  const url = page.url()
  await page.getByRole('button', { name: nl['agreement.action.submit'] }).click()
  await recordToday(page, '5382 Voeren', nl['approvalBody.gemeenteraad'], 'Voeren')
  await expect(page.getByText('Gemeenteraad Voeren', { exact: true })).toBeVisible()
  await expect(page.getByText(todayTyped()).first()).toBeVisible()

  // Not yet: the step is not offered, and the page says which zone still has to approve.
  const bringIntoForce = page.getByRole('button', { name: nl['agreement.action.bringIntoForce'] })
  await expect(bringIntoForce).toBeDisabled()
  const consent = page.getByRole('alert').filter({ hasText: nl['agreement.consent.title'] })
  await expect(consent).toContainText('Nog geen beslissing van: 5381 Bilzen-Hoeselt-Riemst.')

  // The partner's korpschef records their council's decision and brings it into force.
  const partner = await signedInPage(browser, 'korpschef.5381@demo.verbond.be')
  await partner.goto(url)
  await recordToday(partner, '5381 Bilzen-Hoeselt-Riemst', nl['approvalBody.politieraad'])
  await expect(partner.getByText(nl['agreement.consent.ready'])).toBeVisible()
  await partner.getByRole('button', { name: nl['agreement.action.bringIntoForce'] }).click()
  const transition = partner.getByRole('dialog', { name: nl['agreement.bringIntoForce.title'] })
  await transition.getByRole('button', { name: nl['agreement.action.bringIntoForce'] }).click()
  await expect(transition).toBeHidden()
  await expect(partner.getByText(nl['agreementStatus.in_force']).first()).toBeVisible()

  // Ending asks a reason; the last day defaults to today.
  await partner.getByRole('button', { name: nl['agreement.action.end'] }).click()
  const end = partner.getByRole('dialog', { name: nl['agreement.end.title'] })
  await end.getByRole('button', { name: nl['agreement.action.end'] }).click()
  await expect(end.getByText(nl['approval.required'])).toBeVisible()
  await end.getByRole('textbox', { name: nl['agreement.end.reason'] }).fill('Vervangen door het fusieprotocol')
  await end.getByRole('button', { name: nl['agreement.action.end'] }).click()
  await expect(end).toBeHidden()
  await expect(partner.getByText('Beëindigd: Vervangen door het fusieprotocol')).toBeVisible()
  await partner.context().close()
})

test('an approval of an earlier content is shown void, and the page says the zone must decide again', async ({
  page,
}) => {
  await signIn(page, 'korpschef.5373@demo.verbond.be')
  const csrf = ((await (await page.request.get('/api/me')).json()) as { csrfToken: string }).csrfToken
  const call = async (method: string, url: string, data: unknown) =>
    (await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } })).json() as Promise<{
      id: string
    }>
  const zones = ((await (await page.request.get('/api/zones')).json()) as { items: { id: string; code: string }[] })
    .items
  const zone = (code: string) => zones.find((z) => z.code === code)?.id
  const association = (
    (await (await page.request.get('/api/associations')).json()) as { items: { id: string; name: string }[] }
  ).items.find((a) => a.name === 'BHT + Heusden-Zolder')
  const { id } = await call('POST', '/api/agreements', {
    associationId: association?.id,
    kind: 'intentieverklaring',
    title: 'Gezamenlijke opleidingen',
    partyZoneIds: [zone('5373'), zone('5375')],
    domains: ['training'],
  })
  await call('POST', `/api/agreements/${id}/approvals`, {
    zoneId: zone('5373'),
    body: 'politieraad',
    decision: 'approved',
    decidedOn: '2026-10-01',
  })
  // The content changes after the approval: the approval is void, the council must decide again.
  await call('PATCH', `/api/agreements/${id}`, { domains: ['training', 'dpo'] })
  await page.goto(`/agreements/${id}`)
  await expect(page.getByText(nl['approval.supersededShort'], { exact: true })).toBeVisible()
  await expect(page.getByText(/Vervallen: gold voor versie 1 van de inhoud/)).toBeVisible()
  await expect(page.getByText(/Verouderd: 5373 Beringen\/Ham\/Tessenderlo keurde een vorige versie goed/)).toBeVisible()
  await expect(page.getByText(nl['agreement.consent.outdated'])).toBeVisible()
})
