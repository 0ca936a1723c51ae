import { useState } from 'react'
import { CopyButton } from './copy-button'
import { Highlight } from './highlight'
import { entries, isScalar, pathKey, pathLabel, toJsonText, wellFormed, type Path } from './json-text'

const PAGE = 100
const LONG = 400

export interface NodeContext {
  query: string
  open: Set<string>
}

/**
 * One key and its value. Children render only while open, a page at a time, so megabytes of logs cost what is on
 * screen. Everything is a React text node: data is never parsed as markup.
 */
export function JsonNode({
  name,
  value,
  path,
  ctx,
}: {
  name: string | number | undefined
  value: unknown
  path: Path
  ctx: NodeContext
}) {
  const [toggled, setToggled] = useState<boolean | undefined>(undefined)
  const [shown, setShown] = useState(PAGE)
  const forced = ctx.open.has(pathKey(path))
  const isOpen = toggled ?? (forced || path.length === 0)
  const label = pathLabel(path)
  const keyText = name === undefined ? null : typeof name === 'number' ? `${name}` : wellFormed(name)

  const keyPart =
    keyText === null ? null : (
      <span className="text-slate-700 dark:text-slate-300">
        <Highlight text={keyText} query={typeof name === 'string' ? ctx.query : ''} />
        <span aria-hidden="true">: </span>
      </span>
    )
  const copy = <CopyButton label={`Copy ${label}`} text={() => toJsonText(value)} />

  if (isScalar(value) || typeof value !== 'object') {
    return (
      <li className="group flex min-w-0 items-start gap-1 py-0.5">
        <span className="min-w-0 break-all">
          {keyPart}
          <Scalar value={value} query={ctx.query} />
        </span>
        <span>{copy}</span>
      </li>
    )
  }

  const items = entries(value)
  const summary = Array.isArray(value) ? `[${items.length}]` : `{${items.length}}`
  return (
    <li className="py-0.5">
      <div className="group flex items-center gap-1">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${label}`}
          onClick={() => setToggled(!isOpen)}
          className="inline-flex items-center gap-1 rounded px-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true" className="inline-block w-3 text-slate-600 dark:text-slate-400">
            {isOpen ? '▾' : '▸'}
          </span>
          {keyPart}
          <span className="text-slate-600 dark:text-slate-400">{summary}</span>
        </button>
        <span>{copy}</span>
      </div>
      {isOpen ? (
        <ul className="ml-4 border-l border-slate-200 pl-2 dark:border-slate-700">
          {items.slice(0, shown).map(([k, child]) => (
            <JsonNode key={String(k)} name={k} value={child} path={[...path, k]} ctx={ctx} />
          ))}
          {items.length > shown ? (
            <li>
              <button
                type="button"
                onClick={() => setShown(shown + PAGE)}
                className="text-sm text-blue-800 underline dark:text-blue-300"
              >
                Show {Math.min(PAGE, items.length - shown)} more of {items.length - shown} remaining
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  )
}

function Scalar({ value, query }: { value: unknown; query: string }) {
  const [full, setFull] = useState(false)
  if (typeof value !== 'string')
    return (
      <span className="text-violet-800 dark:text-violet-300">
        <Highlight text={String(value)} query={query} />
      </span>
    )
  const text = wellFormed(value)
  const cut = !full && text.length > LONG
  return (
    <span className="text-emerald-800 dark:text-emerald-300">
      "<Highlight text={cut ? text.slice(0, LONG) : text} query={query} />
      {cut ? '…' : ''}"
      {text.length > LONG ? (
        <button
          type="button"
          onClick={() => setFull(!full)}
          className="ml-1 text-xs text-blue-800 underline dark:text-blue-300"
        >
          {full ? 'Show less' : `Show all ${text.length.toLocaleString('en-US')} characters`}
        </button>
      ) : null}
    </span>
  )
}
