/** Lone surrogates (invalid UTF-16) render as U+FFFD, so a broken string never breaks layout or text handling. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

export function toJsonText(value: unknown): string {
  return typeof value === 'string' ? wellFormed(value) : (JSON.stringify(value, null, 2) ?? String(value))
}

export type Path = (string | number)[]
export const pathKey = (path: Path): string => JSON.stringify(path)

export function pathLabel(path: Path): string {
  return path.length === 0
    ? 'root'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')
}

const MAX_MATCHES = 500

/**
 * Paths whose key or scalar value contains the query (case-insensitive), and every ancestor of them, so the tree can
 * open what matches. Stops after MAX_MATCHES so a search in megabytes of logs stays quick.
 */
export function searchPaths(value: unknown, query: string): { matches: number; open: Set<string>; capped: boolean } {
  const open = new Set<string>()
  const q = query.trim().toLowerCase()
  let matches = 0
  if (!q) return { matches, open, capped: false }
  const walk = (v: unknown, path: Path, key: string | undefined): void => {
    if (matches >= MAX_MATCHES) return
    const hit =
      (key !== undefined && key.toLowerCase().includes(q)) || (isScalar(v) && String(v).toLowerCase().includes(q))
    if (hit) {
      matches++
      for (let i = 0; i < path.length; i++) open.add(pathKey(path.slice(0, i)))
    }
    if (typeof v === 'object' && v !== null)
      for (const [k, child] of entries(v)) walk(child, [...path, k], typeof k === 'string' ? k : undefined)
  }
  walk(value, [], undefined)
  return { matches, open, capped: matches >= MAX_MATCHES }
}

export function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

export function entries(v: object): [string | number, unknown][] {
  return Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v)
}

export function downloadJson(filename: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  URL.revokeObjectURL(url)
}
