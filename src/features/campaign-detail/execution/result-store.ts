import type { CampaignStatusChangeResponse } from '@/api/schemas/execute'
import { maskSecrets } from '@/components/json-tree/mask'
import { createChangeSource, useExternal } from '@/lib/external-store'

export interface StoredResult {
  result: CampaignStatusChangeResponse
  at: string
  debug: boolean
}

const PREFIX = 'execute-result:'
// In memory first: a result with megabytes of logs may not fit sessionStorage, but it must survive navigation.
const memory = new Map<string, StoredResult | null>()
const changes = createChangeSource()

function read(campaignId: string): StoredResult | null {
  if (memory.has(campaignId)) return memory.get(campaignId) ?? null
  let stored: StoredResult | null = null
  try {
    const raw = window.sessionStorage.getItem(PREFIX + campaignId)
    stored = raw ? (JSON.parse(raw) as StoredResult) : null
  } catch {
    stored = null
  }
  memory.set(campaignId, stored)
  return stored
}

/** Keeps the last execute result per campaign (masked: secrets are never stored) until the buyer dismisses it. */
export function saveResult(campaignId: string, result: CampaignStatusChangeResponse, debug: boolean): void {
  const entry: StoredResult = {
    result: maskSecrets(result) as CampaignStatusChangeResponse,
    at: new Date().toISOString(),
    debug,
  }
  memory.set(campaignId, entry)
  try {
    window.sessionStorage.setItem(PREFIX + campaignId, JSON.stringify(entry))
  } catch {
    // Over quota: the in-memory copy still covers navigation within the tab.
    window.sessionStorage.removeItem(PREFIX + campaignId)
  }
  changes.notify()
}

export function dismissResult(campaignId: string): void {
  memory.set(campaignId, null)
  window.sessionStorage.removeItem(PREFIX + campaignId)
  changes.notify()
}

export function useLastResult(campaignId: string): StoredResult | null {
  return useExternal(changes, () => read(campaignId))
}

/** Tests start from a clean slate. */
export function resetResultStore(): void {
  memory.clear()
}
