import { createFileRoute } from '@tanstack/react-router'
import { NEEDS_YOU_GROUPS, needsYouTotalQueryOptions } from '@/api/needs-you'
import { RouteError } from '@/components/route-error'
import { SellerAnswerDialogs } from '@/features/campaign-detail/seller-answer-dialogs'
import { useAnswerInUrl } from '@/features/needs-you/answer-url'
import { needsYouSearchSchema } from '@/features/needs-you/inbox-search'
import { NeedsYouPage } from '@/features/needs-you/needs-you-page'
import { NeedsYouNotifications } from '@/features/notifications/needs-you-notifications'
import { WaitingSuggestions } from '@/features/suggestions/waiting-suggestions'

// Features meet here: the inbox lists notifications and suggestions after its buys, and its answers (the URL's
// dialog) open the campaign's tuning forms, with a reply to the seller, or send a failed or rejected buy again.
const sections = [WaitingSuggestions, NeedsYouNotifications]

function NeedsYou() {
  const { answer, close } = useAnswerInUrl()
  return (
    <>
      <NeedsYouPage sections={sections} />
      {answer ? <SellerAnswerDialogs {...answer} onClose={close} /> : null}
    </>
  )
}

export const Route = createFileRoute('/needs-you')({
  validateSearch: needsYouSearchSchema,
  // Start the groups' first pages early; the page shows its own loading and error state.
  loader: ({ context: { queryClient } }) => {
    for (const group of NEEDS_YOU_GROUPS) void queryClient.prefetchQuery(needsYouTotalQueryOptions(group))
  },
  errorComponent: (props) => <RouteError {...props} what="the Needs you list" />,
  component: NeedsYou,
})
