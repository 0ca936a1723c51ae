import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { z } from 'zod'
import type { AdcpResponse, SellerTool } from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'
import { SELLER_TOOLS } from './validate.ts'

/**
 * How a seller misbehaves at the transport level (set through POST /sandbox/agents/{id}/fault):
 * - timeout: accepts the tools/call and never answers in time (the socket is closed after `holdMs`);
 * - drop: destroys the connection as soon as the tools/call arrives;
 * - lost_reply: carries the call out, then holds the answer for `holdMs` and closes the socket, so the seller has
 *   acted and the platform never learns of it (the case idempotency keys and reconciliation exist for).
 * The MCP handshake still succeeds in every mode, so the failure is the call itself, as with a real flaky seller.
 */
export type AgentFault =
  { mode: 'none' } | { mode: 'timeout'; holdMs: number } | { mode: 'drop' } | { mode: 'lost_reply'; holdMs: number }

/**
 * The top-level fields each tool declares. @adcp/client (talking to an AdCP v3 agent) drops any field a tool's input
 * schema does not list, so the list must be complete; the values stay unknown here because the seller validates them
 * itself against the AdCP schemas (agents/validate.ts) and answers bad input with AdCP errors, not MCP ones.
 */
const FIELDS: Record<SellerTool, readonly string[]> = {
  get_adcp_capabilities: ['protocols', 'context', 'ext'],
  get_products: [
    'buying_mode',
    'brief',
    'brand',
    'account',
    'filters',
    'refine',
    'property_list',
    'pagination',
    'context',
    'ext',
  ],
  list_creative_formats: ['format_ids', 'type', 'asset_types', 'name_search', 'pagination', 'context', 'ext'],
  create_media_buy: [
    'buyer_ref',
    'buyer_campaign_ref',
    'account',
    'proposal_id',
    'brand',
    'po_number',
    'total_budget',
    'ext',
    'start_time',
    'end_time',
    'packages',
    'push_notification_config',
    'reporting_webhook',
    'context',
  ],
  update_media_buy: [
    'media_buy_id',
    'buyer_ref',
    'idempotency_key',
    'paused',
    'canceled',
    'cancellation_reason',
    'start_time',
    'end_time',
    'packages',
    'creative_ids',
    'optimization_goals',
    'reason',
    'push_notification_config',
    'reporting_webhook',
    'context',
    'ext',
  ],
  get_media_buys: ['media_buy_ids', 'buyer_refs', 'account', 'status_filter', 'pagination', 'context', 'ext'],
  get_media_buy_delivery: [
    'media_buy_ids',
    'buyer_refs',
    'account',
    'status_filter',
    'start_date',
    'end_date',
    'context',
    'ext',
  ],
  sync_creatives: ['account', 'creatives', 'dry_run', 'push_notification_config', 'context', 'ext'],
  list_creatives: ['account', 'filters', 'sort', 'pagination', 'fields', 'include_assignments', 'context', 'ext'],
}
const schemaOf = (tool: SellerTool) =>
  z.looseObject(Object.fromEntries(FIELDS[tool].map((f) => [f, z.unknown().optional()])))

/** What one tool call came to at the seller: an AdCP answer, or a crash the seller could not turn into one. */
export type CallRecord = { tool: string; args: unknown; response: AdcpResponse; crashed: boolean }

export interface AgentServer {
  agentId: string
  url: string
  fault: AgentFault
  /** Sees every tool call the seller answers (tests use it to tell AdCP answers from crashes). */
  observe?: (call: CallRecord) => void
  close(): Promise<void>
}

/**
 * One simulated seller as an AdCP server over MCP (Streamable HTTP, stateless) on a loopback port. A fresh McpServer
 * and transport serve each HTTP request, which is the SDK's recommended stateless pattern.
 */
export async function startAgentServer(agent: SimulatedAgent): Promise<AgentServer> {
  const http: Server = createServer((req, res) => {
    void serve(agent, handle, req, res)
  })
  const handle: AgentServer = { agentId: agent.id, url: '', fault: { mode: 'none' }, close: () => closeServer(http) }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  handle.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`
  return handle
}

async function serve(
  agent: SimulatedAgent,
  handle: AgentServer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJson(req)
  // Faults hit the AdCP task tools only; the capabilities probe the client makes first still answers.
  const call = toolCall(body)
  if (call && handle.fault.mode !== 'none') {
    if (handle.fault.mode === 'drop') {
      req.socket.destroy()
      return
    }
    if (handle.fault.mode === 'lost_reply') {
      const record = answerSafely(agent, call.tool, call.args)
      handle.observe?.(record)
    }
    const timer = setTimeout(() => req.socket.destroy(), handle.fault.holdMs)
    timer.unref()
    return
  }
  const server = new McpServer({ name: `sandbox-${agent.id}`, version: '1.0.0' })
  for (const tool of SELLER_TOOLS)
    server.registerTool(tool, { description: `AdCP ${tool}`, inputSchema: schemaOf(tool) }, (args) => {
      const record = answerSafely(agent, tool, args)
      handle.observe?.(record)
      return toToolResult(record.response)
    })
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
  res.on('close', () => {
    void transport.close()
    void server.close()
  })
  await server.connect(transport)
  await transport.handleRequest(req, res, body)
}

/** A crash is a seller bug; the buyer still gets an AdCP error it can retry, and the observer sees the crash. */
function answerSafely(agent: SimulatedAgent, tool: string, args: unknown): CallRecord {
  try {
    return { tool, args, response: agent.handle(tool, args), crashed: false }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      tool,
      args,
      crashed: true,
      response: {
        status: 'failed',
        errors: [
          {
            code: 'INTERNAL_ERROR',
            message: `${agent.profile.name} could not process ${tool}: ${message}`,
            recovery: 'transient',
          },
        ],
      },
    }
  }
}

/** AdCP over MCP: the task body is the structured content; failures also set isError so generic MCP clients notice. */
function toToolResult(response: AdcpResponse) {
  const failed = response.status === 'failed' || response.status === 'rejected'
  return {
    isError: failed,
    structuredContent: { ...response },
    content: [{ type: 'text' as const, text: JSON.stringify(response) }],
  }
}

/** The seller tool and arguments inside a tools/call frame, for the faults that act on it without answering. */
function toolCall(body: unknown): { tool: SellerTool; args: unknown } | undefined {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('method' in body) ||
    body.method !== 'tools/call' ||
    !('params' in body)
  )
    return undefined
  const params = body.params
  if (typeof params !== 'object' || params === null || !('name' in params)) return undefined
  // The capabilities probe is not a task: it answers whatever the fault, as the handshake does.
  const tool = SELLER_TOOLS.find((t) => t === params.name && t !== 'get_adcp_capabilities')
  return tool ? { tool, args: 'arguments' in params ? params.arguments : undefined } : undefined
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    return undefined
  }
}

function closeServer(http: Server): Promise<void> {
  return new Promise((resolve) => {
    http.closeAllConnections()
    http.close(() => resolve())
  })
}
