// Which Chromium the end-to-end tests drive, so that `npm test` passes on a machine with no browser installed:
// CHROMIUM_PATH → Debian's /usr/bin/chromium → the headless Chromium shipped inside the `@sparticuz/chromium`
// npm package (a real Chromium, unpacked from its tarball into the temp directory on first use, ~2 s).
// Playwright's config is synchronous and unpacking is not, so the config runs this file as a child process
// (`node e2e/chromium.ts bundled`), which unpacks and prints the JSON of the bundled browser.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ResolvedChromium {
  executablePath: string
  /** Where it came from, printed once so a run says which browser it used. */
  source: 'CHROMIUM_PATH' | 'system' | 'bundled'
  /** Environment the browser process needs (the bundled one brings its own NSS libraries and fonts). */
  env: Record<string, string>
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** The browser shipped in the npm package; unpacks it when needed. */
export function bundledChromium(): ResolvedChromium {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'bundled'], { encoding: 'utf8' })
  return JSON.parse(out) as ResolvedChromium
}

export function resolveChromium(): ResolvedChromium {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH points to ${configured}, which does not exist.`)
    return { executablePath: configured, source: 'CHROMIUM_PATH', env: {} }
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system', env: {} }
  return bundledChromium()
}

async function unpackBundled(): Promise<ResolvedChromium> {
  const { default: chromium, inflate } = await import('@sparticuz/chromium')
  const executablePath = await chromium.executablePath()
  // The package unpacks its NSS libraries only on Amazon Linux; a bare Debian lacks them too.
  const libs = await inflate(
    path.join(path.dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', 'bin', 'al2023.tar.br'),
  )
  const env: Record<string, string> = {
    LD_LIBRARY_PATH: [path.join(libs, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    FONTCONFIG_PATH: path.join(tmpdir(), 'fonts'),
  }
  return { executablePath, source: 'bundled', env }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'bundled') {
  process.stdout.write(JSON.stringify(await unpackBundled()))
}
