// The notifications seam with its real neighbours: the bus and GET /api/events over a socket (a notification
// reaches its recipient's streams and nobody else's), mail through a real SMTP listener (nl and fr, text and
// HTML, with the link to the object), mail only in a process with SMTP, and the retention job.
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makeUser,
  sessionFor,
  type AssociationRef,
  type UserRef,
} from '../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../test/harness.ts'
import { until } from '../../../test/wait.ts'
import { buildApp } from '../app.ts'
import type { LiveEvent } from '../features/events/schema.ts'
import { TestClock } from './clock.ts'
import { startEventBus, type EventBus } from './events.ts'
import { enqueue, jobRunner } from './jobs.ts'
import { MAIL_JOB_KIND, mailJobs } from './mail.ts'
import { NOTIFICATION_CREATED, notificationJobs, notify, runWithNotificationMail } from './notifications.ts'

const quiet = { error: () => undefined }
let smtp: SMTPServer
const received: ParsedMail[] = []
let t: TestApp
let bus: EventBus
let streaming: FastifyInstance
let base: string
let association: AssociationRef
let chefNl: UserRef
let chefFr: UserRef
let admin: UserRef
let adminSession: Session

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
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
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  t = await startTestApp({ smtpUrl, publicUrl: 'https://verbond.test', mailFrom: 'Verbond <noreply@verbond.test>' })
  bus = await startEventBus(t.database, { databaseUrl: t.databaseUrl, pollMs: 60_000 })
  streaming = await buildApp(t.config, t.database, { bus, eventStreams: { heartbeatMs: 200, recheckMs: 0 } })
  base = await streaming.listen({ port: 0, host: '127.0.0.1' })
  association = await makeAssociation(t, { zoneCount: 2 })
  chefNl = await makeUser(t, 'korpschef', association.zones[0]!)
  chefFr = await makeUser(t, 'korpschef', association.zones[1]!)
  await t.database.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', chefFr.id).execute()
  admin = await makeUser(t, 'admin', association)
  adminSession = await sessionFor(t, admin)
})
afterAll(async () => {
  await streaming.close()
  await bus.close()
  await t.close()
  await new Promise<void>((resolve) => smtp.close(resolve))
})

/** The live events of one stream, read until the test closes it. */
async function openStream(session: Session) {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/events`, { headers: { cookie: session.cookie }, signal: abort.signal })
  expect(res.status).toBe(200)
  const events: LiveEvent[] = []
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, i)
            .split('\n')
            .find((l) => l.startsWith('data: '))
          if (data && !buffer.slice(0, i).includes('event: ')) events.push(JSON.parse(data.slice(6)) as LiveEvent)
          buffer = buffer.slice(i + 2)
        }
      }
    } catch {
      // aborted by the test
    }
  })()
  return { events, close: () => abort.abort() }
}

const toApproval = async () => {
  const draft = await makeAgreement(t, { association, domains: ['training'], inForce: false, admin })
  const res = await adminSession.request({
    method: 'POST',
    url: `/api/agreements/${draft.id}/transitions`,
    payload: { to: 'in_approval' },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ id: string; title: string }>()
}

describe('notifications on the bus', () => {
  it('reach the addressed user’s stream only, never a colleague’s with the same role and zone', async () => {
    const colleague = await makeUser(t, 'korpschef', association.zones[0]!)
    const mine = await openStream(await sessionFor(t, chefNl))
    const theirs = await openStream(await sessionFor(t, colleague))
    // Both streams are open (a first heartbeat-driven read has happened) before the change is made.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const agreement = await toApproval()
    await bus.flush()
    await until(() => mine.events.some((e) => e.type === NOTIFICATION_CREATED), 'the notification event')
    const event = mine.events.find((e) => e.type === NOTIFICATION_CREATED)!
    expect(event).toMatchObject({ userId: chefNl.id, zoneId: null, associationId: null })
    expect(event.payload).toMatchObject({ kind: 'agreement.approval_requested' })
    const row = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'object_id'])
      .where('id', '=', event.payload.notificationId as string)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ user_id: chefNl.id, object_id: agreement.id })
    // The colleague (same zone and role) got their own notification's event: it proves their stream was
    // delivering, and it is the only one it carried.
    await until(() => theirs.events.some((e) => e.type === NOTIFICATION_CREATED), "the colleague's own event")
    expect(theirs.events.filter((e) => e.type === NOTIFICATION_CREATED).map((e) => e.userId)).toEqual([colleague.id])
    expect(mine.events.filter((e) => e.type === NOTIFICATION_CREATED).map((e) => e.userId)).toEqual([chefNl.id])
    mine.close()
    theirs.close()
    // The colleague's account is not needed by the mail test: disable it so it gets no mail there.
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', colleague.id).execute()
  })
})

describe('notification mail', () => {
  it('mails each recipient in their language, plain text and HTML, linking to the object', async () => {
    await t.database.db.deleteFrom('jobs').where('kind', '=', MAIL_JOB_KIND).execute()
    const agreement = await toApproval()
    received.length = 0
    const runner = jobRunner(t.database.db, mailJobs(t.config), { log: quiet })
    expect(await runner.runDue()).toBe(2)
    expect(received).toHaveLength(2)
    const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address
    const nl = received.find((m) => to(m) === chefNl.email)!
    const fr = received.find((m) => to(m) === chefFr.email)!
    const link = `https://verbond.test/agreements/${agreement.id}`

    expect(nl.subject).toBe(`Overeenkomst ter goedkeuring: ${agreement.title}`)
    expect(nl.text).toContain(`Beste ${chefNl.displayName},`)
    expect(nl.text).toContain('leg de beslissing van uw raad vast in Verbond')
    expect(nl.text).toContain(`Openen in Verbond: ${link}`)
    expect(String(nl.html)).toContain('<html lang="nl">')
    expect(String(nl.html)).toContain(`<a href="${link}">Openen in Verbond</a>`)

    expect(fr.subject).toBe(`Accord soumis à approbation : ${agreement.title}`)
    expect(fr.text).toContain(`Bonjour ${chefFr.displayName},`)
    expect(fr.text).toContain('enregistrez la décision de votre conseil dans Verbond')
    expect(fr.text).toContain(`Ouvrir dans Verbond: ${link}`)
    expect(String(fr.html)).toContain('<html lang="fr">')
    expect(String(fr.html)).toContain(`<a href="${link}">Ouvrir dans Verbond</a>`)
  })

  it('enqueues mail only in a process that sends mail (SMTP_URL); the in-app row is written either way', async () => {
    const user = await makeUser(t, 'planner', association.zones[0]!)
    const send = (enabled: boolean, title: string) =>
      runWithNotificationMail(enabled, () =>
        t.database.db.transaction().execute((trx) =>
          notify(trx, {
            recipients: [user.id, user.id],
            kind: 'agreement.approvals_voided',
            params: { title },
            object: { type: 'agreement', id: '00000000-0000-4000-8000-000000000001' },
          }),
        ),
      )
    expect(await send(false, 'Zonder mail')).toHaveLength(1) // duplicates are notified once
    const jobsOf = () =>
      t.database.db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', MAIL_JOB_KIND)
        .where((eb) => eb.ref('payload', '->>').key('to'), '=', user.id)
        .execute()
    expect(await jobsOf()).toEqual([])
    const [id] = await send(true, 'Met mail')
    const jobs = await jobsOf()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.payload).toMatchObject({ kind: 'agreement.approvals_voided', params: { title: 'Met mail' } })
    expect(id).toBeTruthy()
  })

  it('mails what jobs notify too, when the runner belongs to a process that sends mail', async () => {
    const user = await makeUser(t, 'planner', association.zones[0]!)
    const notifying = (title: string) => ({
      kind: `test.notify.${title}`,
      run: async () => {
        await t.database.db.transaction().execute((trx) =>
          notify(trx, {
            recipients: [user.id],
            kind: 'agreement.approvals_voided',
            params: { title },
            object: { type: 'agreement', id: '00000000-0000-4000-8000-000000000002' },
          }),
        )
      },
    })
    for (const [mail, title] of [
      [false, 'job-without-mail'],
      [true, 'job-with-mail'],
    ] as const) {
      const definition = notifying(title)
      const runner = jobRunner(t.database.db, [definition], { log: quiet, mail })
      await t.database.db.transaction().execute((trx) => enqueue(trx, { kind: definition.kind }))
      expect(await runner.runDue()).toBe(1)
    }
    const mails = await t.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', MAIL_JOB_KIND)
      .where((eb) => eb.ref('payload', '->>').key('to'), '=', user.id)
      .execute()
    expect(mails.map((m) => (m.payload as { params: { title: string } }).params.title)).toEqual(['job-with-mail'])
  })
})

describe('retention', () => {
  it('purges read notifications older than NOTIFICATION_RETENTION_DAYS; unread ones stay', async () => {
    const user = await makeUser(t, 'officer', association.zones[1]!)
    const day = 86_400_000
    const clock = new TestClock('2026-06-01T08:00:00Z')
    const at = (days: number) => new Date(clock.now().getTime() - days * day)
    const insert = (createdDaysAgo: number, readDaysAgo: number | null) =>
      t.database.db
        .insertInto('notifications')
        .values({
          user_id: user.id,
          kind: 'agreement.in_force',
          params: JSON.stringify({ title: `${createdDaysAgo}/${readDaysAgo}`, effectiveFrom: '2026-01-01' }),
          created_at: at(createdDaysAgo),
          read_at: readDaysAgo === null ? null : at(readDaysAgo),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const oldRead = await insert(200, 91)
    const recentRead = await insert(200, 89)
    const oldUnread = await insert(400, null)
    const runner = jobRunner(t.database.db, notificationJobs({ notificationRetentionDays: 90 }), { clock, log: quiet })
    await runner.start() // enqueues the current period's purge
    await runner.stop()
    expect(await runner.runDue()).toBe(1)
    const left = await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', user.id).execute()
    expect(left.map((r) => r.id).sort()).toEqual([recentRead.id, oldUnread.id].sort())
    expect(left.map((r) => r.id)).not.toContain(oldRead.id)
  })
})
