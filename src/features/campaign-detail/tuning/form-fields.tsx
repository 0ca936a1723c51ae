import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form'
import { z } from 'zod'
import { parseMoney } from '@/domain/money'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

/** A money amount typed as text, checked for the currency's precision, > 0 and ≤ 1e12. */
export const moneyText = (currency: string) =>
  z.string().superRefine((text, ctx) => {
    const parsed = parseMoney(text, currency)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message })
  })

/** The same, where empty means "not set". */
export const optionalMoneyText = (currency: string) =>
  z.string().superRefine((text, ctx) => {
    if (text.trim() === '') return
    const parsed = parseMoney(text, currency)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message })
  })

export const moneyValue = (text: string, currency: string): number | null => {
  const parsed = parseMoney(text, currency)
  return parsed.ok ? parsed.value : null
}

interface TextFieldProps<T extends FieldValues> {
  control: Control<T>
  name: FieldPath<T>
  label: string
  id: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  suffix?: string
  /** A value that may be sent but deserves a second look (a budget below its spend); shown under the field. */
  warning?: string
  /** `date` for a calendar day (YYYY-MM-DD), with its bounds. */
  type?: 'text' | 'date'
  min?: string
  max?: string
}

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  id,
  inputMode = 'text',
  suffix,
  warning,
  type = 'text',
  min,
  max,
}: TextFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field>
          <FieldLabel htmlFor={id}>{label}</FieldLabel>
          <div className="flex items-center gap-2">
            <Input
              id={id}
              type={type}
              min={min}
              max={max}
              inputMode={type === 'text' ? inputMode : undefined}
              autoComplete="off"
              aria-invalid={fieldState.invalid || undefined}
              aria-describedby={warning ? `${id}-error ${id}-warning` : `${id}-error`}
              className="w-full"
              {...field}
              value={String(field.value ?? '')}
            />
            {suffix ? <span className="text-sm text-slate-600 dark:text-slate-400">{suffix}</span> : null}
          </div>
          {warning && !fieldState.error ? (
            <p id={`${id}-warning`} data-slot="field-warning" className="text-sm text-amber-800 dark:text-amber-300">
              {warning}
            </p>
          ) : null}
          <FieldError id={`${id}-error`}>{fieldState.error?.message}</FieldError>
        </Field>
      )}
    />
  )
}
