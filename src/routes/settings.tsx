import { createFileRoute } from '@tanstack/react-router'
import { SettingsPage } from '@/features/settings/settings-page'
import { settingsSearchSchema } from '@/features/settings/settings-search'

export const Route = createFileRoute('/settings')({
  validateSearch: settingsSearchSchema,
  component: SettingsPage,
})
