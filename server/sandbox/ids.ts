import { randomBytes } from 'node:crypto'
import { createPrng } from './prng.ts'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export interface IdGen {
  campaign(): string
  mediaBuy(): string
  creative(): string
  task(): string
  token(length: number): string
}

export interface SwitchableIds extends IdGen {
  /** Seeded ids (same account on every reset, so e2e tests can name them); no seed = OS randomness. */
  useSeed(seed: number | undefined): void
  /** The next campaign() returns this id (the demo gives its campaigns readable, stable ids). */
  nextCampaignId(id: string): void
}

export function createIds(): SwitchableIds {
  let draw: () => number = () => randomBytes(1)[0] / 256
  let forcedCampaign: string | undefined
  const token = (length: number): string =>
    Array.from({ length }, () => ALPHABET[Math.floor(draw() * ALPHABET.length)]).join('')
  const digits = (length: number): string => Array.from({ length }, () => String(Math.floor(draw() * 10))).join('')
  return {
    campaign: () => {
      const forced = forcedCampaign
      forcedCampaign = undefined
      return forced ?? `cmp_${digits(9)}`
    },
    mediaBuy: () => `mb_${token(10)}`,
    creative: () => `cr_${token(10)}`,
    task: () => `task_${token(16)}`,
    token,
    useSeed: (seed) => {
      if (seed === undefined) draw = () => randomBytes(1)[0] / 256
      else {
        const prng = createPrng(seed)
        draw = prng.next
      }
    },
    nextCampaignId: (id) => {
      forcedCampaign = id
    },
  }
}
