import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import {
  BookingCheck,
  BookingCheckBody,
  BookingCreateBody,
  BookingGroup,
  BookingList,
  BookingListQuery,
  CheckInBody,
  CheckOutBody,
  CustodyChain,
  DecisionBody,
  LoanTermsBody,
  LoanTermsList,
} from './booking-schema.ts'
import { bookingService } from './booking-service.ts'
import { handoverService } from './handover-service.ts'
import { loanTermsService } from './loan-terms-service.ts'

/**
 * Equipment and investments (issue 10): bookings, approvals, handovers, custody, loan terms (bookings helper).
 * Each route: schema → policy (the route's rule; the service decides per booking: keeper or borrower) → one
 * service call → the booking as the reader sees it.
 */
export async function equipmentBookingRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const bookings = bookingService(opts.db)
  const handovers = handoverService(opts.db)
  const terms = loanTermsService(opts.db)
  const tags = ['equipment']
  const Booking = Type.Ref('Booking', { description: 'The booking as the reader sees it' })

  app.post(
    '/api/equipment/bookings/check',
    {
      schema: {
        operationId: 'checkBooking',
        tags,
        summary: 'Before submit: the conflicting bookings and the lendability of each asset over a period',
        body: BookingCheckBody,
        response: { 200: BookingCheck, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'equipment.book' },
    },
    async (req) => bookings.check(req.policy, req.body),
  )

  app.post(
    '/api/equipment/bookings',
    {
      schema: {
        operationId: 'createBooking',
        tags,
        summary:
          'Book one or more assets for a period, all or nothing: the same idempotency key and body again answer the same group (200)',
        body: BookingCreateBody,
        response: { 200: BookingGroup, 201: BookingGroup, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'equipment.book' },
    },
    async (req, reply) => {
      const { created, group } = await bookings.create(req.policy, req.body)
      return reply.code(created ? 201 : 200).send(group)
    },
  )

  app.get(
    '/api/equipment/bookings',
    {
      schema: {
        operationId: 'listBookings',
        tags,
        summary: "Bookings of the own zones' assets (keeper side) or the own zones' bookings (borrower side)",
        querystring: BookingListQuery,
        response: { 200: BookingList, ...errorResponses(401, 403) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => bookings.list(req.policy, req.query),
  )

  app.get(
    '/api/equipment/bookings/:id',
    {
      schema: {
        operationId: 'getBooking',
        tags,
        summary: 'A booking with its handovers and the actions the reader may take: keeper or borrower zone only',
        params: IdParams,
        response: { 200: Booking, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => bookings.get(req.policy, req.params.id),
  )

  for (const [action, operationId, summary] of [
    ['approve', 'approveBooking', "Approve a partner's requested booking (the keeper)"],
    ['reject', 'rejectBooking', "Reject a partner's requested booking (the keeper)"],
  ] as const)
    app.post(
      `/api/equipment/bookings/:id/${action}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          params: IdParams,
          body: DecisionBody,
          response: { 200: Booking, ...errorResponses(401, 403, 404, 409) },
        },
        config: { policy: 'equipment.approve' },
      },
      async (req) => bookings[action](req.policy, req.params.id, req.body.note),
    )

  app.post(
    '/api/equipment/bookings/:id/cancel',
    {
      schema: {
        operationId: 'cancelBooking',
        tags,
        summary: 'Cancel a requested or approved booking: the borrower zone, or the keeper',
        params: IdParams,
        response: { 200: Booking, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'equipment.book' },
    },
    async (req) => bookings.cancel(req.policy, req.params.id),
  )

  app.post(
    '/api/equipment/bookings/:id/check-out',
    {
      schema: {
        operationId: 'checkOutBooking',
        tags,
        summary: "Hand an approved booking's asset to the borrower (handover record; a weapon changes holder)",
        params: IdParams,
        body: CheckOutBody,
        response: { 200: Booking, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'equipment.approve' },
    },
    async (req) => handovers.checkOut(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/equipment/bookings/:id/check-in',
    {
      schema: {
        operationId: 'checkInBooking',
        tags,
        summary: 'Take a lent asset back (handover record, counters, damage with a note; a weapon back to the armoury)',
        params: IdParams,
        body: CheckInBody,
        response: { 200: Booking, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'equipment.approve' },
    },
    async (req) => handovers.checkIn(req.policy, req.params.id, req.body),
  )

  app.get(
    '/api/equipment/assets/:id/custody',
    {
      schema: {
        operationId: 'getWeaponCustody',
        tags,
        summary: "A weapon's chain of custody, oldest first: the keeping zone only",
        params: IdParams,
        response: { 200: CustodyChain, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'equipment.read' },
    },
    async (req) => handovers.custody(req.policy, req.params.id),
  )

  app.get(
    '/api/equipment/agreements/:id/terms',
    {
      schema: {
        operationId: 'getLoanTerms',
        tags,
        summary: 'The loan terms of an agreement per asset kind',
        params: IdParams,
        response: { 200: LoanTermsList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'equipment.terms' },
    },
    async (req) => terms.get(req.policy, req.params.id),
  )

  app.put(
    '/api/equipment/agreements/:id/terms',
    {
      schema: {
        operationId: 'setLoanTerms',
        tags,
        summary: 'Replace the loan terms of an agreement',
        params: IdParams,
        body: LoanTermsBody,
        response: { 200: LoanTermsList, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'equipment.terms' },
    },
    async (req) => terms.set(req.policy, req.params.id, req.body),
  )
}
