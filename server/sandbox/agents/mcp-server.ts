import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { z } from 'zod'
import type { AdcpRequest, AdcpResponse } from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'

/**
 * How a seller misbehaves at the transport level (set through POST /sandbox/agents/{id}/fault):
 * - timeout: accepts the tools/call and never answers in time (the socket is closed after `holdMs`);
 * - drop: destroys the connection as soon as the tools/call arrives;
 * - lost_reply: carries the call out, then holds the answer for `holdMs` and closes the socket, so the seller has
 *   acted and the platform never learns of it (the case idempotency keys and reconciliation exist for).
 * The MCP handshake still succeeds in every mode, so the failure is the call itself, as with a real flaky seller.
 */
export type AgentFault = { mode: 'none' } | { mode: 'timeout'; holdMs: number } | { mode: 'drop' } | { mode: 'lost_reply'; holdMs: number }

/**
 * The top-level fields each tool declares. @adcp/client (talking to an AdCP v3 agent) drops any field a tool's input
 * schema does not list, so the list must be complete; the objects stay loose so extensions pass, as AdCP asks.
 */
const FIELDS = {
  create_media_buy: ['buyer_ref', 'account', 'brand', 'po_number', 'total_budget', 'ext', 'start_time', 'end_time', 'packages', 'push_notification_config', 'context'],
  update_media_buy: ['media_buy_id', 'buyer_ref', 'idempotency_key', 'paused', 'canceled', 'cancellation_reason', 'start_time', 'end_time', 'packages', 'creative_ids', 'optimization_goals', 'reason', 'push_notification_config', 'context', 'ext'],
  get_media_buys: ['media_buy_ids', 'buyer_refs', 'context', 'ext'],
  get_media_buy_delivery: ['media_buy_ids', 'context', 'ext'],
} as const
type Tool = keyof typeof FIELDS
const TOOLS = Object.keys(FIELDS) as Tool[]
const schemaOf = (tool: Tool) => z.looseObject(Object.fromEntries(FIELDS[tool].map((f) => [f, z.unknown().optional()])))

/** What the client asks first to learn the protocol version; v3 makes it send account, brand and total_budget as is. */
const CAPABILITIES = {
  adcp: { major_versions: [3] },
  supported_protocols: ['media_buy'],
  media_buy: { features: { inline_creative_management: false, property_list_filtering: false, content_standards: false, conversion_tracking: false, audience_management: false } },
}

export interface AgentServer {
  agentId: string
  url: string
  fault: AgentFault
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

async function serve(agent: SimulatedAgent, handle: AgentServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req)
  // Faults hit the AdCP task tools only; the capabilities probe the client makes first still answers.
  const call = toolCall(body)
  if (call && handle.fault.mode !== 'none') {
    if (handle.fault.mode === 'drop') {
      req.socket.destroy()
      return
    }
    if (handle.fault.mode === 'lost_reply') agent.handle(call)
    const timer = setTimeout(() => req.socket.destroy(), handle.fault.holdMs)
    timer.unref()
    return
  }
  const server = new McpServer({ name: `sandbox-${agent.id}`, version: '1.0.0' })
  server.registerTool('get_adcp_capabilities', { description: 'AdCP get_adcp_capabilities', inputSchema: z.looseObject({}) }, () => ({
    structuredContent: CAPABILITIES, content: [{ type: 'text' as const, text: JSON.stringify(CAPABILITIES) }],
  }))
  for (const tool of TOOLS)
    server.registerTool(tool, { description: `AdCP ${tool}`, inputSchema: schemaOf(tool) }, (args) => {
      // The platform only ever sends these four tools, with the arguments typed by AdcpRequest.
      const response = agent.handle({ tool, arguments: args } as AdcpRequest)
      return toToolResult(response)
    })
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
  res.on('close', () => {
    void transport.close()
    void server.close()
  })
  await server.connect(transport)
  await transport.handleRequest(req, res, body)
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

/** The AdCP request inside a tools/call frame, for the faults that act on it without answering. */
function toolCall(body: unknown): AdcpRequest | undefined {
  if (typeof body !== 'object' || body === null || !('method' in body) || body.method !== 'tools/call' || !('params' in body)) return undefined
  const params = body.params
  if (typeof params !== 'object' || params === null || !('name' in params) || !('arguments' in params)) return undefined
  const tool = TOOLS.find((t) => t === params.name)
  // The platform only ever sends these tools, with the arguments typed by AdcpRequest.
  return tool ? ({ tool, arguments: params.arguments } as AdcpRequest) : undefined
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
