import { Link } from '@tanstack/react-router'
import { buttonClasses } from '@/components/ui/button'

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-lg py-12 text-center">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        This {what} does not exist
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">The link may be out of date, or the {what} was removed.</p>
      <Link to="/campaigns" className={`${buttonClasses()} mt-6`}>
        Go to campaigns
      </Link>
    </section>
  )
}
