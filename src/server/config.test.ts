import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('config', () => {
  it('defaults to embedded PGlite in demo mode on 127.0.0.1:3000', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, demo: true })
  })
  it('listens on all addresses and is not in demo mode with a server database', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/verbond' })
    expect(c).toMatchObject({ host: '0.0.0.0', demo: false })
  })
  it('keeps an explicit HOST even in demo mode', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
  })
  it('lists every invalid variable in one readable message', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x/y', VERBOND_DEMO: 'maybe' })).toThrow(
      /PORT: expected a whole number[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*VERBOND_DEMO: expected true or false/,
    )
  })
})

describe('configuration documentation', () => {
  it('lists every variable in the README', async () => {
    const { readFile } = await import('node:fs/promises')
    const { CONFIG_VARS } = await import('./config.ts')
    const readme = await readFile('README.md', 'utf8')
    for (const spec of Object.values(CONFIG_VARS)) expect(readme, spec.name).toContain(`\`${spec.name}\``)
  })
})
