import type { ReactNode } from 'react'
import { Link } from '@tanstack/react-router'
import { MainNav } from './main-nav'
import { NotificationBell } from './notification-bell'
import { OfflineBanner } from './offline-banner'
import { RateLimitBanner } from './rate-limit-banner'
import { ThemeToggle } from './theme-toggle'

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/campaigns" className="text-base font-semibold tracking-tight">
            Scope3 Media Buys
          </Link>
          <MainNav />
          <div className="ml-auto flex items-center gap-2">
            <NotificationBell />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <OfflineBanner />
      <RateLimitBanner />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  )
}
