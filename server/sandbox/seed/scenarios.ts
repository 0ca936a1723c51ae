import type { UpdateCampaignBody } from '../../../src/api/schemas/update.ts'
import type { CreativeKey } from './creatives.ts'

/** Lets a scripted PUT find the ids the replay created (buys per sales agent, their packages, creatives). */
export interface ScenarioLookup {
  buyOf(agentId: string): string
  packagesOf(agentId: string): { id: string; budget: number }[]
  creatives(): { id: string; kind: string }[]
  /** The campaign's flight end, shifted by whole days. */
  flightEnd(shiftDays: number): string
}

export type Step =
  | { at: number; op: 'reconcile' | 'execute' | 'pause' | 'reactivate' | 'archive' }
  | { at: number; op: 'put'; body: (find: ScenarioLookup) => UpdateCampaignBody }
  /** The buyer approves the optimizer's suggestion for one of the campaign's buys (asked for then if none waits). */
  | { at: number; op: 'approve-suggestion' }

export interface Scenario {
  /** Campaign id is cmp_1000000NN, stable across resets. */
  n: number
  name: string
  advertiser: string
  brief: string
  mode?: 'discovery' | 'performance'
  /** Days relative to "now" at seeding time (negative = past). */
  created: number
  flight: [number, number]
  budget: number
  products: [string, number][]
  paced?: boolean
  creatives: CreativeKey[]
  steps: Step[]
}

const NORTHSTAR = '10421'
const LUMEN = '10422'
const ATELIER = '10423'
const BRIGHTWATER = '10424'
const KETTLE = '10425'
const VERDANT = '10426'
export const OLD_HARBOR = '10427'

export const campaignIdOf = (n: number) => `cmp_1000000${String(n).padStart(2, '0')}`

/**
 * About thirty campaigns replayed through the real services and the simulated sellers, so every status is reached
 * the way it would be in production and delivery history accrues day by day.
 */
export const SCENARIOS: Scenario[] = [
  {
    n: 1,
    name: 'Summer Trail Gear — Always On',
    advertiser: NORTHSTAR,
    brief: 'Year-round awareness for the trail range across news, native and retail media.',
    created: -32,
    flight: [-30, 30],
    budget: 60_000,
    paced: true,
    products: [
      ['prod_nw_news_display', 20_000],
      ['prod_nw_native', 15_000],
      ['prod_pn_sponsored', 20_000],
    ],
    creatives: ['mrec', 'billboard', 'native', 'sponsored'],
    steps: [{ at: -30, op: 'execute' }],
  },
  {
    n: 2,
    name: 'Trailhead Video Launch',
    advertiser: NORTHSTAR,
    brief: 'Launch film for the Trailhead jacket on premium pre-roll.',
    created: -5,
    flight: [-3, 25],
    budget: 45_000,
    products: [
      ['prod_mp_preroll', 30_000],
      ['prod_nw_ros', 10_000],
    ],
    creatives: ['video15', 'mrec'],
    steps: [
      { at: -3, op: 'execute' },
      // D6: raising the budget of a live buy at a slow seller waits as a pending version.
      {
        at: -0.4,
        op: 'put',
        body: (f) => ({
          budget: { total: 45_000 },
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_meridian'),
              packages: [{ packageId: f.packagesOf('sa_meridian')[0].id, budget: 34_000 }],
              updated_reason: 'Strong early view-through; adding weight for the launch week',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 3,
    name: 'Fall Catalog Retargeting',
    advertiser: NORTHSTAR,
    brief: 'Retarget catalog browsers ahead of the fall drop.',
    created: -2,
    flight: [5, 40],
    budget: 24_000,
    products: [
      ['prod_nw_news_display', 12_000],
      ['prod_pn_offsite', 12_000],
    ],
    creatives: ['mrec', 'billboard'],
    steps: [],
  },
  {
    n: 4,
    name: 'Holiday Gift Guide',
    advertiser: NORTHSTAR,
    brief: 'Gift guide across display, premium pre-roll, social stories and audio for the holidays.',
    created: -1,
    flight: [20, 60],
    budget: 30_000,
    // Executing it partly fails: Meridian refuses a package below its 1,000 minimum (correctable), Cobalt fails the
    // first submission (transient), Northwind books at once, and Summit takes the order, then declines it in review
    // (under its 5,000 minimum).
    products: [
      ['prod_nw_news_display', 14_000],
      ['prod_mp_preroll', 600],
      ['prod_cb_stories', 5_000],
      ['prod_sm_streaming', 3_000],
    ],
    creatives: ['mrec', 'video15', 'audio30'],
    steps: [{ at: -0.9, op: 'reconcile' }],
  },
  {
    n: 5,
    name: 'Lumen Wellness Awareness CTV',
    advertiser: LUMEN,
    brief: 'Wellness programme awareness on live sports CTV.',
    created: -3,
    flight: [-2, 28],
    budget: 22_000,
    products: [
      ['prod_hb_ctv_sports', 12_000],
      ['prod_nw_native', 8_000],
    ],
    creatives: ['video30', 'native'],
    steps: [{ at: -2, op: 'execute' }],
  },
  {
    n: 6,
    name: 'Lumen Flu Season Reminder',
    advertiser: LUMEN,
    brief: 'Flu shot reminders on news display and podcasts.',
    created: -7,
    flight: [-6, 24],
    budget: 10_000,
    products: [
      ['prod_sm_podcast', 3_000],
      ['prod_nw_news_display', 6_000],
    ],
    creatives: ['audio30', 'mrec'],
    steps: [{ at: -6, op: 'execute' }],
  },
  {
    n: 7,
    name: 'Lumen Clinic Finder Social',
    advertiser: LUMEN,
    brief: 'Clinic finder promotion in social feeds and retail media.',
    created: -2,
    flight: [-1, 29],
    budget: 17_000,
    products: [
      ['prod_cb_feed', 9_000],
      ['prod_pn_sponsored', 7_000],
    ],
    creatives: ['carousel', 'sponsored', 'mrec'],
    steps: [{ at: -1, op: 'execute' }],
  },
  {
    n: 8,
    name: 'Atelier Printemps Collection',
    advertiser: ATELIER,
    brief: 'Spring collection on premium finance and lifestyle placements.',
    created: -2,
    flight: [-1, 40],
    budget: 38_000,
    products: [
      ['prod_mp_finance', 25_000],
      ['prod_nw_native', 10_000],
    ],
    creatives: ['billboard', 'native', 'mrec'],
    steps: [{ at: -1, op: 'execute' }],
  },
  {
    n: 9,
    name: 'Atelier Maison Podcast',
    advertiser: ATELIER,
    brief: 'Host-read and streaming audio for the Maison line.',
    created: -11,
    flight: [-10, 20],
    budget: 22_000,
    products: [
      ['prod_sm_podcast', 12_000],
      ['prod_sm_streaming', 8_000],
    ],
    creatives: ['audio30'],
    steps: [{ at: -10, op: 'execute' }],
  },
  {
    n: 10,
    name: "Atelier Soldes d'Hiver",
    advertiser: ATELIER,
    brief: 'Winter sale, finished.',
    created: -47,
    flight: [-45, -5],
    budget: 26_000,
    products: [
      ['prod_nw_news_display', 12_000],
      ['prod_pn_offsite', 12_000],
    ],
    creatives: ['mrec', 'billboard'],
    steps: [{ at: -45, op: 'execute' }],
  },
  {
    n: 11,
    name: 'Brightwater Savings ISA Push',
    advertiser: BRIGHTWATER,
    brief: 'ISA season push on news and finance inventory.',
    created: -21,
    flight: [-20, 25],
    budget: 40_000,
    products: [
      ['prod_nw_news_display', 15_000],
      ['prod_mp_finance', 20_000],
    ],
    creatives: ['mrec', 'billboard'],
    steps: [
      { at: -20, op: 'execute' },
      { at: -3, op: 'pause' },
    ],
  },
  {
    n: 12,
    name: 'Brightwater Mortgage Rates',
    advertiser: BRIGHTWATER,
    brief: 'Rate-led mortgage ads.',
    created: -25,
    flight: [-24, 6],
    budget: 30_000,
    products: [
      ['prod_nw_news_display', 12_000],
      ['prod_mp_finance', 15_000],
    ],
    creatives: ['mrec', 'billboard'],
    steps: [
      { at: -24, op: 'execute' },
      { at: -20, op: 'approve-suggestion' },
      {
        at: -8,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_meridian'),
              action: 'cancel',
              reason: 'Finance section under-delivering against CPA goal',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 13,
    name: 'Brightwater Student Accounts',
    advertiser: BRIGHTWATER,
    brief: 'Back-to-campus student account offer.',
    created: -13,
    flight: [-11, 19],
    budget: 16_000,
    products: [
      ['prod_nw_native', 8_000],
      ['prod_pn_offsite', 6_000],
    ],
    creatives: ['native', 'mrec'],
    steps: [
      { at: -12, op: 'reconcile' },
      {
        at: -11.5,
        op: 'put',
        body: (f) => ({ mediaBuys: [{ mediaBuyId: f.buyOf('sa_pinnacle'), action: 'delete' }] }),
      },
      { at: -11, op: 'execute' },
    ],
  },
  {
    n: 14,
    name: 'Kettle & Crumb Weekend Brunch',
    advertiser: KETTLE,
    brief: 'Weekend brunch menu launch.',
    created: -1,
    flight: [3, 33],
    budget: 9_000,
    products: [
      ['prod_nw_native', 4_500],
      ['prod_pn_sponsored', 4_500],
    ],
    creatives: ['native', 'sponsored'],
    steps: [],
  },
  {
    n: 15,
    name: 'Verdant E-Scooter Launch',
    advertiser: VERDANT,
    brief: 'E-scooter launch across display, CTV and social.',
    created: -16,
    flight: [-15, 15],
    budget: 60_000,
    products: [
      ['prod_nw_ros', 10_000],
      ['prod_hb_ctv_ent', 25_000],
      ['prod_cb_stories', 15_000],
    ],
    creatives: ['mrec', 'video30', 'video15'],
    steps: [
      { at: -15, op: 'execute' },
      { at: -14, op: 'execute' },
    ],
  },
  {
    n: 16,
    name: 'Verdant Commuter CTV',
    advertiser: VERDANT,
    brief: 'Commuter pass on entertainment CTV.',
    created: -6,
    flight: [-5, 25],
    budget: 30_000,
    products: [['prod_hb_ctv_ent', 15_000]],
    creatives: ['video30'],
    steps: [
      { at: -5, op: 'execute' },
      {
        at: -4,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_harbor'),
              packages: [{ packageId: f.packagesOf('sa_harbor')[0].id, budget: 22_000 }],
              updated_reason: 'Raised the CTV budget to 22,000 EUR as requested.',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 17,
    name: 'Northstar Trail Running Pre-roll',
    advertiser: NORTHSTAR,
    brief: 'Trail running series sponsorship.',
    created: -2,
    flight: [-1, 29],
    budget: 20_000,
    products: [['prod_mp_preroll', 18_000]],
    creatives: ['video15'],
    steps: [{ at: -1, op: 'execute' }],
  },
  {
    n: 18,
    name: 'Lumen Sleep Study Recruitment',
    advertiser: LUMEN,
    mode: 'performance',
    brief: 'Recruit participants for the sleep study; optimise to sign-ups.',
    created: -19,
    flight: [-18, 12],
    budget: 25_000,
    products: [
      ['prod_nw_native', 10_000],
      ['prod_pn_offsite', 10_000],
    ],
    creatives: ['native', 'mrec'],
    steps: [
      { at: -18.5, op: 'reconcile' },
      {
        at: -18.4,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_northwind'),
              optimization_goals: [
                {
                  kind: 'event',
                  event_sources: [{ event_source_id: 'es_lumen_web', event_type: 'complete_registration' }],
                  target: { kind: 'cost_per', value: 45 },
                  priority: 1,
                },
              ],
            },
          ],
        }),
      },
      { at: -18, op: 'execute' },
    ],
  },
  {
    n: 19,
    name: 'Atelier Lookbook Carousel',
    advertiser: ATELIER,
    brief: 'Lookbook carousel in social feeds.',
    created: -1,
    flight: [0, 30],
    budget: 12_000,
    products: [['prod_cb_feed', 11_000]],
    creatives: ['carousel'],
    steps: [{ at: -0.2, op: 'execute' }],
  },
  {
    n: 20,
    name: 'Brightwater Business Banking',
    advertiser: BRIGHTWATER,
    brief: 'SME banking, finished.',
    created: -50,
    flight: [-48, -8],
    budget: 35_000,
    products: [
      ['prod_mp_finance', 18_000],
      ['prod_nw_news_display', 12_000],
    ],
    creatives: ['billboard', 'mrec'],
    steps: [{ at: -48, op: 'execute' }],
  },
  {
    n: 21,
    name: 'Verdant Fleet Partnerships',
    advertiser: VERDANT,
    brief: 'B2B fleet partnerships; products not chosen yet.',
    created: -1,
    flight: [10, 40],
    budget: 15_000,
    products: [],
    creatives: [],
    steps: [],
  },
  {
    n: 22,
    name: 'Northstar Gear Clearance',
    advertiser: NORTHSTAR,
    brief: 'End-of-season clearance with weekly pacing.',
    created: -15,
    flight: [-14, 14],
    budget: 18_000,
    paced: true,
    products: [
      ['prod_nw_ros', 8_000],
      ['prod_nw_news_display', 8_000],
    ],
    creatives: ['mrec'],
    steps: [
      { at: -14, op: 'execute' },
      {
        at: -2,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_northwind'),
              action: 'cancel',
              packageIds: [f.packagesOf('sa_northwind').at(-1)!.id],
              reason: 'Last clearance week no longer needed',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 23,
    name: 'Lumen Pharmacy Locator',
    advertiser: LUMEN,
    brief: 'Pharmacy locator; paused, and its flight has since ended.',
    created: -31,
    flight: [-30, -1],
    budget: 14_000,
    products: [
      ['prod_nw_news_display', 6_000],
      ['prod_pn_sponsored', 6_000],
    ],
    creatives: ['mrec', 'sponsored'],
    steps: [
      { at: -30, op: 'execute' },
      { at: -5, op: 'pause' },
    ],
  },
  {
    n: 24,
    name: 'Kettle & Crumb Catering Leads',
    advertiser: KETTLE,
    brief: 'Office catering lead generation.',
    created: -11,
    flight: [-10, 20],
    budget: 18_000,
    products: [
      ['prod_nw_native', 9_000],
      ['prod_pn_offsite', 9_000],
    ],
    creatives: ['native', 'mrec'],
    steps: [{ at: -10, op: 'execute' }],
  },
  {
    n: 25,
    name: 'Atelier Boutique Openings Paris',
    advertiser: ATELIER,
    brief: 'New boutiques in Le Marais and Saint-Germain.',
    created: -9,
    flight: [-8, 22],
    budget: 24_000,
    products: [
      ['prod_pn_offsite', 10_000],
      ['prod_sm_streaming', 9_000],
    ],
    creatives: ['mrec', 'billboard', 'audio30'],
    steps: [
      { at: -8.5, op: 'reconcile' },
      {
        at: -8.4,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_pinnacle'),
              creative_ids: f
                .creatives()
                .filter((c) => c.kind === 'image')
                .map((c) => c.id),
            },
          ],
        }),
      },
      // ASAP spends as fast as delivery allows, so against an even plan the retail buy runs well ahead: overpacing.
      {
        at: -8.3,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_pinnacle'),
              products: [{ productId: 'prod_pn_offsite', budget: 10_000, pacing: 'asap' }],
            },
          ],
        }),
      },
      { at: -8, op: 'execute' },
    ],
  },
  {
    n: 26,
    name: 'Brightwater Travel Card',
    advertiser: BRIGHTWATER,
    brief: 'Fee-free travel card on CTV.',
    created: -4,
    flight: [-3, 27],
    budget: 20_000,
    products: [['prod_hb_ctv_sports', 10_000]],
    creatives: ['video30'],
    steps: [
      { at: -3, op: 'execute' },
      {
        at: -2,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_harbor'),
              packages: [{ packageId: f.packagesOf('sa_harbor')[0].id, budget: 15_000 }],
              updated_reason: 'We can go to 15,000 GBP for this flight.',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 27,
    name: 'Verdant Charging Network',
    advertiser: VERDANT,
    brief: 'Public charging network awareness.',
    created: -7,
    flight: [-6, 30],
    budget: 28_000,
    products: [['prod_mp_preroll', 20_000]],
    creatives: ['video15'],
    steps: [
      { at: -6, op: 'execute' },
      {
        at: -1,
        op: 'put',
        body: (f) => ({
          mediaBuys: [
            {
              mediaBuyId: f.buyOf('sa_meridian'),
              end_time: f.flightEnd(-5),
              updated_reason: 'Wrap up five days early, before the holiday blackout',
            },
          ],
        }),
      },
    ],
  },
  {
    n: 28,
    name: 'Northstar Ski Season Teaser',
    advertiser: NORTHSTAR,
    brief: 'Ski season teaser with bi-weekly pacing; ready to execute.',
    created: -1,
    flight: [7, 63],
    budget: 32_000,
    paced: true,
    products: [
      ['prod_nw_news_display', 12_000],
      ['prod_mp_preroll', 16_000],
    ],
    creatives: ['mrec', 'video15'],
    steps: [],
  },
  {
    n: 29,
    name: 'Lumen Caregiver Stories',
    advertiser: LUMEN,
    brief: 'Caregiver stories on podcasts and premium video.',
    created: -2,
    flight: [-1, 29],
    budget: 21_000,
    products: [
      ['prod_sm_podcast', 2_500],
      ['prod_mp_preroll', 16_000],
    ],
    creatives: ['audio30', 'video15'],
    steps: [{ at: -1, op: 'execute' }],
  },
  {
    n: 30,
    name: 'Old Harbor Vinyl Reissues 2025',
    advertiser: OLD_HARBOR,
    brief: 'Archived last season.',
    created: -58,
    flight: [-56, -30],
    budget: 8_000,
    products: [['prod_nw_ros', 7_000]],
    creatives: ['mrec'],
    steps: [
      { at: -56, op: 'execute' },
      { at: -20, op: 'archive' },
    ],
  },
]

export const DEMO_NOTES = {
  executableDraft: campaignIdOf(3),
  executableDraftWithDraftBuys: campaignIdOf(4),
  pacedExecutableDraft: campaignIdOf(28),
  inputRequired: campaignIdOf(5),
  inputRequiredAfterReply: campaignIdOf(26),
  failingAgent: campaignIdOf(7),
  failedOnly: campaignIdOf(19),
  pendingChange: campaignIdOf(2),
  pendingApproval: campaignIdOf(8),
  rejected: campaignIdOf(6),
  paused: campaignIdOf(11),
  pausedPastFlight: campaignIdOf(23),
  canceledBuy: campaignIdOf(12),
  archivedBuy: campaignIdOf(13),
  creditLimitExceeded: campaignIdOf(14),
  noProducts: campaignIdOf(21),
  completed: campaignIdOf(10),
  multiAgentRetried: campaignIdOf(15),
  canceledPackage: campaignIdOf(22),
} as const
