// assets (issue 10): the policy matrix's world and fixtures for the asset catalogue. One lendable speed radar per
// target zone (own = 5373, partner = 5375, sharing `equipment` with 5373 in force, foreign = 5447 of another
// association): a partner's lendable asset is `shared` (equipment.read reaches it; equipment.manage does not, so
// a write on it is a 403, seen through equipment.read). Every write asked is repeatable with the same answer
// (PATCH the same location, PUT the same date, DELETE a validity that may be gone: the asset as it is); a create
// names a fresh identifier each time.
import { randomBytes } from 'node:crypto'
import { makeAsset } from './equipment.factories.ts'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface EquipmentAssetsWorld {
  /** A lendable speed radar kept by each target zone. */
  asset: Record<Target, string>
}

export async function equipmentAssetsWorld(t: TestApp, zone: World['zone']): Promise<EquipmentAssetsWorld> {
  const ref = (id: string) =>
    t.database.db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const asset = {} as Record<Target, string>
  for (const tg of ['own', 'partner', 'foreign'] as const)
    asset[tg] = (
      await makeAsset(t, {
        zone: await ref(zone[tg]),
        kind: 'speed_radar',
        name: `Matrix radar ${tg}`,
        validities: [{ kind: 'calibration', validUntil: '2040-01-01' }],
      })
    ).id
  return { asset }
}

/** A lendable asset of the target zone: a partner's is shared under `equipment`. */
const anAsset = (tg: Target): WorldObject => ({
  zones: [tg],
  association: tg === 'foreign' ? 'foreign' : 'own',
  shared: true,
})
const url = (w: World, tg: Target) => `/api/equipment/assets/${w.equipmentAssets.asset[tg]}`

export const EQUIPMENT_ASSET_FIXTURES: Record<string, Fixture | Fixture[]> = {
  listAssets: {
    request: () => ({
      method: 'GET',
      url: '/api/equipment/assets?from=2030-01-01T05:00:00Z&to=2030-01-01T13:00:00Z',
    }),
  },
  getAsset: { request: (w, tg) => ({ method: 'GET', url: url(w, tg) }), object: anAsset },
  getEquipmentTimeline: {
    request: () => ({
      method: 'GET',
      url: '/api/equipment/timeline?from=2030-01-01T00:00:00Z&to=2030-01-15T00:00:00Z',
    }),
  },
  createAsset: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/equipment/assets',
      payload: {
        zoneId: w.zone[tg],
        kind: 'bodycam',
        name: 'Matrix bodycam',
        identifier: `MX-${randomBytes(6).toString('hex')}`,
      },
    }),
    object: anAsset,
    ok: 201,
  },
  updateAsset: {
    request: (w, tg) => ({ method: 'PATCH', url: url(w, tg), payload: { location: 'Matrix' } }),
    object: anAsset,
  },
  setAssetValidity: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `${url(w, tg)}/validities/approval`,
      payload: { validUntil: '2040-06-30' },
    }),
    object: anAsset,
  },
  removeAssetValidity: {
    request: (w, tg) => ({ method: 'DELETE', url: `${url(w, tg)}/validities/insurance` }),
    object: anAsset,
  },
}
