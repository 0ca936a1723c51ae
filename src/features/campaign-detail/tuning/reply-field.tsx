import { Field, FieldDescription, FieldLabel } from '@/components/ui/field'
import { Textarea } from '@/components/ui/textarea'

/** The buyer's words to the seller (D5), sent as `updated_reason` with the change. */
export function ReplyField({ reply }: { reply: { text: string; set: (text: string) => void } }) {
  return (
    <Field>
      <FieldLabel htmlFor="seller-reply">Your reply to the seller</FieldLabel>
      <Textarea
        id="seller-reply"
        aria-describedby="seller-reply-hint"
        maxLength={1000}
        value={reply.text}
        onChange={(e) => reply.set(e.target.value)}
      />
      <FieldDescription id="seller-reply-hint">Sent with the change as the buy’s updated reason.</FieldDescription>
    </Field>
  )
}
