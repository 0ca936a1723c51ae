import { createFileRoute } from '@tanstack/react-router'
import { RouteError } from '@/components/route-error'
import { MonitorPage } from '@/features/monitoring/monitor-page'

export const Route = createFileRoute('/monitor')({
  errorComponent: (props) => <RouteError {...props} what="the live campaigns" />,
  component: MonitorPage,
})
