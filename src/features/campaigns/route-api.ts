import { getRouteApi } from '@tanstack/react-router'

// Typed access to the list route's search params without importing the route file (no cycle).
export const campaignListRoute = getRouteApi('/campaigns/')
