import type { ReactNode, Ref } from 'react'

interface PageSectionProps {
  /** The section's anchor; its heading is `${id}-title`. */
  id: string
  title: string
  /** One line under the title on what the section is for. */
  intro?: ReactNode
  ref?: Ref<HTMLElement>
  children: ReactNode
}

/** A titled section of a page below its main content (the campaign page's Creatives, Property lists…). */
export function PageSection({ id, title, intro, ref, children }: PageSectionProps) {
  return (
    <section
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="mb-3 flex flex-wrap items-baseline gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {intro ? <p className="text-sm text-slate-700 dark:text-slate-300">{intro}</p> : null}
      </div>
      {children}
    </section>
  )
}
