// Waiting in tests for something another process or stream brings: polls `check` until it holds, and fails
// with what was awaited when it does not within `ms`.
export async function until(check: () => boolean, what = 'the condition', ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
