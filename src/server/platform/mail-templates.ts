// The notification mails, one typed template per kind and locale. A template gives a subject and plain
// paragraphs; `renderMail` lays them out as a plain-text body and an HTML body, escaping every piece of text
// for HTML (names and other user data can never become markup). Add a kind: a line in MAIL_PARAMS (the
// parameters it needs, all strings) and its nl, fr and en texts in TEMPLATES; the compiler checks the rest.
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds.ts'
import { NOTIFICATION_TEMPLATES } from './notification-mail.ts'
import type { Locale } from './schema.ts'

type NotificationMailParams = { readonly [K in NotificationKind]: (typeof NOTIFICATION_KINDS)[K]['params'] }
/** Every notification kind is also a mail kind, with the same parameters (notifications.ts mails them). */
const NOTIFICATION_MAIL_PARAMS = Object.fromEntries(
  Object.entries(NOTIFICATION_KINDS).map(([kind, spec]) => [kind, spec.params]),
) as NotificationMailParams

/** Every mail kind and the names of its parameters (besides the recipient's name, which every mail has). */
export const MAIL_PARAMS = {
  /** An administrator reset the recipient's password: a security notice (the one-time password is not in it). */
  'account.password_reset': ['actorName'],
  ...NOTIFICATION_MAIL_PARAMS,
} as const satisfies Record<string, readonly string[]>

export type MailKind = keyof typeof MAIL_PARAMS
export type MailParams<K extends MailKind> = { [P in (typeof MAIL_PARAMS)[K][number]]: string }

export interface MailContent {
  subject: string
  /** Plain text, one paragraph each. */
  paragraphs: string[]
}

export type Template<K extends MailKind> = (p: MailParams<K> & { recipientName: string }) => MailContent

const TEMPLATES: { [K in MailKind]: Record<Locale, Template<K>> } = {
  ...NOTIFICATION_TEMPLATES,
  'account.password_reset': {
    nl: (p) => ({
      subject: 'Je Verbond-wachtwoord werd opnieuw ingesteld',
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.actorName} heeft het wachtwoord van uw Verbond-account opnieuw ingesteld. Uw eerdere sessies werden afgesloten.`,
        `Vraag ${p.actorName} om het eenmalige wachtwoord; bij uw volgende aanmelding kiest u een nieuw wachtwoord.`,
        'Had u dit niet verwacht? Neem dan meteen contact op met de beheerder van uw zone.',
      ],
    }),
    fr: (p) => ({
      subject: 'Votre mot de passe Verbond a été réinitialisé',
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.actorName} a réinitialisé le mot de passe de votre compte Verbond. Vos sessions précédentes ont été fermées.`,
        `Demandez le mot de passe à usage unique à ${p.actorName} ; à votre prochaine connexion, vous choisirez un nouveau mot de passe.`,
        'Vous ne vous y attendiez pas ? Contactez immédiatement l’administrateur de votre zone.',
      ],
    }),
    en: (p) => ({
      subject: 'Your Verbond password was reset',
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.actorName} reset the password of your Verbond account. Your earlier sessions were ended.`,
        `Ask ${p.actorName} for the one-time password; at your next sign-in you will choose a new password.`,
        'Did you not expect this? Contact the administrator of your zone at once.',
      ],
    }),
  },
}

const LINK_LABEL: Record<Locale, string> = {
  nl: 'Openen in Verbond',
  fr: 'Ouvrir dans Verbond',
  en: 'Open in Verbond',
}

const FOOTER: Record<Locale, string> = {
  nl: 'Dit is een automatisch bericht van Verbond; antwoorden wordt niet gelezen.',
  fr: 'Ceci est un message automatique de Verbond ; les réponses ne sont pas lues.',
  en: 'This is an automatic message from Verbond; replies are not read.',
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe to place in HTML (element content or a quoted attribute). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/**
 * The mail of `kind` in `locale`. `link` (an absolute http(s) URL, e.g. the notification's object in the app)
 * becomes a last paragraph: the bare URL in the text body, an anchor in the HTML body.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  locale: Locale,
  params: MailParams<K> & { recipientName: string },
  options: { link?: string | null } = {},
): RenderedMail {
  const template: Template<K> = TEMPLATES[kind][locale]
  const { subject, paragraphs } = template(params)
  const footer = FOOTER[locale]
  const link = options.link && /^https?:\/\//.test(options.link) ? options.link : null
  const linkText = link ? [`${LINK_LABEL[locale]}: ${link}`] : []
  const text = [...paragraphs, ...linkText, '--', footer].join('\n\n') + '\n'
  const linkHtml = link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(LINK_LABEL[locale])}</a></p>\n` : ''
  const html =
    `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family: sans-serif; line-height: 1.5">\n` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>\n`).join('') +
    linkHtml +
    `<hr><p style="color: #666; font-size: 0.9em">${escapeHtml(footer)}</p>\n</body></html>\n`
  return { subject, text, html }
}

/** Whether `params` has every parameter `kind` needs, as text (a job's payload is checked before it is sent). */
export function isMailParams<K extends MailKind>(kind: K, params: unknown): params is MailParams<K> {
  if (typeof params !== 'object' || params === null) return false
  const record = params as Record<string, unknown>
  return MAIL_PARAMS[kind].every((name) => typeof record[name] === 'string')
}

export const isMailKind = (kind: unknown): kind is MailKind =>
  typeof kind === 'string' && Object.hasOwn(MAIL_PARAMS, kind)
