import { useId, useMemo, useState } from 'react'
import { useForm, Controller } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { creativeDetailQueryOptions, useUpdateCreative } from '@/api/creatives'
import { describeApiError, isApiError } from '@/api/errors'
import type { Campaign } from '@/api/schemas/campaign'
import type { CreativeManifest, CreativeManifestSummary, UpdateCreativeBody } from '@/api/schemas/creative'
import { acceptedFormats, creativeResyncPlan, type ResyncPlan } from '@/domain/creatives'
import { StepHeading } from '@/components/step-heading'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { SellerStatusBadge } from './seller-status'
import { FIELD_OF, bodyOf, formSchema, type Values } from './edit-creative-form'
import { linkOf, sellerText } from './edit-creative-sellers'

type Step = 'edit' | 'review' | 'result'

export function EditCreativeDialog({
  campaign,
  manifest,
  onClose,
}: {
  campaign: Campaign
  manifest: CreativeManifestSummary
  onClose: () => void
}) {
  // The list row has no brief text: the manifest itself is read once when its editor opens.
  const detail = useQuery(creativeDetailQueryOptions(campaign.campaignId, manifest.creative_id))
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title={`Edit ${manifest.name}`}
        description="The new version goes to the sellers of every buy that uses this format; each seller reviews it."
        className="w-[min(40rem,calc(100vw-2rem))]"
      >
        {detail.isPending ? (
          <p className="text-sm">Loading the manifest…</p>
        ) : detail.isError ? (
          <Alert tone="error">{describeApiError(detail.error)}</Alert>
        ) : (
          <EditCreativeFlow campaign={campaign} manifest={detail.data} onClose={onClose} />
        )}
      </DialogContent>
    </Dialog>
  )
}

function EditCreativeFlow({
  campaign,
  manifest,
  onClose,
}: {
  campaign: Campaign
  manifest: CreativeManifest
  onClose: () => void
}) {
  const before = { name: manifest.name, message: manifest.message ?? '' }
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: before.name, message: before.message, clickUrl: '' },
  })
  const [step, setStep] = useState<Step>('edit')
  const [body, setBody] = useState<UpdateCreativeBody | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  const [result, setResult] = useState<CreativeManifest | null>(null)
  const mutation = useUpdateCreative(campaign.campaignId)
  const ids = { name: useId(), message: useId(), clickUrl: useId(), review: useId(), result: useId() }
  const buys = useMemo(() => campaign.mediaBuys ?? [], [campaign.mediaBuys])
  const plan: ResyncPlan = useMemo(
    () =>
      creativeResyncPlan(
        manifest.format_kind,
        buys.map((b) => ({
          mediaBuyId: b.mediaBuyId,
          name: b.name,
          status: b.status,
          creativeIds: b.creativeIds,
          formatKinds: acceptedFormats(b),
        })),
      ),
    [manifest.format_kind, buys],
  )
  const buyById = new Map(buys.map((b) => [b.mediaBuyId, b]))

  const toReview = form.handleSubmit((values) => {
    const next = bodyOf(values, before)
    if (!next) {
      setBanner('Nothing changed.')
      return
    }
    setBanner(null)
    setBody(next)
    setStep('review')
  })

  async function send() {
    if (!body) return
    try {
      setResult(await mutation.mutateAsync({ creativeId: manifest.creative_id, body }))
      setStep('result')
    } catch (error) {
      setStep('edit')
      if (!isApiError(error)) {
        setBanner(describeApiError(error))
        return
      }
      const leftovers: string[] = []
      for (const issue of error.issues) {
        const field = FIELD_OF[issue.path]
        if (field) form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: true })
        else leftovers.push(issue.message)
      }
      if (error.issues.length === 0 || leftovers.length > 0)
        setBanner([describeApiError(error), ...leftovers.filter((m) => m !== error.message)].join(' '))
    }
  }

  return (
    <>
      {banner ? (
        <Alert tone="error" className="mb-3">
          {banner}
        </Alert>
      ) : null}
      <form
        aria-label={`Edit ${manifest.name}`}
        noValidate
        onSubmit={(e) => void toReview(e)}
        hidden={step !== 'edit'}
        className="space-y-3"
      >
        <Controller
          control={form.control}
          name="name"
          render={({ field, fieldState }) => (
            <Field>
              <FieldLabel htmlFor={ids.name}>Name</FieldLabel>
              <Input
                id={ids.name}
                autoComplete="off"
                aria-invalid={fieldState.invalid || undefined}
                aria-describedby={`${ids.name}-error`}
                {...field}
              />
              <FieldError id={`${ids.name}-error`}>{fieldState.error?.message}</FieldError>
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="message"
          render={({ field, fieldState }) => (
            <Field>
              <FieldLabel htmlFor={ids.message}>Brief message</FieldLabel>
              <Textarea
                id={ids.message}
                aria-invalid={fieldState.invalid || undefined}
                aria-describedby={`${ids.message}-error`}
                {...field}
              />
              <FieldError id={`${ids.message}-error`}>{fieldState.error?.message}</FieldError>
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="clickUrl"
          render={({ field, fieldState }) => (
            <Field>
              <FieldLabel htmlFor={ids.clickUrl}>New click-through URL</FieldLabel>
              <FieldDescription id={`${ids.clickUrl}-hint`}>Leave empty to keep the current one.</FieldDescription>
              <Input
                id={ids.clickUrl}
                type="url"
                autoComplete="off"
                aria-invalid={fieldState.invalid || undefined}
                aria-describedby={`${ids.clickUrl}-hint ${ids.clickUrl}-error`}
                {...field}
              />
              <FieldError id={`${ids.clickUrl}-error`}>{fieldState.error?.message}</FieldError>
            </Field>
          )}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Review change</Button>
        </div>
      </form>

      {step === 'review' && body ? (
        <section aria-labelledby={ids.review} className="space-y-3">
          <StepHeading id={ids.review} className="font-medium">
            Review the change
          </StepHeading>
          <ul className="text-sm">
            {body.name !== undefined ? (
              <li>
                Name: {before.name} → {body.name}
              </li>
            ) : null}
            {body.message !== undefined ? <li>Brief message: {body.message || '(empty)'}</li> : null}
            {body.click_url !== undefined ? <li>Click-through URL: {body.click_url}</li> : null}
          </ul>
          <section aria-label="Buys it re-syncs to">
            <h4 className="text-sm font-medium">Re-syncs to {plural(plan.resync.length, 'buy')}</h4>
            {plan.resync.length === 0 ? (
              <p className="text-sm">No buy takes this version now.</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {plan.resync.map((e) => (
                  <li key={e.mediaBuyId}>
                    {e.name}
                    {sellerText(buyById.get(e.mediaBuyId))}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {plan.skipped.length ? (
            <section aria-label="Buys it does not re-sync to">
              <h4 className="text-sm font-medium">Not re-synced ({plan.skipped.length})</h4>
              <ul className="list-disc pl-5 text-sm">
                {plan.skipped.map((e) => (
                  <li key={e.mediaBuyId}>
                    {e.name}: {e.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="ghost" onClick={() => setStep('edit')} disabled={mutation.isPending}>
              Back to edit
            </Button>
            <Button onClick={() => void send()} disabled={mutation.isPending}>
              {mutation.isPending ? 'Sending…' : 'Send change'}
            </Button>
          </div>
        </section>
      ) : null}

      {step === 'result' && result ? (
        <section aria-labelledby={ids.result} className="space-y-3">
          <StepHeading id={ids.result} className="font-medium">
            Change sent
          </StepHeading>
          <ul aria-label="Result per buy" className="space-y-1 text-sm">
            {plan.resync.map((e) => {
              const link = linkOf(buyById.get(e.mediaBuyId), result.platform_links ?? [])
              return (
                <li key={e.mediaBuyId} className="flex flex-wrap items-center gap-2">
                  <span>
                    {e.name}
                    {sellerText(buyById.get(e.mediaBuyId), link?.agent_name)}:
                  </span>{' '}
                  {link ? <SellerStatusBadge link={link} /> : <span>no answer from its seller yet</span>}
                </li>
              )
            })}
            {plan.skipped.map((e) => (
              <li key={e.mediaBuyId}>
                {e.name}: not re-synced ({e.reason})
              </li>
            ))}
          </ul>
          {(result.warnings ?? []).map((w) => (
            <Alert key={w} tone="warning">
              {w}
            </Alert>
          ))}
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </section>
      ) : null}
    </>
  )
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
