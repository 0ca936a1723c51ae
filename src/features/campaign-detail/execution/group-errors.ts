import type { ExecutionError } from '@/api/schemas/execute'

export type Recovery = 'transient' | 'correctable' | 'terminal' | 'unknown'

export interface ErrorGroup {
  salesAgentId: string
  recovery: Recovery
  /** The first AdCP error code, when the response says it; the grouping key within an agent and recovery kind. */
  code: string | undefined
  errors: ExecutionError[]
}

const ORDER: Recovery[] = ['terminal', 'correctable', 'transient', 'unknown']

/** The AdCP error of the agent's response (debug only), else the "CODE: message" prefix the platform writes. */
export function adcpErrorOf(error: ExecutionError): { code?: string; recovery: Recovery } {
  const response = error.debug?.response
  const first = isRecord(response) && Array.isArray(response.errors) ? response.errors.find(isRecord) : undefined
  const recovery = first?.recovery
  const code = typeof first?.code === 'string' ? first.code : /^([A-Z][A-Z0-9_]{2,}):\s/.exec(error.message)?.[1]
  return {
    code,
    recovery: recovery === 'transient' || recovery === 'correctable' || recovery === 'terminal' ? recovery : 'unknown',
  }
}

/** Groups failures by sales agent, then by recovery kind and code: "3 buys failed at one seller for the same reason". */
export function groupErrors(errors: ExecutionError[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>()
  for (const error of errors) {
    const { code, recovery } = adcpErrorOf(error)
    const key = JSON.stringify([error.salesAgentId, recovery, code ?? ''])
    const group = groups.get(key) ?? { salesAgentId: error.salesAgentId, recovery, code, errors: [] }
    group.errors.push(error)
    groups.set(key, group)
  }
  return [...groups.values()].sort(
    (a, b) => a.salesAgentId.localeCompare(b.salesAgentId) || ORDER.indexOf(a.recovery) - ORDER.indexOf(b.recovery),
  )
}

export const RECOVERY_TEXT: Record<Recovery, string> = {
  transient: 'Temporary: retrying should work',
  correctable: 'Needs a change to the buy before retrying',
  terminal: 'Will not succeed as is',
  unknown: 'Kind not stated by the seller',
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
