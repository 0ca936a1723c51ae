import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import type { Campaign, CampaignMediaBuy } from '@/api/schemas/campaign'
import { useGuardedEdits } from './close-guard'

/** What every dialog that edits one media buy is given. */
export interface BuyDialogProps {
  campaign: Campaign
  buy: CampaignMediaBuy
  onClose: () => void
  /** Answering the seller (D5): the dialog adds a reply to the seller. */
  reply?: boolean
}

interface TuningDialogProps {
  open: boolean
  onClose: () => void
  title: string
  description?: ReactNode
  /** Edits would be lost: closing asks first. */
  dirty: boolean
  wide?: boolean
  children: ReactNode
}

/** A tuning form in a Radix dialog that never drops typed values by accident. */
export function TuningDialog({ open, onClose, title, description, dirty, wide, children }: TuningDialogProps) {
  const [closing, setClosing] = useState(false)
  // The browser's Back with edits in the form asks the same question as Close.
  const navigation = useGuardedEdits(dirty)
  const leaving = navigation?.asking === true
  const confirming = closing || leaving
  const requestClose = () => (dirty ? setClosing(true) : onClose())
  const keepEditing = useRef<HTMLButtonElement>(null)
  // The question appears above the form, often out of view: focus its safe answer so keyboard and screen reader users
  // land on it (Escape pressed again then simply asks again).
  useEffect(() => {
    if (confirming) keepEditing.current?.focus()
  }, [confirming])
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : requestClose())}>
      <DialogContent
        title={title}
        description={description}
        className={
          wide ? 'max-h-[90vh] w-[min(48rem,calc(100vw-2rem))] overflow-y-auto' : 'max-h-[90vh] overflow-y-auto'
        }
      >
        {confirming ? (
          <Alert tone="warning" className="mb-4" role="group" aria-labelledby="discard-edits-title">
            <p id="discard-edits-title" className="font-medium">
              Discard your edits?
            </p>
            <p>What you typed in this form will be lost.</p>
            <div className="mt-2 flex gap-2">
              <Button
                ref={keepEditing}
                size="sm"
                variant="secondary"
                onClick={() => (leaving ? navigation.stay() : setClosing(false))}
              >
                Keep editing
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => {
                  setClosing(false)
                  if (leaving) navigation.leave()
                  else onClose()
                }}
              >
                Discard edits
              </Button>
            </div>
          </Alert>
        ) : null}
        {children}
      </DialogContent>
    </Dialog>
  )
}
