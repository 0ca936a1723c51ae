import { Link } from '@tanstack/react-router'
import { NeedsYouCount } from './needs-you-count'

const NAV = [
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/needs-you', label: 'Needs you' },
  { to: '/monitor', label: 'Monitor' },
  { to: '/settings', label: 'Settings' },
] as const

const base = 'block rounded-md px-3 py-2 text-sm font-medium'
// Active and inactive styles never overlap, so no hover rule can mix a light text with a light fill.
// The router also sets aria-current="page" on the active link.
const inactive = `${base} text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800`
const active = `${base} bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900`

export function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap items-center gap-1">
        {NAV.map((item) => (
          <li key={item.to}>
            <Link to={item.to} activeProps={{ className: active }} inactiveProps={{ className: inactive }}>
              {item.label}
              {item.to === '/needs-you' ? <NeedsYouCount /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
