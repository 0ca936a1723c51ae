import { Controller, useFieldArray, useWatch, type Control } from 'react-hook-form'
import { EVENT_TYPES } from '@/api/schemas/common'
import { BRIEF_METRICS, TARGET_LABELS, targetOptions } from '@/domain/goals'
import { metricLabel } from '@/domain/labels'
import { Button } from '@/components/ui/button'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { TextField } from './form-fields'
import type { GoalsFormValues } from './goals-schema'

const METRIC_HINT: Record<string, string> = {
  clicks: 'a proportion, e.g. 0.01 for 1 %',
  views: 'a proportion',
  completed_views: 'a proportion',
  attention_score: 'a score',
}

/** One goal: event or metric fields, and the targets that fit it (the others disabled, with the reason). */
export function GoalFields({ control, index }: { control: Control<GoalsFormValues>; index: number }) {
  const goal = useWatch({ control, name: `goals.${index}` })
  const sources = useFieldArray({ control, name: `goals.${index}.eventSources` })
  const options = targetOptions({ kind: goal.kind, hasValueField: goal.eventSources.some((s) => s.valueField.trim()) })
  const disabled = options.filter((o) => !o.allowed)
  const id = (name: string) => `goal-${index}-${name}`
  return (
    <div className="space-y-2">
      {goal.kind === 'event' ? (
        <>
          {sources.fields.map((source, j) => (
            <fieldset key={source.id} className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
              <legend className="text-sm font-medium">Event source {j + 1}</legend>
              <TextField
                control={control}
                name={`goals.${index}.eventSources.${j}.eventSourceId`}
                id={id(`src-${j}`)}
                label="Event source id"
              />
              <Controller
                control={control}
                name={`goals.${index}.eventSources.${j}.eventType`}
                render={({ field }) => (
                  <Field>
                    <FieldLabel htmlFor={id(`type-${j}`)}>Event type</FieldLabel>
                    <Select id={id(`type-${j}`)} {...field}>
                      {EVENT_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </Select>
                    <FieldError />
                  </Field>
                )}
              />
              {goal.eventSources[j]?.eventType === 'custom' ? (
                <TextField
                  control={control}
                  name={`goals.${index}.eventSources.${j}.customEventName`}
                  id={id(`custom-${j}`)}
                  label="Custom event name"
                />
              ) : null}
              <TextField
                control={control}
                name={`goals.${index}.eventSources.${j}.valueField`}
                id={id(`value-${j}`)}
                label="Value field (optional)"
              />
              {sources.fields.length > 1 ? (
                <Button size="sm" variant="ghost" onClick={() => sources.remove(j)}>
                  Remove event source {j + 1}
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              sources.append({ eventSourceId: '', eventType: 'purchase', customEventName: '', valueField: '' })
            }
          >
            Add event source
          </Button>
          <TextField
            control={control}
            name={`goals.${index}.attributionDays`}
            id={id('window')}
            label="Post-click attribution window (days, optional)"
            inputMode="numeric"
          />
        </>
      ) : (
        <>
          <Controller
            control={control}
            name={`goals.${index}.metric`}
            render={({ field }) => (
              <Field>
                <FieldLabel htmlFor={id('metric')}>Metric</FieldLabel>
                <Select id={id('metric')} {...field}>
                  {BRIEF_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {metricLabel(m)}
                    </option>
                  ))}
                </Select>
                <FieldError />
              </Field>
            )}
          />
          {goal.metric === 'completed_views' ? (
            <TextField
              control={control}
              name={`goals.${index}.viewDurationSeconds`}
              id={id('duration')}
              label="Counts as completed after (seconds, optional)"
              inputMode="decimal"
            />
          ) : null}
        </>
      )}
      <Controller
        control={control}
        name={`goals.${index}.targetKind`}
        render={({ field, fieldState }) => (
          <Field>
            <FieldLabel htmlFor={id('target')}>Target</FieldLabel>
            <Select
              id={id('target')}
              aria-invalid={fieldState.invalid || undefined}
              aria-describedby={id('target-why')}
              {...field}
            >
              {options.map((o) => (
                <option key={o.kind} value={o.kind} disabled={!o.allowed}>
                  {TARGET_LABELS[o.kind]}
                  {o.allowed ? '' : ` (${o.reason})`}
                </option>
              ))}
            </Select>
            <FieldDescription id={id('target-why')}>
              {disabled.map((o) => `${TARGET_LABELS[o.kind]}: ${o.reason}.`).join(' ')}
            </FieldDescription>
            <FieldError>{fieldState.error?.message}</FieldError>
          </Field>
        )}
      />
      {['cost_per', 'per_ad_spend', 'threshold_rate'].includes(goal.targetKind) ? (
        <TextField
          control={control}
          name={`goals.${index}.targetValue`}
          id={id('value')}
          inputMode="decimal"
          label={
            goal.targetKind === 'threshold_rate'
              ? `Minimum rate (${METRIC_HINT[goal.metric] ?? 'seconds'})`
              : goal.targetKind === 'per_ad_spend'
                ? 'Target return (value per unit spent)'
                : 'Target cost per unit'
          }
        />
      ) : null}
    </div>
  )
}
