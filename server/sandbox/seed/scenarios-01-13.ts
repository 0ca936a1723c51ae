import type { Scenario } from './scenarios.ts'
import { NORTHSTAR, LUMEN, ATELIER, BRIGHTWATER } from './scenarios-advertisers.ts'

export const SCENARIOS_01_13: Scenario[] = [
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
    // The flight starts a day before the sellers take the order, so at any hour of seeding the buys deliver behind
    // plan and the optimizer has a suggestion waiting (seeded just after midnight, an order taken at the flight's
    // first hour was on plan, and no suggestion was made).
    flight: [-4, 25],
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
]
