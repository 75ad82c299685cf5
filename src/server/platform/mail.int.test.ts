// Notification mail against a real SMTP server (smtp-server, listening on 127.0.0.1 in this process): a
// password reset mails the account's owner in their locale, with plain-text and HTML bodies; a rollback sends
// nothing; an SMTP failure is retried with back-off; without SMTP_URL nothing is sent and nothing fails.
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../test/harness.ts'
import { startBackground } from './background.ts'
import { TestClock } from './clock.ts'
import { jobRunner } from './jobs.ts'
import { enqueueMail, MAIL_JOB_KIND, mailJobs, type MailConfig } from './mail.ts'
import { escapeHtml } from './mail-templates.ts'

const clock = new TestClock('2026-06-01T08:00:00Z')
const quiet = { error: () => undefined }
let t: TestApp
let chef: Session
let smtp: SMTPServer
let smtpUrl: string
const received: ParsedMail[] = []
let refuseNext = 0

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'verbond' && auth.password === 's3cret') callback(null, { user: auth.username })
      else callback(new Error('bad credentials'))
    },
    onData(stream, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--
        stream.resume()
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })))
        return
      }
      simpleParser(stream).then(
        (mail) => {
          received.push(mail)
          callback()
        },
        (err: Error) => callback(err),
      )
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpUrl = `smtp://verbond:s3cret@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  t = await startTestApp({}, { clock })
  chef = await t.login('korpschef.5373@demo.verbond.be')
})
afterAll(async () => {
  await t.close()
  await new Promise<void>((resolve) => smtp.close(resolve))
})

const config = (): MailConfig => ({
  smtpUrl,
  mailFrom: 'Verbond <noreply@verbond.test>',
  publicUrl: 'https://verbond.test',
})
const runner = (mail: MailConfig = config()) => jobRunner(t.database.db, mailJobs(mail), { clock, log: quiet })

let counter = 0
async function account(locale: 'nl' | 'fr', displayName: string) {
  const zoneId = (
    await t.database.db.selectFrom('zones').select('id').where('code', '=', '5373').executeTakeFirstOrThrow()
  ).id
  const res = await chef.request({
    method: 'POST',
    url: '/api/accounts',
    payload: {
      email: `mail${++counter}@mail.test`,
      displayName,
      locale,
      roles: [{ role: 'planner', zoneId }],
    },
  })
  expect(res.statusCode).toBe(201)
  return res.json<{ account: { id: string; email: string } }>().account
}

async function reset(id: string) {
  clock.advance(1000) // each reset its own moment (the mail's idempotency key)
  expect((await chef.request({ method: 'POST', url: `/api/accounts/${id}/password-reset` })).statusCode).toBe(200)
}

const mailJobsOf = (userId: string) =>
  t.database.db
    .selectFrom('jobs')
    .select(['state', 'attempts', 'last_error', 'run_at'])
    .where('kind', '=', MAIL_JOB_KIND)
    .where((eb) => eb.ref('payload', '->>').key('to'), '=', userId)
    .execute()

const toAddress = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address

describe('notification mail', () => {
  it('a password reset mails the owner in Dutch: subject, plain text and HTML, user data escaped', async () => {
    const chefName = (
      await t.database.db
        .selectFrom('users')
        .select('display_name')
        .where('email', '=', 'korpschef.5373@demo.verbond.be')
        .executeTakeFirstOrThrow()
    ).display_name
    const name = 'Jan <b>De Smet</b> & "Co"'
    const owner = await account('nl', name)
    await reset(owner.id)
    received.length = 0
    expect(await runner().runDue()).toBe(1)
    expect(received).toHaveLength(1)
    const mail = received[0]!
    expect(toAddress(mail)).toBe(owner.email)
    expect(mail.from?.value[0]?.address).toBe('noreply@verbond.test')
    expect(mail.subject).toBe('Je Verbond-wachtwoord werd opnieuw ingesteld')
    expect(mail.text).toContain(`Beste ${name},`)
    expect(mail.text).toContain(`${chefName} heeft het wachtwoord van uw Verbond-account opnieuw ingesteld.`)
    expect(mail.text).toContain('Dit is een automatisch bericht van Verbond')
    const html = String(mail.html)
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain(`<p>Beste ${escapeHtml(name)},</p>`)
    expect(html).toContain('Jan &lt;b&gt;De Smet&lt;/b&gt; &amp; &quot;Co&quot;')
    expect(html).not.toContain('<b>De Smet')
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated')
    expect(await mailJobsOf(owner.id)).toMatchObject([{ state: 'done', attempts: 1, last_error: null }])
  })

  it('mails in French to a French-speaking account', async () => {
    const owner = await account('fr', 'Marie Dupont')
    await reset(owner.id)
    received.length = 0
    expect(await runner().runDue()).toBe(1)
    expect(received).toHaveLength(1)
    const mail = received[0]!
    expect(toAddress(mail)).toBe(owner.email)
    expect(mail.subject).toBe('Votre mot de passe Verbond a été réinitialisé')
    expect(mail.text).toContain('Bonjour Marie Dupont,')
    expect(mail.text).toContain('a réinitialisé le mot de passe de votre compte Verbond')
    expect(String(mail.html)).toContain('<html lang="fr">')
    expect(String(mail.html)).toContain('<p>Bonjour Marie Dupont,</p>')
    expect(String(mail.html)).toContain('Vous ne vous y attendiez pas ? Contactez imm')
  })

  it('sends nothing for a transaction that rolls back', async () => {
    const owner = await account('nl', 'Teruggedraaid')
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await enqueueMail(trx, {
          kind: 'account.password_reset',
          to: owner.id,
          params: { actorName: 'Iemand' },
          key: 'rolled-back',
        })
        throw new Error('rollback')
      })
      .catch(() => undefined) // the rollback is the point
    received.length = 0
    expect(await runner().runDue()).toBe(0)
    expect(received).toEqual([])
    expect(await mailJobsOf(owner.id)).toEqual([])
  })

  it('retries with back-off when the SMTP server refuses, then delivers once', async () => {
    const owner = await account('nl', 'Geduldig')
    await reset(owner.id)
    received.length = 0
    refuseNext = 1
    const mails = runner()
    expect(await mails.runDue()).toBe(1)
    expect(received).toEqual([])
    const [failed] = await mailJobsOf(owner.id)
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 })
    expect(failed?.last_error).toMatch(/451/)
    expect(failed?.run_at.getTime()).toBe(clock.now().getTime() + 60_000) // the first back-off: a minute
    expect(await mails.runDue()).toBe(0) // not due yet
    clock.advance(60_000)
    expect(await mails.runDue()).toBe(1)
    expect(received.map(toAddress)).toEqual([owner.email])
    expect(await mailJobsOf(owner.id)).toMatchObject([{ state: 'done', attempts: 2 }])
  })

  it("the server's background runner sends mail with the configured SMTP_URL and MAIL_FROM", async () => {
    const owner = await account('nl', 'Via De Server')
    await reset(owner.id)
    received.length = 0
    const background = await startBackground(
      t.database,
      { ...t.config, databaseUrl: t.databaseUrl, smtpUrl, mailFrom: 'Zone 5373 <zone@verbond.test>' },
      { clock, log: quiet, pollMs: 3_600_000 }, // the test runs the jobs itself
    )
    try {
      while ((await background.jobs.runDue()) > 0);
    } finally {
      await background.close()
    }
    expect(received.map(toAddress)).toEqual([owner.email])
    expect(received[0]?.from?.value[0]).toMatchObject({ name: 'Zone 5373', address: 'zone@verbond.test' })
  })

  it('without SMTP_URL sends nothing and the job ends without failing', async () => {
    const owner = await account('fr', 'Sans Courriel')
    await reset(owner.id)
    received.length = 0
    expect(await runner({ ...config(), smtpUrl: null }).runDue()).toBe(1)
    expect(received).toEqual([])
    expect(await mailJobsOf(owner.id)).toMatchObject([{ state: 'done', attempts: 1, last_error: null }])
  })
})
