import { createFileRoute } from '@tanstack/react-router'
import { NEEDS_YOU_GROUPS, needsYouTotalQueryOptions } from '@/api/needs-you'
import type { NeedsYouSlots } from '@/components/needs-you-slots'
import { RouteError } from '@/components/route-error'
import { NeedsYouPage } from '@/features/needs-you/needs-you-page'
import { needsYouSearchSchema } from '@/features/needs-you/inbox-search'
import { canResubmit, ResubmitDialog } from '@/features/execution/resubmit'
import { NeedsYouNotifications } from '@/features/notifications/needs-you-notifications'
import { WaitingSuggestions } from '@/features/suggestions/waiting-suggestions'
import { AnswerSellerDialog } from '@/features/tuning/answer-seller-dialog'

// Features meet here: the inbox answers sellers with the tuning forms, sends failed or rejected buys again, and
// lists notifications and suggestions.
const slots: NeedsYouSlots = {
  answerDialog: AnswerSellerDialog,
  resubmit: { Dialog: ResubmitDialog, allowed: canResubmit },
  sections: [WaitingSuggestions, NeedsYouNotifications],
}

export const Route = createFileRoute('/needs-you')({
  validateSearch: needsYouSearchSchema,
  // Start the groups' first pages early; the page shows its own loading and error state.
  loader: ({ context: { queryClient } }) => {
    for (const group of NEEDS_YOU_GROUPS) void queryClient.prefetchQuery(needsYouTotalQueryOptions(group))
  },
  errorComponent: (props) => <RouteError {...props} what="the Needs you list" />,
  component: () => <NeedsYouPage slots={slots} />,
})
