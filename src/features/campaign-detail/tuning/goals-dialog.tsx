import { useFieldArray, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { Campaign } from '@/api/schemas/campaign'
import { buildGoal, emptyGoalDraft, goalDraftOf, withPriorities } from '@/domain/goals'
import { buildUpdateEntry } from '@/domain/media-buy-update'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { buyWithPending, proposedTerms } from '@/domain/pending-versions'
import { GoalFields } from './goal-fields'
import { goalsFormSchema, type GoalsFormValues } from './goals-schema'
import { PendingBeside } from './pending-beside'
import { TuningDialog, type BuyDialogProps } from './tuning-dialog'
import { TuningForm } from './tuning-form'
import { singleBuySubmit, useTuningSubmit } from './use-tuning-submit'

// A change waiting on the seller: the form starts from the goals it proposes (the live ones are shown beside them).
function valuesFor(campaign: Campaign, buyId: string): GoalsFormValues {
  const found = buyWithPending(campaign.mediaBuys ?? [], buyId)
  const buy = found && proposedTerms(found)
  const goals = [...(buy?.optimizationGoals ?? [])].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99))
  return { goals: goals.flatMap((g) => goalDraftOf(g) ?? []) }
}

const built = (values: GoalsFormValues) => withPriorities(values.goals.map(buildGoal))

export function GoalsDialog({ campaign, buy, onClose, reply }: BuyDialogProps) {
  const form = useForm<GoalsFormValues>({
    resolver: zodResolver(goalsFormSchema),
    defaultValues: valuesFor(campaign, buy.mediaBuyId),
  })
  const goals = useFieldArray({ control: form.control, name: 'goals' })
  const unknownKinds = (proposedTerms(buy).optimizationGoals ?? []).filter(
    (g) => g.kind !== 'event' && g.kind !== 'metric',
  ).length
  const flow = useTuningSubmit({
    campaign,
    form,
    ...singleBuySubmit(buy, valuesFor, onClose, reply),
    build: (values, baseline) => {
      const next = built(values)
      if (JSON.stringify(next) === JSON.stringify(built(valuesFor(baseline, buy.mediaBuyId))) && unknownKinds === 0)
        return buy.pendingChange?.differences?.optimizationGoals
          ? 'Nothing changed: these are the goals already waiting for the seller.'
          : 'Nothing changed: the goals are as they were.'
      const entry = buildUpdateEntry({ mediaBuyId: buy.mediaBuyId, goals: next })
      return entry ? { mediaBuys: [entry] } : 'Nothing changed.'
    },
    fieldFor: (path) => {
      const m = /^mediaBuys\.0\.optimization_goals\.(\d+)\.target/.exec(path)
      return m ? `goals.${Number(m[1])}.targetKind` : undefined
    },
  })
  return (
    <TuningDialog
      open
      onClose={onClose}
      dirty={form.formState.isDirty || Boolean(flow.reply?.text)}
      wide
      title={`Optimization goals: ${buy.name}`}
      description="Applied to every package of this buy. The list replaces the current goals; the first goal has the highest priority."
    >
      <TuningForm flow={flow} label="Optimization goals" confirmLabel="Replace goals">
        <PendingBeside buy={buy} currency={campaign.budget?.currency ?? 'USD'} kinds={['goals']} />
        {unknownKinds > 0 ? (
          <Alert tone="warning">
            This buy has {unknownKinds} goal(s) of a kind this form cannot edit; sending replaces them.
          </Alert>
        ) : null}
        {goals.fields.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No goals: the seller maximizes volume within the budget. Sending an empty list clears every goal.
          </p>
        ) : null}
        <ol className="space-y-3">
          {goals.fields.map((goal, i) => (
            <li key={goal.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <h4 className="mr-auto font-medium">
                  Goal {i + 1} · {goal.kind === 'event' ? 'Event' : 'Metric'} (priority {i + 1})
                </h4>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={i === 0}
                  onClick={() => goals.move(i, i - 1)}
                  aria-label={`Move goal ${i + 1} up`}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={i === goals.fields.length - 1}
                  onClick={() => goals.move(i, i + 1)}
                  aria-label={`Move goal ${i + 1} down`}
                >
                  ↓
                </Button>
                <Button size="sm" variant="ghost" onClick={() => goals.remove(i)}>
                  Remove goal {i + 1}
                </Button>
              </div>
              <GoalFields control={form.control} index={i} />
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => goals.append(emptyGoalDraft('metric'))}>
            Add metric goal
          </Button>
          <Button size="sm" variant="secondary" onClick={() => goals.append(emptyGoalDraft('event'))}>
            Add event goal
          </Button>
          {goals.fields.length > 0 ? (
            <Button size="sm" variant="ghost" onClick={() => goals.remove()}>
              Clear all goals
            </Button>
          ) : null}
        </div>
      </TuningForm>
    </TuningDialog>
  )
}
