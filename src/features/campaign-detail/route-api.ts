import { getRouteApi } from '@tanstack/react-router'

export const campaignRoute = getRouteApi('/campaigns/$campaignId')
