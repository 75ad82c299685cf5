// All SQL of the notifications feature. Every statement names the owner: a user reads and marks only their own.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

const COLUMNS = ['id', 'kind', 'params', 'object_type', 'object_id', 'created_at', 'read_at'] as const

export function notificationsRepository(db: Kysely<DB>) {
  const mine = (userId: string) => db.selectFrom('notifications').where('user_id', '=', userId)
  return {
    list: (userId: string, filter: { unread: boolean; limit: number; offset: number }) =>
      mine(userId)
        .select(COLUMNS)
        .$if(filter.unread, (q) => q.where('read_at', 'is', null))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),

    count: async (userId: string, unread: boolean) =>
      Number(
        (
          await mine(userId)
            .$if(unread, (q) => q.where('read_at', 'is', null))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    byId: (userId: string, id: string) => mine(userId).select(COLUMNS).where('id', '=', id).executeTakeFirst(),

    /** Marks one read (once: a read one keeps its first read_at); undefined when it is not the user's. */
    markRead: (userId: string, id: string, at: Date) =>
      db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .returning(COLUMNS)
        .executeTakeFirst(),

    markAllRead: async (userId: string, at: Date) =>
      (
        await db
          .updateTable('notifications')
          .set({ read_at: at })
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
  }
}

export type NotificationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof notificationsRepository>['byId']>>>
