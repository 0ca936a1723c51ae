import { useId, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { isApiKeyRemembered, setApiKey } from '@/api/api-key'
import { Button } from '@/components/ui/button'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Switch } from '@/components/ui/switch'
import { apiKeyFormSchema, keyShapeWarning, type ApiKeyFormValues } from './api-key-schema'

export function ApiKeyForm({ onSaved }: { onSaved: () => void }) {
  const ids = {
    key: useId(),
    keyHelp: useId(),
    keyError: useId(),
    keyWarning: useId(),
    remember: useId(),
    rememberHelp: useId(),
  }
  const [visible, setVisible] = useState(false)
  // The key the buyer was warned about: saving that same key again means they meant it.
  const [warnedFor, setWarnedFor] = useState<string | null>(null)
  const form = useForm<ApiKeyFormValues>({
    resolver: zodResolver(apiKeyFormSchema),
    defaultValues: { apiKey: '', remember: isApiKeyRemembered() },
  })
  const keyError = form.formState.errors.apiKey?.message

  const typed = form.watch('apiKey')
  const warning = warnedFor !== null && warnedFor === typed.trim() ? keyShapeWarning(typed) : undefined

  const submit = form.handleSubmit((values) => {
    if (keyShapeWarning(values.apiKey) && warnedFor !== values.apiKey) {
      setWarnedFor(values.apiKey)
      form.setFocus('apiKey')
      return
    }
    setWarnedFor(null)
    setApiKey(values.apiKey, { remember: values.remember })
    // The key is stored; do not keep a readable copy in the form.
    form.reset({ apiKey: '', remember: values.remember })
    setVisible(false)
    onSaved()
  })

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field>
        <FieldLabel htmlFor={ids.key}>API key</FieldLabel>
        <FieldDescription id={ids.keyHelp}>
          Starts with scope3_. Find it in your Scope3 account settings.
        </FieldDescription>
        <div className="flex gap-2">
          <Input
            id={ids.key}
            type={visible ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            className="w-full max-w-md font-mono"
            aria-invalid={keyError ? true : undefined}
            aria-describedby={`${ids.keyHelp} ${ids.keyError}${warning ? ` ${ids.keyWarning}` : ''}`}
            {...form.register('apiKey')}
          />
          <Button variant="secondary" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
            {visible ? 'Hide key' : 'Show key'}
          </Button>
        </div>
        <FieldError id={ids.keyError}>{keyError}</FieldError>
        {warning && !keyError ? (
          <p id={ids.keyWarning} data-slot="field-warning" className="text-sm text-amber-800 dark:text-amber-300">
            <span aria-hidden="true">⚠ </span>
            {warning}
          </p>
        ) : null}
      </Field>
      <Field>
        <div className="flex items-center gap-3">
          <Controller
            control={form.control}
            name="remember"
            render={({ field }) => (
              <Switch
                id={ids.remember}
                checked={field.value}
                onCheckedChange={field.onChange}
                onBlur={field.onBlur}
                aria-describedby={ids.rememberHelp}
              />
            )}
          />
          <FieldLabel htmlFor={ids.remember}>Remember on this device</FieldLabel>
        </div>
        <FieldDescription id={ids.rememberHelp}>
          Off: the key is forgotten when you close this tab. On: it stays in this browser until you remove it.
        </FieldDescription>
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {warning ? 'Save anyway' : 'Save key'}
      </Button>
    </form>
  )
}
