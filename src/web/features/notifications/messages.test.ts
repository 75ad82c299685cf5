// Every notification kind of the server has its message in the web app, under the key the server names,
// in nl, fr and en, with exactly the kind's parameters as placeholders.
import { describe, expect, it } from 'vitest'
import { NOTIFICATION_KINDS } from '../../../server/platform/notification-kinds.ts'
import { en } from '../../i18n/en.ts'
import { fr } from '../../i18n/fr.ts'
import { nl } from '../../i18n/nl.ts'
import { NOTIFICATION_MESSAGES } from './api.ts'

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()

describe('notification messages', () => {
  it('map every server kind to the message key the server names', () => {
    const server = Object.fromEntries(Object.entries(NOTIFICATION_KINDS).map(([kind, spec]) => [kind, spec.message]))
    expect(NOTIFICATION_MESSAGES).toEqual(server)
  })

  for (const [kind, spec] of Object.entries(NOTIFICATION_KINDS))
    it(`${kind}: nl, fr and en use exactly its parameters`, () => {
      for (const dictionary of [nl, fr, en])
        expect(placeholders(dictionary[spec.message])).toEqual([...spec.params].sort())
    })
})
