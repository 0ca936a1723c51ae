import type { Db } from './db/open.ts'
import type { Clock } from './clock.ts'
import type { SwitchableIds } from './ids.ts'
import type { Store } from './repo/store.ts'
import type { AgentTransport } from './agents/adcp.ts'
import type { InProcessTransport } from './agents/transport.ts'
import type { SimulatedAgent } from './agents/simulated-agent.ts'

/** Everything a service needs; one per open sandbox. */
export interface Ctx {
  db: Db
  store: Store
  clock: Clock
  ids: SwitchableIds
  agents: Map<string, SimulatedAgent>
  /** What routes use to reach sellers; swappable for a real MCP transport. */
  transport: AgentTransport
  /** The synchronous path the seed and the clock use, so history replays inside one transaction. */
  local: InProcessTransport
  /** Where sellers push AdCP webhooks (the control app's /webhooks/adcp). */
  webhookUrl: string
  webhookToken: string
}
