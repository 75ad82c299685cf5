// buildApp(config, database): registers the platform and every feature. It never listens, so tests inject.
import { existsSync } from 'node:fs'
import path from 'node:path'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { accountsRoutes } from './features/accounts/routes.ts'
// calendars (issue 8)
import { calendarsRoutes } from './features/calendars/routes.ts'
import { CalendarFeed } from './features/calendars/schema.ts'
import { agreementsRoutes } from './features/agreements/routes.ts'
import { auditRoutes } from './features/audit/routes.ts'
import { authRoutes } from './features/auth/routes.ts'
import { eventsRoutes } from './features/events/routes.ts'
import { LiveEvent } from './features/events/schema.ts'
import { DEFAULT_STREAM_OPTIONS, eventStreams, type EventStreamOptions } from './features/events/service.ts'
import { healthRoutes } from './features/health/routes.ts'
import { notificationsRoutes } from './features/notifications/routes.ts'
import { Notification } from './features/notifications/schema.ts'
import { peopleRoutes } from './features/people/routes.ts'
// permanences (issue 8, perm-core)
import { rotationsRoutes } from './features/permanences/routes.ts'
import { Rotation } from './features/permanences/schema.ts'
import { rosterRoutes } from './features/permanences/roster-routes.ts'
import { rosterService } from './features/permanences/roster-service.ts'
import { fairnessRoutes } from './features/permanences/fairness-routes.ts' // fairness (issue 8)
import { onDutyIndex } from './features/permanences/on-duty-index.ts'
import { onDutyService } from './features/permanences/on-duty.ts'
import { workerPool } from './platform/workers.ts'
import { zonesRoutes } from './features/zones/routes.ts'
// swaps (issue 8)
import { swapRoutes } from './features/permanences/swap-routes.ts'
import { SwapRequest } from './features/permanences/swap-schema.ts'
// availability (issue 8)
import { availabilityRoutes } from './features/availability/routes.ts'
import { AvailabilityEntry, DutyPreferenceEntry } from './features/availability/schema.ts'
import { calloutsRoutes } from './features/callouts/routes.ts'
// assistance (issue 9)
import { assistanceAlertRoutes } from './features/assistance/alert-routes.ts'
import { assistanceLedgerRoutes } from './features/assistance/ledger-routes.ts'
import { assistanceRequestRoutes } from './features/assistance/request-routes.ts'
// equipment and investments (issue 10)
import { equipmentAssetRoutes } from './features/equipment/asset-routes.ts'
import { equipmentBookingRoutes } from './features/equipment/booking-routes.ts'
import { investmentRoutes } from './features/investments/investment-routes.ts'
import { investmentSettlementRoutes } from './features/investments/settlement-routes.ts'
import { Booking } from './features/equipment/booking-schema.ts' // bookings (issue 10)
// training and briefing (issue 11)
import { trainingSessionRoutes } from './features/training/session-routes.ts'
import { trainingEnrolmentRoutes } from './features/training/enrolment-routes.ts'
import { trainingComplianceRoutes } from './features/training/compliance-routes.ts'
import { briefingRoutes } from './features/briefings/routes.ts'
// core (issue 9)
import { AssistanceRequestDetail, AssistanceRequestSummary } from './features/assistance/schema.ts'
import { CallOut, StatementLine, ZoneStatement } from './features/callouts/schema.ts'
import { Account } from './features/accounts/schema.ts'
import { Agreement, AgreementSummary } from './features/agreements/schema.ts'
import { Me } from './features/auth/schema.ts'
import { Person } from './features/people/schema.ts'
import { Association, Zone } from './features/zones/schema.ts'
import { registerAuth } from './platform/auth/plugin.ts'
import { registerPolicy } from './platform/policy/http.ts'
import { sessionStore } from './platform/auth/sessions.ts'
import { runWithClock, systemClock, type Clock } from './platform/clock.ts'
import type { Database } from './platform/db.ts'
import type { EventBus } from './platform/events.ts'
import { attachInvalidations, startInvalidations } from './platform/invalidation.ts'
import { ERRORS } from './platform/errors.ts'
import { clientErrorHandler, ErrorBody, registerErrorHandling, registerHttpEdges, sendError } from './platform/http.ts'
import { runWithNotificationMail } from './platform/notifications.ts'
import { requestValidation } from './platform/validation.ts'
import { sharedSerializers } from './platform/serialization.ts'

export interface AppOptions {
  /** The source of "now" for every request (platform/clock.ts); tests pass a TestClock. */
  clock?: Clock
  /** The event bus GET /api/events streams from (platform/events.ts). A function when the bus starts after the
   *  app (`serve` starts it with the app's logger). Without one, the route answers 503. */
  bus?: EventBus | (() => EventBus | undefined)
  /** Heartbeat, re-check and retry intervals of the event streams (tests shorten them). */
  eventStreams?: Partial<EventStreamOptions>
}

export async function buildApp(config: Config, database: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // Generated request ids only; a client-supplied one would let it forge log lines.
    requestIdHeader: false,
    // Errors Fastify raises before routing (malformed or over-long URLs) get the same envelope.
    frameworkErrors: (err, req, reply) => {
      void sendError(req, reply, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_URL')
    },
    // Node's HTTP parser errors (headers over 16 KiB, malformed requests) get the same envelope.
    clientErrorHandler,
    // Coercion ('array') applies to query strings and path parameters only; bodies are validated strictly.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    // Response serializers built once per distinct schema (platform/serialization.ts).
    schemaController: {
      compilersFactory: { ...requestValidation().compilersFactory, buildSerializer: sharedSerializers() },
    },
  })
  const { db } = database
  // Sessions and grants from memory, dropped in every process by the invalidations of migration 0011.
  const invalidations = await startInvalidations(database, app.log)
  const detachInvalidations = attachInvalidations(db, invalidations)
  app.addHook('onClose', async () => {
    detachInvalidations()
    await invalidations.close()
  })
  const sessions = sessionStore(
    db,
    { ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes },
    clock,
    { invalidations },
  )
  // First hook of all: the rest of the request (hooks, handler, services) reads now() from this app's clock.
  // Notification mail is enqueued only by a process that sends mail (platform/notifications.ts).
  const mail = config.smtpUrl !== null
  app.addHook('onRequest', (_req, _reply, done) => runWithClock(clock, () => runWithNotificationMail(mail, done)))

  registerErrorHandling(app)
  registerHttpEdges(app)
  // The API speaks JSON only: any other body is 415, not a string the schema then half-understands.
  app.removeContentTypeParser('text/plain')
  app.setNotFoundHandler((req, reply) => {
    // A missing asset (an old tab after a rebuild) must be a 404, not index.html served as JavaScript. Only the
    // path says so: a page's query may end like a file name (`?to=2026-12-01T15:00:00.000Z`).
    const urlPath = req.url.split('?', 1)[0] ?? ''
    const missingAsset = urlPath.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(urlPath)
    if (
      urlPath.startsWith('/api/') ||
      urlPath === '/api' ||
      missingAsset ||
      !existsSync(path.join(config.webDir, 'index.html'))
    )
      return sendError(req, reply, 'ROUTE_NOT_FOUND')
    // Client-side routes of the web app.
    return reply.type('text/html').sendFile('index.html')
  })

  // HSTS and upgrade-insecure-requests only behind TLS (COOKIE_SECURE): over plain HTTP they would make a
  // browser refuse the very server it talks to. Framing is denied twice, for old and new browsers alike.
  await app.register(helmet, {
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects CSS variables at run time
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(cookie)
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      // The API and the calendar feeds (a token URL must not be guessable by volume either).
      allowList: (req) => !req.url.startsWith('/api/') && !req.url.startsWith('/ical/'),
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: ERRORS.RATE_LIMITED.message.en,
        retryAfter: ctx.after,
      }),
    })
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Verbond API',
        version: '0.1.0',
        description:
          'Shared operations platform for associations of Belgian local police zones. Sign in with POST /api/auth/login; ' +
          'the session is an HttpOnly cookie; send the csrfToken as the x-csrf-token header on unsafe methods. ' +
          'Every error is { error: { code, message, details? } }.',
      },
      tags: [
        { name: 'platform' },
        { name: 'auth' },
        { name: 'zones', description: 'Public facts: zones, municipalities, associations' },
        { name: 'agreements', description: 'Agreements: the access policy' },
        { name: 'people' },
        { name: 'audit' },
        { name: 'notifications', description: "The caller's own notifications" },
        { name: 'calendars', description: 'iCalendar feeds of duties (the feed itself: GET /ical/<token>.ics)' },
        { name: 'permanences', description: 'Shared permanences: rotations, rosters, duties' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'verbond_session' } } },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  // Shared schemas live at the root so that every plugin and the OpenAPI document can reference them.
  for (const schema of [
    ErrorBody,
    Me,
    Zone,
    Association,
    AgreementSummary,
    Agreement,
    Person,
    Account,
    LiveEvent,
    Notification,
    CalendarFeed,
    AvailabilityEntry, // availability (issue 8)
    DutyPreferenceEntry, // availability (issue 8)
    Rotation, // permanences (perm-core)
    SwapRequest, // swaps (issue 8)
    // callouts (issue 8)
    CallOut,
    StatementLine,
    ZoneStatement,
    // core (issue 9)
    AssistanceRequestSummary,
    AssistanceRequestDetail,
    Booking, // bookings (issue 10)
  ])
    app.addSchema(schema)

  registerAuth(app, sessions)
  // From here on every /api route declares its policy rule (platform/policy/http.ts).
  registerPolicy(app, db)
  app.get('/api/openapi.json', { schema: { hide: true }, config: { policy: 'public' } }, async () => app.swagger())
  const throttle = {
    loginMaxFailures: config.loginMaxFailures,
    loginWindowMinutes: config.loginWindowMinutes,
    loginAddressFreeFailures: config.loginAddressFreeFailures,
    loginAddressMaxDelaySeconds: config.loginAddressMaxDelaySeconds,
  }
  await app.register(healthRoutes, { db, kind: database.kind, demo: config.demo })
  await app.register(authRoutes, { db, sessions, throttle, cookieSecure: config.cookieSecure })
  await app.register(zonesRoutes, { database })
  await app.register(agreementsRoutes, { db })
  await app.register(peopleRoutes, { db })
  await app.register(auditRoutes, { db })
  await app.register(accountsRoutes, { db })
  await app.register(notificationsRoutes, { db })
  await app.register(calendarsRoutes, { db, publicUrl: config.publicUrl })
  await app.register(availabilityRoutes, { db }) // availability (issue 8)
  // permanences (issue 8, perm-core)
  await app.register(rotationsRoutes, { db })
  const workers = workerPool()
  const rosters = rosterService(db, workers)
  const busOf = options.bus
  const index = onDutyIndex(db, typeof busOf === 'function' ? busOf : () => busOf, () => clock.now())
  await app.register(rosterRoutes, { db, rosters, onDuty: onDutyService(db, index) })
  await app.register(fairnessRoutes, { db }) // fairness (issue 8)
  // The on-duty index is built when the server listens (the bus is there by then), or at the first question.
  app.addHook('onListen', async () => {
    await index.ensure()
  })
  await app.register(swapRoutes, { db }) // swaps (issue 8)
  // Generations still running finish (or are refused) before the database closes; then the workers stop.
  app.addHook('onClose', async () => {
    index.close()
    await workers.close()
    await rosters.settle()
  })
  const bus = options.bus
  const streams = eventStreams(
    { db, sessions, bus: typeof bus === 'function' ? bus : () => bus, clock, log: app.log },
    { ...DEFAULT_STREAM_OPTIONS, ...options.eventStreams },
  )
  await app.register(eventsRoutes, { streams })
  await app.register(calloutsRoutes, { db }) // callouts (issue 8)
  // assistance (issue 9)
  await app.register(assistanceRequestRoutes, { db })
  await app.register(assistanceAlertRoutes, { db })
  await app.register(assistanceLedgerRoutes, { db })
  // equipment and investments (issue 10)
  await app.register(equipmentAssetRoutes, { db, workers })
  await app.register(equipmentBookingRoutes, { db, workers })
  await app.register(investmentRoutes, { db, workers })
  await app.register(investmentSettlementRoutes, { db, workers })
  // training and briefing (issue 11)
  await app.register(trainingSessionRoutes, { db, workers })
  await app.register(trainingEnrolmentRoutes, { db, workers })
  await app.register(trainingComplianceRoutes, { db, workers })
  await app.register(briefingRoutes, { db, workers })

  if (existsSync(config.webDir)) {
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', wildcard: true, index: 'index.html' })
  }
  return app
}
