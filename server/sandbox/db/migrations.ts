import type Database from 'better-sqlite3'

// Each entry is applied once, in order, inside one transaction; PRAGMA user_version records how far a file has come,
// so an existing sandbox.sqlite is upgraded in place instead of being thrown away.
const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE advertisers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, sandbox INTEGER NOT NULL,
    primary_currency TEXT NOT NULL, brand TEXT, credit_limit REAL, credit_used REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

  CREATE TABLE sales_agents (id TEXT PRIMARY KEY, name TEXT NOT NULL, character TEXT NOT NULL, agent_url TEXT NOT NULL);

  CREATE TABLE products (
    id TEXT PRIMARY KEY, sales_agent_id TEXT NOT NULL REFERENCES sales_agents(id), publisher_name TEXT NOT NULL,
    product_name TEXT NOT NULL, format_kinds TEXT NOT NULL, pricing_option_id TEXT NOT NULL, cpm REAL NOT NULL,
    ctr REAL NOT NULL, channel TEXT NOT NULL);

  CREATE TABLE campaigns (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, advertiser_id TEXT NOT NULL REFERENCES advertisers(id),
    name TEXT NOT NULL, status TEXT NOT NULL, mode TEXT NOT NULL, management TEXT NOT NULL DEFAULT 'managed',
    revision INTEGER NOT NULL DEFAULT 1, brief TEXT, flight_start TEXT NOT NULL, flight_end TEXT NOT NULL,
    budget_total REAL NOT NULL, currency TEXT NOT NULL, daily_cap REAL, budget_pacing TEXT,
    constraints_json TEXT, frequency_caps_json TEXT, performance_config_json TEXT, pacing_periods_json TEXT,
    optimization_apply_mode TEXT NOT NULL DEFAULT 'MANUAL', discovery_id TEXT,
    -- Bumped by every delivery report: with revision it keys the campaign-page cache (delivery is not a revision).
    delivery_seq INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  -- The list orders by recency within a status set; advertiser pages filter first.
  CREATE INDEX campaigns_status_seq ON campaigns(status, seq DESC);
  CREATE INDEX campaigns_advertiser ON campaigns(advertiser_id, status, seq DESC);

  CREATE TABLE campaign_products (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id), product_id TEXT NOT NULL REFERENCES products(id),
    budget REAL, pacing TEXT, position INTEGER NOT NULL, PRIMARY KEY (campaign_id, product_id));

  CREATE TABLE media_buys (
    id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    sales_agent_id TEXT NOT NULL REFERENCES sales_agents(id), name TEXT NOT NULL, status TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL,
    pending_at TEXT, pending_reason TEXT, pending_since TEXT, error_code TEXT, error_owner TEXT, source_message TEXT,
    forwarded_at TEXT, buyer_reference TEXT, adcp_media_buy_id TEXT, adcp_status TEXT,
    previous_status TEXT, previous_adcp_status TEXT, start_time TEXT, end_time TEXT,
    optimization_goals_json TEXT, creative_ids_json TEXT, pacing_periods_json TEXT,
    pending_change_json TEXT, pending_change_status TEXT, buyer_reply TEXT,
    -- Per-buy totals of the metrics packages do not show, kept here so the campaign page needs no aggregate pass.
    views INTEGER NOT NULL DEFAULT 0, completed_views INTEGER NOT NULL DEFAULT 0, conversions INTEGER NOT NULL DEFAULT 0,
    leads INTEGER NOT NULL DEFAULT 0, last_delivery_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX media_buys_campaign ON media_buys(campaign_id, position);
  -- mediaBuyStatus= filters probe these two, never a scan of media_buys.
  CREATE INDEX media_buys_status ON media_buys(status, campaign_id);
  CREATE INDEX media_buys_pending_status ON media_buys(pending_change_status, campaign_id);
  CREATE INDEX media_buys_adcp ON media_buys(adcp_media_buy_id);

  CREATE TABLE media_buy_products (
    media_buy_id TEXT NOT NULL REFERENCES media_buys(id), product_id TEXT NOT NULL REFERENCES products(id),
    budget REAL, pacing TEXT, bid_price REAL, pricing_option_id TEXT, position INTEGER NOT NULL,
    PRIMARY KEY (media_buy_id, product_id));

  CREATE TABLE packages (
    id TEXT PRIMARY KEY, media_buy_id TEXT NOT NULL REFERENCES media_buys(id), campaign_id TEXT NOT NULL,
    product_id TEXT NOT NULL, status TEXT NOT NULL, budget REAL, pacing TEXT, bid_price REAL,
    start_time TEXT, end_time TEXT, period_index INTEGER, period_label TEXT, targeting_json TEXT,
    position INTEGER NOT NULL, impressions INTEGER NOT NULL DEFAULT 0, spend REAL NOT NULL DEFAULT 0,
    clicks INTEGER NOT NULL DEFAULT 0, views INTEGER NOT NULL DEFAULT 0, completed_views INTEGER NOT NULL DEFAULT 0,
    conversions INTEGER NOT NULL DEFAULT 0, leads INTEGER NOT NULL DEFAULT 0, last_delivery_at TEXT);
  CREATE INDEX packages_buy ON packages(media_buy_id, position);
  -- The campaign page reads all its packages in tree order straight off this index (no sort step).
  CREATE INDEX packages_campaign ON packages(campaign_id, media_buy_id, position);

  CREATE TABLE creatives (
    id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns(id), name TEXT NOT NULL,
    format_kind TEXT NOT NULL, format_id TEXT NOT NULL, width INTEGER, height INTEGER, duration_ms INTEGER,
    preview_url TEXT, asset_count INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX creatives_campaign ON creatives(campaign_id, created_at);

  CREATE TABLE delivery_daily (
    package_id TEXT NOT NULL, date TEXT NOT NULL, media_buy_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
    impressions INTEGER NOT NULL, spend REAL NOT NULL, clicks INTEGER NOT NULL, views INTEGER NOT NULL,
    completed_views INTEGER NOT NULL, conversions INTEGER NOT NULL, leads INTEGER NOT NULL,
    conversion_value REAL NOT NULL, PRIMARY KEY (package_id, date));
  CREATE INDEX delivery_campaign_date ON delivery_daily(campaign_id, date);

  -- The platform's record of every AdCP task it started, so a webhook's task_id leads back to its buy.
  CREATE TABLE agent_tasks (
    task_id TEXT PRIMARY KEY, sales_agent_id TEXT NOT NULL, media_buy_id TEXT NOT NULL, task_type TEXT NOT NULL,
    status TEXT NOT NULL, request_json TEXT NOT NULL, response_json TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX agent_tasks_buy ON agent_tasks(media_buy_id);

  -- The sellers' side: each simulated agent keeps its own copy of an order, as a real sales agent would.
  CREATE TABLE agent_orders (
    adcp_media_buy_id TEXT PRIMARY KEY, sales_agent_id TEXT NOT NULL, buyer_ref TEXT NOT NULL, status TEXT NOT NULL,
    state_json TEXT NOT NULL, next_action_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX agent_orders_agent ON agent_orders(sales_agent_id, status);
  CREATE INDEX agent_orders_buyer_ref ON agent_orders(buyer_ref);

  CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL, task_id TEXT, task_type TEXT, status TEXT,
    media_buy_id TEXT, payload_json TEXT NOT NULL, applied INTEGER NOT NULL, error TEXT);
  CREATE INDEX webhook_events_buy ON webhook_events(media_buy_id, id);
  `,
  `
  -- Each seller's creative library (sync_creatives / list_creatives): what it holds and how its review went.
  CREATE TABLE agent_creatives (
    sales_agent_id TEXT NOT NULL, creative_id TEXT NOT NULL, account_key TEXT NOT NULL, name TEXT NOT NULL,
    format_id TEXT NOT NULL, status TEXT NOT NULL, rejection_reason TEXT, creative_json TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (sales_agent_id, creative_id));

  -- The platform's copy of each seller's verdict on a creative it synced there.
  CREATE TABLE creative_reviews (
    creative_id TEXT NOT NULL, sales_agent_id TEXT NOT NULL, source_id TEXT, status TEXT NOT NULL,
    rejection_reason TEXT, reviewed_at TEXT NOT NULL, PRIMARY KEY (creative_id, sales_agent_id));
  `,
  `
  -- Each create_media_buy the platform means to send, committed before the call: after a crash the platform knows which
  -- sellers may hold an order it never heard about. The key stays the same for every attempt of one submission.
  CREATE TABLE order_dispatches (
    buy_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, sales_agent_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
    submission INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, request_json TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX order_dispatches_state ON order_dispatches(state, campaign_id);

  -- One execute per campaign at a time, across requests and processes sharing the file.
  CREATE TABLE execute_claims (campaign_id TEXT PRIMARY KEY, owner TEXT NOT NULL, claimed_at TEXT NOT NULL);

  -- Changes sellers must hear about, written in the transaction that accepted them and delivered in seq order per buy.
  CREATE TABLE seller_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, buy_id TEXT NOT NULL, sales_agent_id TEXT NOT NULL, seq INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE, request_json TEXT NOT NULL, proposes INTEGER NOT NULL, state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_attempt_ms INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    created_at TEXT NOT NULL, delivered_at TEXT, UNIQUE (buy_id, seq));
  CREATE INDEX seller_outbox_queued ON seller_outbox(state, buy_id, seq);

  -- The sellers' side: every idempotency key a seller has honoured and the order it belongs to.
  CREATE TABLE agent_idempotency (
    sales_agent_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, tool TEXT NOT NULL, adcp_media_buy_id TEXT NOT NULL,
    response_json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sales_agent_id, idempotency_key));
  CREATE INDEX agent_idempotency_order ON agent_idempotency(adcp_media_buy_id);
  `,
  `
  -- The buyer's change history (GET /audit-logs): one row per mutation accepted, written in its transaction, and one per
  -- mutation refused. campaign_id scopes a row to a campaign and all of its activity.
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp TEXT NOT NULL, action TEXT NOT NULL, resource_type TEXT NOT NULL,
    resource_id TEXT, resource_name TEXT, parent_type TEXT, campaign_id TEXT, advertiser_id INTEGER,
    user_id INTEGER, user_email TEXT, user_name TEXT, service_token_id INTEGER, service_token_name TEXT,
    actor_origin TEXT NOT NULL, outcome TEXT NOT NULL, parameters_json TEXT, changes_json TEXT, description TEXT NOT NULL);
  CREATE INDEX audit_log_campaign ON audit_log(campaign_id, id DESC);
  CREATE INDEX audit_log_resource ON audit_log(resource_id, id DESC);

  -- Notifications the sandbox's own events raise (GET /notifications); dedupe_key keeps a repeated event to one row.
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, campaign_id TEXT,
    media_buy_id TEXT, creative_id TEXT, message TEXT, action_url TEXT, read INTEGER NOT NULL DEFAULT 0,
    acknowledged INTEGER NOT NULL DEFAULT 0, dedupe_key TEXT UNIQUE, created_at TEXT NOT NULL);
  CREATE INDEX notifications_seq ON notifications(seq DESC);

  -- The optimizer's suggestions (/optimization-suggestions), one open (HIL_WAITING) per buy at most.
  CREATE TABLE optimization_suggestions (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, optimizer_run_id TEXT NOT NULL, campaign_id TEXT NOT NULL,
    media_buy_id TEXT NOT NULL, optimization_metric TEXT, scaling_factor REAL, scaling_rationale TEXT,
    pacing_json TEXT, status TEXT NOT NULL, status_reason TEXT, status_error TEXT, expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL, status_updated_at TEXT NOT NULL);
  CREATE INDEX optimization_suggestions_buy ON optimization_suggestions(media_buy_id, status);
  CREATE INDEX optimization_suggestions_status ON optimization_suggestions(status, expires_at);

  -- Each D6 pending change as an update proposal (GET /update-proposals/{id}), kept after it resolves.
  CREATE TABLE update_proposals (
    id TEXT PRIMARY KEY, media_buy_id TEXT NOT NULL, status TEXT NOT NULL, rejection_reason TEXT, resolved_at TEXT,
    created_at TEXT NOT NULL);
  CREATE INDEX update_proposals_buy ON update_proposals(media_buy_id, status);
  `,
  `
  -- The buyer's edits of a manifest beyond its name: the brief text and the click-through URL.
  ALTER TABLE creatives ADD COLUMN message TEXT;
  ALTER TABLE creatives ADD COLUMN click_url TEXT;

  -- A seller reviews a new version of a creative it already holds on its own clock; the verdict goes to push_json.
  ALTER TABLE agent_creatives ADD COLUMN review_due_at TEXT;
  ALTER TABLE agent_creatives ADD COLUMN push_json TEXT;

  -- Advertiser property lists (include or exclude). Packages carry them in targeting_json.property_list.list_id.
  CREATE TABLE property_lists (
    id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), name TEXT NOT NULL,
    purpose TEXT NOT NULL, property_count INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX property_lists_advertiser ON property_lists(advertiser_id);
  `,
]

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
