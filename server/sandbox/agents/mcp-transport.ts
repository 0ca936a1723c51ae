import { ADCPMultiAgentClient, CreateMediaBuyRequestSchema, type AgentClient, type TaskResult } from '@adcp/client'
import type { AdcpExchange, AdcpRequest, AdcpResponse, AgentTransport } from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'
import { startAgentServer, type AgentFault, type AgentServer } from './mcp-server.ts'
import { jsonSafe, toWire } from './wire.ts'

/** How long the platform waits for a seller's answer before it gives up and calls the failure transient. */
export const DEFAULT_AGENT_TIMEOUT_MS = 10_000

type Log = Record<string, unknown>

/**
 * The platform's side of AdCP: every call goes through @adcp/client over MCP (Streamable HTTP) to the seller's own
 * server on loopback. The exchange returned is the genuine traffic: the request as validated and sent, the seller's
 * structured answer read from the MCP tool result, and the client library's transport log.
 */
export class McpTransport implements AgentTransport {
  private readonly servers = new Map<string, AgentServer>()
  private readonly timeouts = new Map<string, number>()
  private client: ADCPMultiAgentClient | undefined
  private readonly ready: Promise<void>

  constructor(agents: Map<string, SimulatedAgent>) {
    this.ready = this.start([...agents.values()])
    // A start failure surfaces on the first send; nothing else should see an unhandled rejection.
    this.ready.catch(() => {})
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  setFault(agentId: string, fault: AgentFault, timeoutMs?: number): boolean {
    const server = this.servers.get(agentId)
    if (!server) return false
    server.fault = fault
    if (timeoutMs !== undefined) this.timeouts.set(agentId, timeoutMs)
    else this.timeouts.delete(agentId)
    return true
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {})
    await Promise.all([...this.servers.values()].map((s) => s.close()))
  }

  async send(agentId: string, request: AdcpRequest): Promise<AdcpExchange> {
    await this.ready
    const server = this.servers.get(agentId)
    if (!server || !this.client) throw new Error(`no transport route to sales agent ${agentId}`)
    const wire = toWire(request)
    const timeoutMs = this.timeouts.get(agentId) ?? DEFAULT_AGENT_TIMEOUT_MS
    const logs: Log[] = [
      {
        type: 'info',
        message: `Platform: ${wire.tool} to ${agentId} at ${server.url} over MCP (Streamable HTTP), waiting up to ${timeoutMs} ms`,
        timestamp: new Date().toISOString(),
      },
    ]
    const outcome = await withTimeout(call(this.client.agent(agentId), wire), timeoutMs)
    if (outcome === 'timeout') {
      logs.push({
        type: 'error',
        message: `Platform: no answer from ${agentId} within ${timeoutMs} ms; the call was abandoned`,
        timestamp: new Date().toISOString(),
      })
      return {
        request: wire,
        response: transportFailure(
          'AGENT_TIMEOUT',
          `The sales agent did not answer ${wire.tool} within ${timeoutMs} ms`,
        ),
        debugLogs: logs,
      }
    }
    const clientLogs = (outcome.debug_logs ?? []).map((l: unknown) => jsonSafe(l) as Log)
    logs.push(...clientLogs)
    if (outcome.error?.startsWith('Schema validation failed'))
      return { request: wire, response: invalidAnswer(wire.tool, outcome.error), debugLogs: logs }
    const response = toolResponse(clientLogs)
    if (response) return { request: wire, response, debugLogs: logs }
    return {
      request: wire,
      response: transportFailure(
        'AGENT_UNREACHABLE',
        `The connection to the sales agent failed: ${outcome.error ?? 'no answer'}`,
      ),
      debugLogs: logs,
    }
  }

  private async start(agents: SimulatedAgent[]): Promise<void> {
    for (const agent of agents) this.servers.set(agent.id, await startAgentServer(agent))
    this.client = new ADCPMultiAgentClient(
      [...this.servers.values()].map((s) => ({
        id: s.agentId,
        name: s.agentId,
        agent_uri: s.url,
        protocol: 'mcp' as const,
      })),
      // Strict: a seller answer that does not match the AdCP response schema fails the call, loudly, in the log too.
      { debug: true, validation: { strictSchemaValidation: true, logSchemaViolations: true } },
    )
  }
}

/**
 * The library's generic task call. create_media_buy is first checked against the library's own request schema, strictly
 * at the top level, exactly as its createMediaBuy() does; the typed method itself cannot be used without a cast because
 * the generated types say `optional` where the schema says `nullish`. A request that fails the check is never sent.
 */
function call(agent: AgentClient, wire: AdcpRequest): Promise<TaskResult> {
  if (wire.tool === 'create_media_buy') CreateMediaBuyRequestSchema.strict().parse(wire.arguments)
  return agent.executeTask(wire.tool, wire.arguments)
}

/** The seller's structured AdCP body, from the client's log of the MCP tool result (present even when it failed). */
function toolResponse(logs: Log[]): AdcpResponse | undefined {
  for (const log of logs) {
    const response = log.response
    if (typeof response === 'object' && response !== null && 'structuredContent' in response) {
      const body = response.structuredContent
      if (typeof body === 'object' && body !== null && 'status' in body) return body as AdcpResponse
    }
  }
  return undefined
}

/** The codes of the errors below: the seller may or may not have acted on the call. */
export const TRANSPORT_FAILURE_CODES: readonly string[] = ['AGENT_TIMEOUT', 'AGENT_UNREACHABLE']

/** No AdCP answer arrived, so the platform writes the AdCP-shaped error a seller outage deserves: transient. */
function transportFailure(code: string, message: string): AdcpResponse {
  return {
    status: 'failed',
    message,
    errors: [
      {
        code,
        message,
        recovery: 'transient',
        suggestion: 'Retry the submission; nothing reached the seller or its answer was lost.',
      },
    ],
  }
}

/** The seller answered, but not in AdCP's shape: nothing it said can be trusted, and resending will not help. */
function invalidAnswer(tool: string, error: string): AdcpResponse {
  const message = `The sales agent's ${tool} answer does not match the AdCP schema: ${error}`
  return { status: 'failed', message, errors: [{ code: 'INVALID_SELLER_RESPONSE', message, recovery: 'terminal' }] }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms)
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
