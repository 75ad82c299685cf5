// The demo data set as plain values keyed by natural keys (zone code, NIS code, association code, agreement
// key, employee number): data.ts describes it without a database, seed.ts turns the keys into ids.
import type {
  AgreementKind,
  AgreementStatus,
  ApprovalBody,
  ApprovalDecision,
  CalogLevel,
  DatePrecision,
  DomainCode,
  Locale,
  QualificationCode,
  Rank,
  Role,
  StaffKind,
  ZoneRole,
} from '../platform/enums.ts'

export type Province = 'limburg' | 'west-vlaanderen'

export interface DemoZone {
  code: string
  name: string
  region: 'flanders'
  /** Picks the surname pool: Limburg and West Flanders names differ. */
  province: Province
  /** Belgian trunk area code without the 0 ("11", "4"): the work phones start with it. */
  areaCode: string
  /** Digits after the area code shared by the zone's phones; area code + block + 4 digits = 8 digits. */
  phoneBlock: string
  staffCount: number
}

export interface DemoMunicipality {
  nisCode: string
  name: string
  zoneCode: string
  population: number | null
  populationYear: number | null
  areaKm2: number | null
  validFrom: string | null
  validTo: string | null
  mergedIntoNisCode: string | null
  note: string | null
}

export interface DemoMembership {
  zoneCode: string
  validFrom: string
}

export interface DemoAssociation {
  code: string
  name: string
  description: string
  members: DemoMembership[]
}

export interface DemoApproval {
  zoneCode: string
  body: ApprovalBody
  /** Only for a gemeenteraad (the database insists). */
  municipalityNisCode: string | null
  decision: ApprovalDecision
  decidedOn: string
  datePrecision: DatePrecision
  note: string | null
}

export interface DemoKeyFigures {
  municipalitiesCount: number
  areaKm2: number
  staffCount: number
  budgetOrdinaryCents: number
  budgetExtraordinaryCents: number
  budgetTotalCents: number
}

export interface DemoAgreement {
  /** Stable key within the demo set (agreement ids are random). */
  key: string
  associationCode: string
  kind: AgreementKind
  title: string
  version: number
  status: AgreementStatus
  signedOn: string | null
  effectiveFrom: string | null
  effectiveTo: string | null
  trialMonths: number | null
  summary: string
  supersedesKey: string | null
  parties: string[]
  domains: DomainCode[]
  approvals: DemoApproval[]
  keyFigures: DemoKeyFigures | null
}

export interface DemoQualification {
  code: QualificationCode
  obtainedOn: string
}

export interface DemoPerson {
  zoneCode: string
  employeeNumber: string
  firstName: string
  lastName: string
  staffKind: StaffKind
  rank: Rank | null
  calogLevel: CalogLevel | null
  fte: number
  workPhone: string
  workEmail: string
  employedFrom: string
  /** Not a column: the korpschef is known through the korpschef account; tests and accounts need it here. */
  isKorpschef: boolean
  qualifications: DemoQualification[]
}

export interface PersonRef {
  zoneCode: string
  employeeNumber: string
}

export interface DemoSharedFunction extends PersonRef {
  associationCode: string
  domainCode: DomainCode
  validFrom: string
}

export interface DemoRole {
  role: Role
  zoneCode: string | null
  associationCode: string | null
}

export interface DemoAccount {
  email: string
  displayName: string
  locale: Locale
  person: PersonRef | null
  roles: DemoRole[]
}

export interface DemoData {
  zones: DemoZone[]
  municipalities: DemoMunicipality[]
  associations: DemoAssociation[]
  agreements: DemoAgreement[]
  people: DemoPerson[]
  sharedFunctions: DemoSharedFunction[]
  accounts: DemoAccount[]
}

export type { ZoneRole }
