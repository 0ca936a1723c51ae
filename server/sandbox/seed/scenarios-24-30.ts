import type { Scenario } from './scenarios.ts'
import { NORTHSTAR, LUMEN, ATELIER, BRIGHTWATER, KETTLE, VERDANT, OLD_HARBOR } from './scenarios-advertisers.ts'

export const SCENARIOS_24_30: Scenario[] = [
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
