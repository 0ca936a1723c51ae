import { getRouteApi } from '@tanstack/react-router'
import { OPENED_DIALOG, useCloseUrlDialog } from '@/lib/url-dialog'
import type { AnswerKind } from './inbox-search'

const route = getRouteApi('/needs-you')

export interface OpenAnswer {
  kind: AnswerKind
  campaignId: string
  mediaBuyId: string
}

/** The `data-dialog-trigger` of the button that opens an answer; focus returns there when its dialog closes. */
export const answerTrigger = (kind: AnswerKind) => `answer:${kind}`

const CLOSED = { dialog: undefined, dialogCampaign: undefined, dialogBuy: undefined }

/** Opens an answer dialog: a new history entry with the dialog and its buy in the search params. */
export function useOpenAnswer(): (answer: OpenAnswer) => void {
  const navigate = route.useNavigate()
  return ({ kind, campaignId, mediaBuyId }) =>
    void navigate({
      search: (prev) => ({ ...prev, dialog: kind, dialogCampaign: campaignId, dialogBuy: mediaBuyId }),
      state: OPENED_DIALOG,
      resetScroll: false,
    })
}

/** The answer dialog the URL asks for, if any, and how to close it. */
export function useAnswerInUrl(): { answer: (OpenAnswer & { opener: string }) | undefined; close: () => void } {
  const { dialog, dialogCampaign, dialogBuy } = route.useSearch()
  const navigate = route.useNavigate()
  const close = useCloseUrlDialog(
    () => void navigate({ search: (prev) => ({ ...prev, ...CLOSED }), replace: true, resetScroll: false }),
  )
  const answer =
    dialog && dialogCampaign && dialogBuy
      ? { kind: dialog, campaignId: dialogCampaign, mediaBuyId: dialogBuy, opener: answerTrigger(dialog) }
      : undefined
  return { answer, close }
}
