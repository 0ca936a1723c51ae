/**
 * An advertiser by name. Until the names arrive it says so (the id beside it, small), and an advertiser the list does
 * not name is called "Advertiser <id>", never a bare number.
 */
export function AdvertiserName({ id, name, loading }: { id: string; name: string | undefined; loading: boolean }) {
  if (name) return <span>{name}</span>
  return (
    <span>
      <span className="text-slate-600 dark:text-slate-400">{loading ? 'Loading name…' : 'Advertiser'}</span>{' '}
      <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{id}</span>
    </span>
  )
}
