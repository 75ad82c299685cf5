// A zone's briefing settings and teams (issue 11). The shift times and retention days are read by anyone who
// sees the zone's briefing and changed by its korpschef (audited in the zone's chain); the teams of a zone are
// listed (names only) for its own people and for partner zones sharing `briefing`, who may address them.
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { DOMAIN } from './domain/access.ts'
import { hhmm } from './domain/shifts.ts'
import { briefingRepository } from './repository.ts'
import type { Settings, SettingsBody, TeamList } from './schema.ts'

const DEFAULTS = {
  early_start: '06:00',
  late_start: '14:00',
  night_start: '22:00',
  retention_days: 90,
  restricted_retention_days: 30,
}

export function settingsService(db: Kysely<DB>) {
  async function visibleZone(ctx: PolicyContext, zoneId: string) {
    if (!(await decide(ctx, 'briefing.read', { zoneIds: [zoneId] })).allowed) throw new AppError('NOT_FOUND')
    const zone = await briefingRepository(db).zone(zoneId)
    if (!zone) throw new AppError('NOT_FOUND')
    return zone
  }

  async function read(ctx: PolicyContext, zoneId: string): Promise<Settings> {
    const zone = await visibleZone(ctx, zoneId)
    const s = (await briefingRepository(db).settings(zoneId)) ?? DEFAULTS
    return {
      zone,
      earlyStart: hhmm(s.early_start),
      lateStart: hhmm(s.late_start),
      nightStart: hhmm(s.night_start),
      retentionDays: s.retention_days,
      restrictedRetentionDays: s.restricted_retention_days,
    }
  }

  return {
    get: read,

    async put(ctx: PolicyContext, zoneId: string, body: SettingsBody): Promise<Settings> {
      await visibleZone(ctx, zoneId)
      if (!(await decide(ctx, 'briefing.settings', { zoneIds: [zoneId] })).allowed) throw new AppError('FORBIDDEN')
      if (!(body.earlyStart < body.lateStart && body.lateStart < body.nightStart))
        throw new AppError('BRIEFING_SETTINGS_INVALID')
      await db.transaction().execute(async (trx) => {
        const values = {
          early_start: body.earlyStart,
          late_start: body.lateStart,
          night_start: body.nightStart,
          retention_days: body.retentionDays,
          restricted_retention_days: body.restrictedRetentionDays,
        }
        await briefingRepository(trx).saveSettings(zoneId, values, ctx.actor.userId, now())
        await audit.write(trx, ctx.actor, 'briefing.settings.update', { type: 'briefing_settings', id: zoneId }, body, {
          chains: [zoneId],
          domain: DOMAIN,
        })
      })
      return read(ctx, zoneId)
    },

    async teams(ctx: PolicyContext, zoneId: string | undefined): Promise<TeamList> {
      const id = zoneId ?? ctx.actor.homeZoneId
      if (id === null) throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
      const zone = await visibleZone(ctx, id)
      return { zone, teams: await briefingRepository(db).teams(id) }
    },
  }
}
