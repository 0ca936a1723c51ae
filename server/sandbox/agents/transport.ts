import type { Clock } from '../clock.ts'
import type { AdcpExchange, AdcpRequest, AgentTransport } from './adcp.ts'
import type { SimulatedAgent } from './simulated-agent.ts'
import { toWire } from './wire.ts'

/**
 * Calls the simulated agents in-process but frames every call as the MCP JSON-RPC messages a loopback MCP transport
 * would carry, so the debug logs show real protocol traffic. sendNow exists for the seed, which replays weeks of
 * history inside one synchronous transaction.
 */
export class InProcessTransport implements AgentTransport {
  private readonly agents: Map<string, SimulatedAgent>
  private readonly clock: Clock
  private rpcId = 0

  constructor(agents: Map<string, SimulatedAgent>, clock: Clock) {
    this.agents = agents
    this.clock = clock
  }

  send(agentId: string, request: AdcpRequest): Promise<AdcpExchange> {
    try {
      return Promise.resolve(this.sendNow(agentId, request))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  sendNow(agentId: string, request: AdcpRequest): AdcpExchange {
    const agent = this.agents.get(agentId)
    if (!agent) throw new Error(`no transport route to sales agent ${agentId}`)
    const id = ++this.rpcId
    const outbound = {
      direction: 'outbound',
      timestamp: this.clock.nowIso(),
      transport: 'mcp',
      agentId,
      message: {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: request.tool, arguments: request.arguments },
      },
    }
    // The same request the MCP transport would put on the wire, so both transports meet the same validation.
    const response = agent.handle(request.tool, toWire(request).arguments)
    const failed = response.status === 'failed' || response.status === 'rejected'
    const inbound = {
      direction: 'inbound',
      timestamp: this.clock.nowIso(),
      transport: 'mcp',
      agentId,
      message: {
        jsonrpc: '2.0',
        id,
        result: {
          isError: failed,
          structuredContent: response,
          content: [{ type: 'text', text: JSON.stringify(response) }],
        },
      },
    }
    return { request, response, debugLogs: [outbound, inbound] }
  }
}
