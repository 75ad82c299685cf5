import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api, data } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { components } from '../../api/schema.d.ts'
import type { MessageKey } from '../../i18n/nl.ts'

export type Notification = components['schemas']['Notification']
export type NotificationKind = Notification['kind']

/** The message of each kind (the server's NOTIFICATION_KINDS names the same keys; a test compares them). */
export const NOTIFICATION_MESSAGES = {
  'agreement.approval_requested': 'notification.agreement.approval_requested',
  'agreement.in_force': 'notification.agreement.in_force',
  'agreement.ended': 'notification.agreement.ended',
  'agreement.approvals_voided': 'notification.agreement.approvals_voided',
  'availability.entered_for_you': 'notification.availability.entered_for_you', // availability (issue 8)
  // permanences (perm-core)
  'roster.duties_changed': 'notification.roster.duties_changed',
  // swaps (issue 8)
  'swap.offered': 'notification.swap.offered',
  'swap.taken': 'notification.swap.taken',
  'swap.approval_needed': 'notification.swap.approval_needed',
  'swap.approved': 'notification.swap.approved',
  'swap.rejected': 'notification.swap.rejected',
  'replacement.needed': 'notification.replacement.needed',
  // alerts (issue 9)
  'assistance.alert': 'notification.assistance.alert',
  'assistance.requested': 'notification.assistance.requested',
  'equipment.validity_expiring': 'notification.equipment.validity_expiring', // assets (issue 10)
  // bookings (issue 10)
  'equipment.booking_requested': 'notification.equipment.booking_requested',
  'equipment.booking_decided': 'notification.equipment.booking_decided',
  'equipment.booking_overdue': 'notification.equipment.booking_overdue',
  // training sessions (issue 11, train-sessions)
  'training.session_cancelled': 'notification.training.session_cancelled',
  // training enrolments (issue 11, train-enrol)
  'training.enrolled': 'notification.training.enrolled',
  'training.waitlisted': 'notification.training.waitlisted',
  'training.promoted': 'notification.training.promoted',
  'training.enrolment_cancelled': 'notification.training.enrolment_cancelled',
  // train-compliance (issue 11)
  'training.compliance_due': 'notification.training.compliance_due',
  'training.qualification_expiring': 'notification.training.qualification_expiring',
  'training.compliance_digest': 'notification.training.compliance_digest',
} as const satisfies Record<NotificationKind, MessageKey>

export const notificationKeys = {
  all: ['notifications'] as const,
  latest: ['notifications', 'latest'] as const,
}

/** The newest notifications and the unread count (the bell). */
export function useLatestNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => data(api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
    enabled,
  })
}

function useNotificationWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

export const useMarkRead = () =>
  useNotificationWrite((id: string) => data(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })))

export const useMarkAllRead = () => useNotificationWrite(() => data(api.POST('/api/notifications/read-all')))

/** A new or read notification of this user (another tab, another device): reload the list and the count. */
export function useLiveNotifications(enabled: boolean): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('notification.')) void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, enabled)
}
