import { Controller, useFieldArray, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import type { Campaign } from '@/api/schemas/campaign'
import { DURATION_UNITS } from '@/api/schemas/common'
import { Button } from '@/components/ui/button'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { TextField } from './form-fields'
import { TuningDialog } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { useTuningSubmit } from './use-tuning-submit'

// Whole numbers typed as digits only: "1e3", "2.5", "-1" and pasted text are refused on the field, not coerced.
const whole = (min: number) =>
  z
    .string()
    .refine(
      (t) => /^\d+$/.test(t.trim()) && Number.isSafeInteger(Number(t)) && Number(t) >= min,
      `A whole number, ${min} or more`,
    )
const schema = z.object({
  caps: z.array(z.object({ maxImpressions: whole(1), interval: whole(1), unit: z.enum(DURATION_UNITS) })),
})
type Values = z.infer<typeof schema>

const valuesFor = (c: Campaign): Values => ({
  caps: (c.frequencyCaps ?? []).map((f) => ({
    maxImpressions: String(f.max_impressions),
    interval: String(f.window.interval),
    unit: DURATION_UNITS.find((u) => u === f.window.unit) ?? 'days',
  })),
})
const toInput = (v: Values) =>
  v.caps.map((c) => ({
    max_impressions: Number(c.maxImpressions),
    window: { interval: Number(c.interval), unit: c.unit },
  }))

/** Replace semantics: the list sent becomes the campaign's caps; an empty list clears them. */
export function FrequencyCapsDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesFor(campaign) })
  const caps = useFieldArray({ control: form.control, name: 'caps' })
  const lists = campaign.propertyLists?.propertyLists ?? []
  const flow = useTuningSubmit({
    campaign,
    form,
    buyIds: 'all',
    valuesFor,
    onSuccess: onClose,
    build: (v, baseline) =>
      JSON.stringify(toInput(v)) === JSON.stringify(toInput(valuesFor(baseline)))
        ? 'Nothing changed.'
        : { frequencyCaps: toInput(v) },
    fieldFor: (path) => {
      const m = /^frequencyCaps\.(\d+)\.(max_impressions|window)/.exec(path)
      return m
        ? m[2] === 'window'
          ? `caps.${Number(m[1])}.interval`
          : `caps.${Number(m[1])}.maxImpressions`
        : undefined
    },
  })
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty}
      title="Frequency caps"
      description="Applies across every media buy of this campaign. Several caps combine: all must hold."
    >
      <TuningForm flow={flow} label="Frequency caps" confirmLabel="Replace caps">
        {caps.fields.length === 0 ? <p className="text-sm">No caps: sending clears every cap.</p> : null}
        {caps.fields.map((cap, i) => (
          <fieldset key={cap.id} className="grid grid-cols-3 items-start gap-2">
            <legend className="text-sm font-medium">Cap {i + 1}</legend>
            <TextField
              control={form.control}
              name={`caps.${i}.maxImpressions`}
              id={`cap-${i}-max`}
              label="Impressions at most"
              inputMode="numeric"
            />
            <TextField
              control={form.control}
              name={`caps.${i}.interval`}
              id={`cap-${i}-interval`}
              label="Per"
              inputMode="numeric"
            />
            <Controller
              control={form.control}
              name={`caps.${i}.unit`}
              render={({ field }) => (
                <Field>
                  <FieldLabel htmlFor={`cap-${i}-unit`}>Unit</FieldLabel>
                  <Select id={`cap-${i}-unit`} {...field}>
                    {DURATION_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </Select>
                  <FieldError />
                </Field>
              )}
            />
            <Button size="sm" variant="ghost" onClick={() => caps.remove(i)} className="col-span-3 justify-self-start">
              Remove cap {i + 1}
            </Button>
          </fieldset>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() => caps.append({ maxImpressions: '3', interval: '1', unit: 'days' })}
          >
            Add cap
          </Button>
          {caps.fields.length > 0 ? (
            <Button size="sm" variant="ghost" onClick={() => caps.remove()}>
              Remove all caps
            </Button>
          ) : null}
        </div>
        <section
          aria-labelledby="property-lists-title"
          className="border-t border-slate-200 pt-2 dark:border-slate-700"
        >
          <h3 id="property-lists-title" className="text-sm font-medium">
            Property lists (apply across every buy)
          </h3>
          {lists.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No property list is attached to this campaign.</p>
          ) : (
            <ul className="text-sm">
              {lists.map((l) => (
                <li key={l.listId}>
                  {l.name} ({l.purpose})
                </li>
              ))}
            </ul>
          )}
        </section>
      </TuningForm>
    </TuningDialog>
  )
}
