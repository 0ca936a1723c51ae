import { z } from 'zod'

/** GET /update-proposals/{id}: a D6 pending change's resolution. */
export const UPDATE_PROPOSAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const
export type UpdateProposalStatus = (typeof UPDATE_PROPOSAL_STATUSES)[number]

export const updateProposalSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  mediaBuyId: z.string(),
  rejectionReason: z.string().optional(),
  resolvedAt: z.string().optional(),
})
export type UpdateProposal = z.infer<typeof updateProposalSchema>
