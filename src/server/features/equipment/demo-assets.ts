// The equipment demo (issue 10): a real-looking catalogue for the demo zones, deterministic. WVL4's four zones each
// keep combis and an anonymous vehicle (Belgian plates), a lendable mobile speed radar, mobile ANPR cameras,
// bodycams, a drone, service weapons (kept for their own use: not lendable) and a lendable training weapon;
// Polder's second radar's calibration lapses in ten days (flagged), RIHO's second radar is in maintenance. The
// other associations' zones keep a handful each (Het Houtsche: the shooting-range lanes of Oostkamp). Validity
// dates are relative to today (the clock), so the demo stays fresh. Idempotent: an asset a zone already has
// (same kind and identifier) is left alone; a weapon inserted starts in its zone's armoury.
import { sql, type Kysely } from 'kysely'
import { now, today } from '../../platform/clock.ts'
import type { AssetKind, AssetStatus, ValidityKind } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import { hashLabel, mulberry32, type Rng } from '../../demo/prng.ts'
import { addDays } from '../../platform/time.ts'

interface DemoAsset {
  kind: AssetKind
  name: string
  identifier: string
  location: string
  lendable?: boolean
  status?: AssetStatus
  description?: string
  /** Days from today to the last valid day. */
  validities?: Partial<Record<ValidityKind, number>>
}

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ'

/** A Belgian plate like 1-ABC-123, drawn from the zone's own sequence. */
function plate(rng: Rng): string {
  const letter = () => LETTERS[Math.floor(rng() * LETTERS.length)]
  const digits = String(Math.floor(rng() * 1000)).padStart(3, '0')
  return `${1 + Math.floor(rng() * 2)}-${letter()}${letter()}${letter()}-${digits}`
}
const serial = (rng: Rng, prefix: string) => `${prefix}-${String(100000 + Math.floor(rng() * 900000))}`

/** The catalogue of one WVL4 zone (`short`: how colleagues call it; `home`: its main station). */
function wvl4Zone(code: string, short: string, home: string): DemoAsset[] {
  const rng = mulberry32(hashLabel(`equipment ${code}`, 10))
  const station = `Commissariaat ${home}`
  return [
    {
      kind: 'vehicle',
      name: `Combi ${short} 1`,
      identifier: plate(rng),
      location: station,
      validities: { inspection: 140, insurance: 210 },
    },
    {
      kind: 'vehicle',
      name: `Combi ${short} 2`,
      identifier: plate(rng),
      location: station,
      validities: { inspection: 75, insurance: 210 },
    },
    {
      kind: 'vehicle',
      name: `Anoniem voertuig ${short}`,
      identifier: plate(rng),
      location: station,
      description: 'Onopvallend voertuig met verborgen signalisatie.',
      validities: { inspection: 190 },
    },
    {
      kind: 'speed_radar',
      name: `Mobiele snelheidsradar ${short}`,
      identifier: serial(rng, 'LR'),
      location: `${station}, garage`,
      description:
        'Mobiele radar op statief of in voertuig, met flitser en wifi-verbinding naar de verwerkingssoftware.',
      validities: { calibration: 200, approval: 520 },
    },
    {
      kind: 'anpr_camera',
      name: `Mobiele ANPR-camera ${short} 1`,
      identifier: serial(rng, 'ANPR'),
      location: station,
      validities: { licence: 300 },
    },
    {
      kind: 'anpr_camera',
      name: `Mobiele ANPR-camera ${short} 2`,
      identifier: serial(rng, 'ANPR'),
      location: station,
      validities: { licence: 300 },
    },
    { kind: 'bodycam', name: `Bodycam ${short} 01`, identifier: serial(rng, 'BC'), location: station, lendable: false },
    { kind: 'bodycam', name: `Bodycam ${short} 02`, identifier: serial(rng, 'BC'), location: station, lendable: false },
    { kind: 'bodycam', name: `Bodycam ${short} reserve`, identifier: serial(rng, 'BC'), location: station },
    {
      kind: 'drone',
      name: `Drone ${short}`,
      identifier: serial(rng, 'DJI'),
      location: station,
      validities: { insurance: 150 },
    },
    {
      kind: 'weapon',
      name: 'Dienstwapen FN 509 (1)',
      identifier: serial(rng, 'FN'),
      location: `${station}, wapenkamer`,
      lendable: false,
      validities: { inspection: 250 },
    },
    {
      kind: 'weapon',
      name: 'Dienstwapen FN 509 (2)',
      identifier: serial(rng, 'FN'),
      location: `${station}, wapenkamer`,
      lendable: false,
      validities: { inspection: 250 },
    },
    {
      kind: 'weapon',
      name: 'Dienstwapen FN 509 (3)',
      identifier: serial(rng, 'FN'),
      location: `${station}, wapenkamer`,
      lendable: false,
      validities: { inspection: 250 },
    },
    {
      kind: 'weapon',
      name: `Oefenwapen ${short}`,
      identifier: serial(rng, 'FN-T'),
      location: `${station}, wapenkamer`,
      description: 'Oefenwapen voor de GPI 48-trainingen; uitleenbaar aan de partnerzones.',
      validities: { inspection: 250 },
    },
  ]
}

/** A handful for the zones of the other associations. */
function smallZone(code: string, short: string, home: string, extra: DemoAsset[] = []): DemoAsset[] {
  const rng = mulberry32(hashLabel(`equipment ${code}`, 10))
  const station = `Commissariaat ${home}`
  return [
    {
      kind: 'vehicle',
      name: `Combi ${short}`,
      identifier: plate(rng),
      location: station,
      validities: { inspection: 160 },
    },
    {
      kind: 'speed_radar',
      name: `Snelheidsradar ${short}`,
      identifier: serial(rng, 'LR'),
      location: station,
      validities: { calibration: 120, approval: 400 },
    },
    { kind: 'bodycam', name: `Bodycam ${short} reserve`, identifier: serial(rng, 'BC'), location: station },
    {
      kind: 'weapon',
      name: 'Dienstwapen FN 509',
      identifier: serial(rng, 'FN'),
      location: `${station}, wapenkamer`,
      lendable: false,
      validities: { inspection: 250 },
    },
    ...extra,
  ]
}

function catalogue(): Record<string, DemoAsset[]> {
  const polder = wvl4Zone('5460', 'Polder', 'Diksmuide')
  polder.push({
    kind: 'speed_radar',
    name: 'Mobiele snelheidsradar Polder 2',
    identifier: 'LR-460002',
    location: 'Commissariaat Diksmuide, garage',
    description: 'De ijking verloopt binnenkort: een afspraak bij het ijklabo is nodig.',
    validities: { calibration: 10, approval: 300 },
  })
  const riho = wvl4Zone('5453', 'RIHO', 'Roeselare')
  riho.push({
    kind: 'speed_radar',
    name: 'Mobiele snelheidsradar RIHO 2',
    identifier: 'LR-453002',
    location: 'Werkplaats leverancier',
    status: 'maintenance',
    description: 'In herstelling na schade aan het statief.',
    validities: { calibration: 90 },
  })
  const vlas = wvl4Zone('5456', 'Vlas', 'Kortrijk')
  vlas.push({
    kind: 'flash_device',
    name: 'Flitscamera trajectcontrole Vlas',
    identifier: 'FL-456001',
    location: 'Kortrijk, R8',
    lendable: false,
    validities: { calibration: 180 },
  })
  const lanes: DemoAsset[] = [1, 2, 3, 4].map((n) => ({
    kind: 'range_lane',
    name: `Schietstand Oostkamp baan ${n}`,
    identifier: `SO-BAAN-${n}`,
    location: 'Schietstand Oostkamp',
    description: '25 meter, elektronische schijven; GPI 48-schietoefeningen en evaluaties.',
  }))
  return {
    '5456': vlas,
    '5461': wvl4Zone('5461', 'Westkust', 'Koksijde'),
    '5460': polder,
    '5453': riho,
    '5382': smallZone('5382', 'Voeren', "'s-Gravenvoeren"),
    '5381': smallZone('5381', 'BHR', 'Bilzen', [
      {
        kind: 'server',
        name: 'Serverpark Bilzen (rack 1)',
        identifier: 'SRV-BHR-01',
        location: 'Bilzen, serverlokaal',
        lendable: false,
      },
      {
        kind: 'drone',
        name: 'Drone BHR',
        identifier: 'DJI-381001',
        location: 'Commissariaat Bilzen',
        validities: { insurance: 200 },
      },
    ]),
    '5373': smallZone('5373', 'BHT', 'Beringen', [
      {
        kind: 'anpr_camera',
        name: 'Mobiele ANPR-camera BHT',
        identifier: 'ANPR-373001',
        location: 'Commissariaat Beringen',
        validities: { licence: 280 },
      },
    ]),
    '5375': smallZone('5375', 'Heusden-Zolder', 'Heusden-Zolder'),
    '5447': smallZone('5447', 'Het Houtsche', 'Oostkamp', lanes),
    '5448': smallZone('5448', 'Regio Tielt', 'Tielt'),
  }
}

/** Seeds the demo catalogue; returns how many assets and validities were added (0 on a second run). */
export async function seedDemoAssets(db: Kysely<DB>): Promise<{ assets: number; validities: number }> {
  const day = today()
  const at = now()
  const entries = Object.entries(catalogue())
  const zones = await db
    .selectFrom('zones')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      entries.map(([code]) => code),
    )
    .execute()
  const zoneId = new Map(zones.map((z) => [z.code, z.id]))
  let assets = 0
  let validities = 0
  await db.transaction().execute(async (trx) => {
    for (const [code, items] of entries) {
      const zone = zoneId.get(code)
      if (!zone) continue
      for (const item of items) {
        const inserted = await sql<{ id: string }>`
          INSERT INTO assets (zone_id, kind, name, identifier, status, location, description, lendable, created_at, updated_at)
          VALUES (${zone}::uuid, ${item.kind}, ${item.name}, ${item.identifier}, ${item.status ?? 'available'},
                  ${item.location}, ${item.description ?? null}, ${item.lendable ?? true},
                  ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)
          ON CONFLICT ON CONSTRAINT assets_identifier_unique DO NOTHING
          RETURNING id`.execute(trx)
        const id = inserted.rows[0]?.id
        if (!id) continue
        assets++
        const dates = Object.entries(item.validities ?? {}) as [ValidityKind, number][]
        if (dates.length > 0)
          await trx
            .insertInto('asset_validities')
            .values(
              dates.map(([kind, days]) => ({
                asset_id: id,
                zone_id: zone,
                kind,
                valid_until: addDays(day, days),
                created_at: at,
              })),
            )
            .execute()
        validities += dates.length
        if (item.kind === 'weapon')
          await trx
            .insertInto('weapon_custody')
            .values({
              asset_id: id,
              zone_id: zone,
              holder_person_id: null,
              holder_zone_id: zone,
              period: sql<string>`tstzrange(${at.toISOString()}::timestamptz, NULL, '[)')`,
            })
            .execute()
      }
    }
  })
  return { assets, validities }
}
