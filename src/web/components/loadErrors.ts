// Telling a page whose code could not be loaded from a bug. After a restart or an upgrade of the server the
// browser still holds the old index, whose page chunks (hashed file names) are gone: importing one fails,
// and React.lazy keeps that failure, so only reloading the page (a fresh index) helps.

const CHUNK_FAILURES = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // Vite's preload of a chunk's stylesheet
  /Failed to load module script/i,
]

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return error.name === 'ChunkLoadError' || CHUNK_FAILURES.some((pattern) => pattern.test(error.message))
}
