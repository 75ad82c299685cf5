import { describe, expect, it } from 'vitest'
import { isChunkLoadError } from './loadErrors.ts'

describe('isChunkLoadError', () => {
  it('recognises a page chunk that could not be loaded, in every browser’s words', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/PeoplePage-BeRORZn9.js',
      'error loading dynamically imported module: http://127.0.0.1/assets/PeoplePage-BeRORZn9.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/charts-CmJwn1CT.css',
    ])
      expect(isChunkLoadError(new TypeError(message))).toBe(true)
  })
  it('leaves other errors alone', () => {
    expect(isChunkLoadError(new Error('useCurrentAssociation outside <AssociationProvider>'))).toBe(false)
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false)
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false)
  })
})
