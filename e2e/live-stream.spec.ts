// One live-event stream per tab: the app shell (notifications, the assistance alert) and a page that follows
// events (the duty board) share one EventSource — a browser gives a server only a few HTTP/1.1 connections, and
// a stream per listener would use them up. A listener that joins the open stream still learns it is live.
import { expect, test } from '@playwright/test'
import { nl } from '../src/web/i18n/nl.ts'
import { keepDutch, signIn } from './support.ts'

test('the shell and the duty board share one event stream, and the board says it is live', async ({
  page,
  request,
}) => {
  await keepDutch(request, 'planner.5381@demo.verbond.be')
  const streams: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/events') streams.push(r.url())
  })
  await signIn(page, 'planner.5381@demo.verbond.be')
  await page.getByRole('link', { name: nl['nav.board'] }).click()
  await expect(page.getByTestId('board-status')).toHaveText(nl['board.live'])
  await page.getByRole('link', { name: nl['nav.rotations'] }).click()
  await page.getByRole('link', { name: nl['nav.board'] }).click()
  await expect(page.getByTestId('board-status')).toHaveText(nl['board.live'])
  expect(streams).toHaveLength(1)
})
