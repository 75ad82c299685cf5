import { describe, expect, it } from 'vitest'
import { ApiError } from './client.ts'
import { createQueryClient, ME_KEY, SESSION_ENDED_KEY, startSession } from './queryClient.ts'
import type { Me } from './types.ts'

const user = { id: 'u1', displayName: 'Hilde Bollen' } as unknown as Me
const unauthenticated = new ApiError(401, 'UNAUTHENTICATED', 'Sessie verlopen.')

async function failQuery(client: ReturnType<typeof createQueryClient>, error: Error): Promise<void> {
  await client
    .fetchQuery({ queryKey: ['agreements'], queryFn: () => Promise.reject(error), retry: false })
    .catch(() => undefined)
}

describe('the session, as the query client sees it', () => {
  it('a 401 from any query ends a session we had, and says so', async () => {
    const client = createQueryClient()
    client.setQueryData(ME_KEY, user)
    await failQuery(client, unauthenticated)
    expect(client.getQueryData(ME_KEY)).toBeNull()
    expect(client.getQueryData(SESSION_ENDED_KEY)).toBe(true)
  })
  it('a 401 from a mutation too', async () => {
    const client = createQueryClient()
    client.setQueryData(ME_KEY, user)
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(unauthenticated) })
      .execute(undefined)
      .catch(() => undefined)
    expect(client.getQueryData(ME_KEY)).toBeNull()
    expect(client.getQueryData(SESSION_ENDED_KEY)).toBe(true)
  })
  it('a wrong password typed into a form is not a lost session', async () => {
    const client = createQueryClient()
    client.setQueryData(ME_KEY, user)
    await failQuery(client, new ApiError(401, 'INVALID_CREDENTIALS', 'Onjuist.'))
    expect(client.getQueryData(ME_KEY)).toEqual(user)
    expect(client.getQueryData(SESSION_ENDED_KEY)).toBeUndefined()
  })
  it('without a session there is nothing to end', async () => {
    const client = createQueryClient()
    client.setQueryData(ME_KEY, null)
    await failQuery(client, unauthenticated)
    expect(client.getQueryData(SESSION_ENDED_KEY)).toBeUndefined()
  })
  it('signing in forgets what the previous session loaded, and the note', async () => {
    const client = createQueryClient()
    client.setQueryData(['people', { page: 1 }], { items: [] })
    client.setQueryData(SESSION_ENDED_KEY, true)
    startSession(client, user)
    expect(client.getQueryData(['people', { page: 1 }])).toBeUndefined()
    expect(client.getQueryData(SESSION_ENDED_KEY)).toBe(false)
    expect(client.getQueryData(ME_KEY)).toEqual(user)
  })
})
