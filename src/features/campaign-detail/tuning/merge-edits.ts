// Conflict "keep my values": what the buyer typed wins, everything they did not touch takes the current value, so a
// change made elsewhere in the meantime is not sent back as a stale overwrite.

type Tree = unknown

const same = (a: Tree, b: Tree) => JSON.stringify(a) === JSON.stringify(b)
const isRecord = (v: Tree): v is Record<string, Tree> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `opened`: the form values when it opened; `mine`: as typed; `fresh`: from the campaign as it is now. */
export function mergeEdits<T>(opened: T, mine: T, fresh: T): T {
  return merge(opened, mine, fresh) as T
}

function merge(opened: Tree, mine: Tree, fresh: Tree): Tree {
  if (
    Array.isArray(opened) &&
    Array.isArray(mine) &&
    Array.isArray(fresh) &&
    opened.length === mine.length &&
    mine.length === fresh.length
  )
    return mine.map((m, i) => merge(opened[i], m, fresh[i]))
  if (isRecord(opened) && isRecord(mine) && isRecord(fresh))
    return Object.fromEntries(
      Object.keys(mine).map((k) => [k, k in fresh ? merge(opened[k], mine[k], fresh[k]) : mine[k]]),
    )
  return same(opened, mine) ? fresh : mine
}
