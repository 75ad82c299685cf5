import { describe, expect, it } from 'vitest'
import { LOCALES } from './enums.ts'
import { escapeHtml, isMailParams, MAIL_PARAMS, renderMail, type MailKind } from './mail-templates.ts'

describe('mail templates', () => {
  it('every kind renders in nl, fr and en, differently, with every parameter in both bodies', () => {
    for (const kind of Object.keys(MAIL_PARAMS) as MailKind[]) {
      const params = Object.fromEntries(MAIL_PARAMS[kind].map((name) => [name, `«${name}»`]))
      if (!isMailParams(kind, params)) throw new Error('test parameters incomplete')
      const subjects = new Set<string>()
      for (const locale of LOCALES) {
        const mail = renderMail(kind, locale, { ...params, recipientName: '«recipient»' })
        subjects.add(mail.subject)
        for (const value of [...Object.values(params), '«recipient»']) {
          expect(mail.text, `${kind} ${locale}`).toContain(value)
          expect(mail.html, `${kind} ${locale}`).toContain(value)
        }
        expect(mail.html).toContain(`<html lang="${locale}">`)
      }
      expect(subjects.size, kind).toBe(LOCALES.length)
    }
  })

  it('escapes user data in HTML and keeps it as it is in plain text', () => {
    const mail = renderMail('account.password_reset', 'en', {
      actorName: `<script>alert('x')</script>`,
      recipientName: 'A & B "C"',
    })
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;')
    expect(mail.html).toContain('Dear A &amp; B &quot;C&quot;,')
    expect(mail.text).toContain(`<script>alert('x')</script> reset the password`)
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('checks a job payload for the parameters of its kind', () => {
    expect(isMailParams('account.password_reset', { actorName: 'X' })).toBe(true)
    expect(isMailParams('account.password_reset', { actorName: 3 })).toBe(false)
    expect(isMailParams('account.password_reset', null)).toBe(false)
  })

  it('adds the link to the object: the URL in text, an escaped anchor in HTML; only http(s) links', () => {
    const params = { title: 'Protocol <WVL4>', effectiveFrom: '2026-03-01', recipientName: 'An' }
    const link = 'https://verbond.example.be/agreements/1?a=1&b="2"'
    const mail = renderMail('agreement.in_force', 'nl', params, { link })
    expect(mail.text).toContain('met ingang van 01/03/2026')
    expect(mail.text).toContain(`Openen in Verbond: ${link}`)
    expect(mail.html).toContain(`<a href="${escapeHtml(link)}">Openen in Verbond</a>`)
    expect(mail.html).toContain('Protocol &lt;WVL4&gt;')
    const unsafe = renderMail('agreement.in_force', 'nl', params, { link: 'javascript:alert(1)' })
    expect(unsafe.html).not.toContain('<a ')
    expect(unsafe.text).not.toContain('javascript:')
  })
})
