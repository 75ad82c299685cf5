// Name pools for generated (fictional) staff. Surnames are common Flemish ones, with a regional pool for
// Limburg and for West Flanders so that a corps looks like it belongs where it is. The names of the real
// people quoted in the seed articles are deliberately left out.
import type { Province } from './types.ts'

// prettier-ignore
export const MALE_FIRST_NAMES: readonly string[] = [
  'Jan', 'Peter', 'Koen', 'Tom', 'Bart', 'Wim', 'Kristof', 'Stijn', 'Pieter', 'Joris', 'Dirk', 'Geert', 'Luc',
  'Filip', 'Johan', 'Steven', 'Sven', 'Nick', 'Jens', 'Jeroen', 'Wouter', 'Dries', 'Bram', 'Ruben', 'Lars',
  'Arne', 'Seppe', 'Robbe', 'Kevin', 'Yannick', 'Tim', 'Niels', 'Jonas', 'Glenn', 'Dieter', 'Frederik', 'Hans',
  'Patrick', 'Marc', 'Erik', 'Guy', 'Rudi', 'Ward', 'Lieven', 'Maarten', 'Jelle', 'Brecht', 'Gert', 'Michiel',
  'Sander', 'Joeri', 'Davy', 'Kenny', 'Björn', 'Tijs', 'Toon', 'Jasper', 'Matthias', 'Simon', 'Gilles',
]

// prettier-ignore
export const FEMALE_FIRST_NAMES: readonly string[] = [
  'An', 'Els', 'Sofie', 'Katrien', 'Veerle', 'Inge', 'Sarah', 'Lien', 'Eline', 'Lotte', 'Evelien', 'Nathalie',
  'Ellen', 'Hilde', 'Griet', 'Leen', 'Tine', 'Annelies', 'Charlotte', 'Femke', 'Hanne', 'Jolien', 'Kelly',
  'Laura', 'Marieke', 'Nele', 'Stefanie', 'Valerie', 'Wendy', 'Karolien', 'Elke', 'Ilse', 'Kim', 'Lies',
  'Marijke', 'Sien', 'Julie', 'Emma', 'Silke', 'Joke', 'Ann-Sophie', 'Céline',
]

// prettier-ignore
const COMMON_SURNAMES: readonly string[] = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Vermeulen', 'Hermans', 'Pauwels', 'Martens', 'Michiels', 'Aerts', 'Verhoeven', 'Van Damme', 'Lambrechts',
  'Smets', 'Van den Broeck', 'Segers', 'Coppens', 'Cools', 'De Clercq', 'Verbeke', 'Bogaerts', 'Van Dyck',
  'Stevens', 'De Backer', 'Wuyts', 'Leemans', 'Van de Velde', 'De Wilde', 'Mahieu', 'D’Hondt',
]

// prettier-ignore
const REGIONAL_SURNAMES: Readonly<Record<Province, readonly string[]>> = {
  limburg: [
    'Vanderhoydonck', 'Nijs', 'Vrancken', 'Gielen', 'Schepers', 'Bollen', 'Geraerts', 'Swinnen', 'Vanhoof',
    'Lenaerts', 'Jaspers', 'Hendrikx', 'Lemmens', 'Vandeput', 'Bijnens', 'Claesen', 'Reynders', 'Stulens', 'Thys',
    'Moors', 'Cuypers', 'Creemers', 'Vananroye', 'Haesen', 'Neven', 'Meers', 'Berden', 'Jorissen',
    'Vandersmissen', 'Ceyssens', 'Vanderhallen', 'Kerkhofs',
  ],
  'west-vlaanderen': [
    'Vandenbussche', 'Vanneste', 'Decock', 'Deprez', 'Vanhoutte', 'Verhaeghe', 'Declercq', 'Devos', 'Deconinck',
    'Vandamme', 'Lannoy', 'Vermeersch', 'Desmet', 'Demeulemeester', 'Vanlerberghe', 'Debruyne', 'Verstraete',
    'Vandewalle', 'Dewitte', 'Vercruysse', 'Maertens', 'Vanackere', 'Delanghe', 'Dewulf', 'Verhelst',
    'Callewaert', 'Degryse', 'Vandecasteele', 'Lefevere', 'Soenen', 'Vanhee', 'Pattyn',
  ],
}

export const surnamePool = (province: Province): { regional: readonly string[]; common: readonly string[] } => ({
  regional: REGIONAL_SURNAMES[province],
  common: COMMON_SURNAMES,
})

/** "Van den Broeck" → "vandenbroeck", "Björn" → "bjorn": the local part of a work e-mail address. */
export function emailSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '')
}
