// The browser itself: run by both projects, so the Chromium from the npm package (project
// `bundled-chromium`) is proven on every run, even on a machine whose system Chromium would hide it.
// It renders Dutch text with real glyphs, signs in and shows the dashboard; axe-core checks the page.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { expectAccessible, signIn } from './support.ts'

test('the browser renders the Dutch app and signs in', async ({ page, browserName }, testInfo) => {
  expect(browserName).toBe('chromium')
  await page.goto('/login')
  const heading = page.getByRole('heading', { level: 1, name: nl['login.heading'] })
  await expect(heading).toBeVisible()
  // Real glyphs: a line of Dutch text has a width, and a wider text is wider (no missing-font boxes of one size).
  const widths = await page.evaluate(() => {
    const measure = (text: string) => {
      const span = document.createElement('span')
      span.textContent = text
      document.body.append(span)
      const width = span.getBoundingClientRect().width
      span.remove()
      return width
    }
    return { short: measure('iii'), long: measure('Samenwerking tussen politiezones — één permanentie') }
  })
  expect(widths.short).toBeGreaterThan(0)
  expect(widths.long).toBeGreaterThan(widths.short * 5)
  await expectAccessible(page, `login (${testInfo.project.name})`)

  await signIn(page, 'planner.5448@demo.verbond.be')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Het Houtsche + Regio Tielt')
  const shot = await page.screenshot()
  expect(shot.byteLength).toBeGreaterThan(10_000)
})
