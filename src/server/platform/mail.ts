// Notification mail. A feature calls `enqueueMail(trx, …)` in the transaction of the write that causes it:
// the mail is a durable job (jobs.ts), so a rollback sends nothing and a commit never loses it. The job
// runner's `mail.send` handler (registered by background.ts) loads the recipient, renders the mail in the
// recipient's locale (mail-templates.ts: plain text and HTML) and hands it to the SMTP server of SMTP_URL
// through nodemailer; an SMTP failure is retried with back-off. Without SMTP_URL the job ends without
// sending: notifications then stay in the app only. Delivery is at least once (a crash between the SMTP
// answer and the job's end sends again); the Message-ID is the job's, so a mailbox can tell a repeat.
import type { Kysely } from 'kysely'
import { createTransport, type Transporter } from 'nodemailer'
import type { Config } from '../config.ts'
import { enqueue, type JobDefinition } from './jobs.ts'
import { isMailKind, isMailParams, renderMail, type MailKind, type MailParams } from './mail-templates.ts'
import type { DB } from './schema.ts'

export const MAIL_JOB_KIND = 'mail.send'

export interface MailRequest<K extends MailKind> {
  kind: K
  /** The recipient: a user id (the address and locale are read when the mail is sent). */
  to: string
  params: MailParams<K>
  /** What makes this mail unique (e.g. the changed row and the time of the change): the same key is one mail. */
  key: string
  /** An app path (`/agreements/<id>`) the mail links to, after PUBLIC_URL. */
  path?: string | null
}

/** Enqueues a notification mail in the caller's transaction. */
export async function enqueueMail<K extends MailKind>(trx: Kysely<DB>, request: MailRequest<K>) {
  return enqueue(trx, {
    kind: MAIL_JOB_KIND,
    idempotencyKey: `${request.kind}:${request.to}:${request.key}`,
    payload: { kind: request.kind, to: request.to, params: request.params, path: request.path ?? null },
  })
}

export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>

/** SMTP is slow to recover at times: a minute, doubling, at most an hour apart; given up after about a day. */
const MAIL_BACKOFF = { baseMs: 60_000, maxMs: 3_600_000 }
const MAIL_MAX_ATTEMPTS = 30

/** The mail job definition; `backoff` is for tests. */
export function mailJobs(config: MailConfig, options: { backoff?: { baseMs: number; maxMs: number } } = {}) {
  let transport: Transporter | null = null
  const senderDomain = /@([^\s@<>]+)>?$/.exec(config.mailFrom)?.[1] ?? 'verbond.invalid'
  const definition: JobDefinition = {
    kind: MAIL_JOB_KIND,
    maxAttempts: MAIL_MAX_ATTEMPTS,
    backoff: options.backoff ?? MAIL_BACKOFF,
    async run(job, { db }) {
      if (!config.smtpUrl) return // no SMTP server: notifications stay in the app
      const { kind, to, params, path } = job.payload
      if (!isMailKind(kind) || typeof to !== 'string' || !isMailParams(kind, params))
        throw new Error(`mail job ${job.id} has an invalid payload`)
      const user = await db
        .selectFrom('users')
        .select(['email', 'display_name', 'locale'])
        .where('id', '=', to)
        .executeTakeFirst()
      if (!user) return // the account is gone: nobody to tell
      const link = typeof path === 'string' && path.startsWith('/') ? `${config.publicUrl}${path}` : null
      const mail = renderMail(kind, user.locale, { ...params, recipientName: user.display_name }, { link })
      transport ??= createTransport(config.smtpUrl)
      await transport.sendMail({
        from: config.mailFrom,
        to: { name: user.display_name, address: user.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<verbond-job-${job.id}@${senderDomain}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': user.locale },
      })
    },
  }
  return [definition]
}
