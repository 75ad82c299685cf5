// Saving a file the API answered (a CSV export) under the name its Content-Disposition gives. Fetched rather
// than followed as a link, so that a refusal (a session that expired, a bad period) is a message on the page
// and not a JSON file in Downloads.

/** Hands `blob` to the browser's downloads as `filename="…"` of the response, else `fallback`. */
export function saveDownload(response: Response, blob: Blob, fallback: string): void {
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback
  const url = URL.createObjectURL(blob)
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // The click has handed the blob to the download by now; give it a moment before freeing it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
