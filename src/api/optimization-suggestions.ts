import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { refreshHistory } from './audit-logs.ts'
import { campaignKeys, pollMaxAgeSeconds } from './campaigns.ts'
import { apiRequest } from './client.ts'
import { isApiError } from './errors.ts'
import { notificationKeys } from './notifications.ts'
import { pollWithBackoff } from './polling.ts'
import {
  SUGGESTION_WAITING,
  SUGGESTIONS_MAX_LIMIT,
  optimizationSuggestionDetailSchema,
  optimizationSuggestionListSchema,
  optimizationSuggestionStatusSchema,
  type OptimizationSuggestionList,
} from './schemas/optimization-suggestion.ts'

// D12: suggestions that wait for the buyer are one list request (Needs you, once a minute); a campaign's suggestions
// are one more on its page. What a suggestion would change (scaling factor, rationale, pacing) is only in its detail,
// asked for when the buyer has it on screen.

export const SUGGESTIONS_POLL_MS = 60_000

export const suggestionKeys = {
  all: ['optimization-suggestions'] as const,
  lists: () => [...suggestionKeys.all, 'list'] as const,
  waiting: () => [...suggestionKeys.lists(), { status: SUGGESTION_WAITING }] as const,
  campaign: (campaignId: string) => [...suggestionKeys.lists(), { campaignId }] as const,
  detail: (suggestionId: string) => [...suggestionKeys.all, 'detail', suggestionId] as const,
}

/** Every suggestion waiting for a person, across campaigns. */
export function waitingSuggestionsQueryOptions() {
  return queryOptions({
    queryKey: suggestionKeys.waiting(),
    queryFn: ({ signal, client, queryKey }) =>
      apiRequest('/optimization-suggestions', {
        query: { status: SUGGESTION_WAITING, limit: SUGGESTIONS_MAX_LIMIT },
        schema: optimizationSuggestionListSchema,
        signal,
        lane: client.getQueryData(queryKey) ? 'background' : 'user',
        label: 'suggestions',
        maxAgeSeconds: client.getQueryData(queryKey) ? pollMaxAgeSeconds(SUGGESTIONS_POLL_MS) : 15,
      }),
    staleTime: SUGGESTIONS_POLL_MS,
    refetchInterval: pollWithBackoff<OptimizationSuggestionList>(SUGGESTIONS_POLL_MS),
  })
}

/**
 * A campaign's suggestions, whatever their status. The spec types the `campaignId` filter as an integer while
 * campaign ids are strings (CONTRACT §12): a platform that refuses the id is asked for the list without it, which
 * is then filtered here.
 */
export function campaignSuggestionsQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: suggestionKeys.campaign(campaignId),
    queryFn: async ({ signal }) => {
      const read = (query: Record<string, string | number>) =>
        apiRequest('/optimization-suggestions', {
          query: { ...query, limit: SUGGESTIONS_MAX_LIMIT },
          schema: optimizationSuggestionListSchema,
          signal,
          label: 'suggestions',
        })
      try {
        return await read({ campaignId })
      } catch (error) {
        if (!isApiError(error) || error.status !== 400) throw error
        const all = await read({})
        const suggestions = all.suggestions.filter((s) => s.campaignId === campaignId)
        return { ...all, suggestions, totalCount: suggestions.length }
      }
    },
    // Read again when the campaign changes or a suggestion notification arrives, not on a clock of its own.
    staleTime: Infinity,
    retry: false,
  })
}

export function suggestionDetailQueryOptions(suggestionId: string) {
  return queryOptions({
    queryKey: suggestionKeys.detail(suggestionId),
    queryFn: ({ signal }) =>
      apiRequest(`/optimization-suggestions/${encodeURIComponent(suggestionId)}`, {
        schema: optimizationSuggestionDetailSchema,
        signal,
        lane: 'screen',
        label: 'suggestion',
      }),
    // A suggestion's content does not change; its status comes with the lists.
    staleTime: Infinity,
  })
}

export type SuggestionDecision = { decision: 'approve' } | { decision: 'reject'; reason?: string }

/**
 * Approve or reject. A 409 means it no longer waits: the caller says so, and the lists are read again either way.
 * `onDone` hears the answer even when the card that asked has left the screen (the list no longer holds it).
 */
export function useDecideSuggestion(
  suggestionId: string,
  campaignId: string,
  onDone: (input: SuggestionDecision, result: { status: string } | null, error: Error | null) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...suggestionKeys.detail(suggestionId), 'decide'],
    mutationFn: (input: SuggestionDecision) =>
      apiRequest(`/optimization-suggestions/${encodeURIComponent(suggestionId)}/${input.decision}`, {
        method: 'POST',
        // Both take a JSON body; only reject has a field (the reason, when given).
        body: input.decision === 'reject' && input.reason ? { reason: input.reason } : {},
        schema: optimizationSuggestionStatusSchema,
      }),
    onSettled: (result, error, input) => {
      onDone(input, result ?? null, error)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: suggestionKeys.all }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId), exact: true }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
        refreshHistory(queryClient, campaignId),
      ])
    },
  })
}
