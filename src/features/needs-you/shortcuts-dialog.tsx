import { Dialog, DialogContent } from '@/components/ui/dialog'
import { INBOX_SHORTCUTS } from './use-inbox-keys'

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <DialogContent title="Keyboard shortcuts" description="On the Needs you page, when no field has focus.">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Shortcuts</caption>
          <thead>
            <tr>
              <th scope="col" className="pb-1 font-medium">
                Key
              </th>
              <th scope="col" className="pb-1 font-medium">
                Does
              </th>
            </tr>
          </thead>
          <tbody>
            {INBOX_SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row" className="py-1 pr-4 font-normal">
                  <kbd className="rounded border border-slate-300 px-1.5 font-mono dark:border-slate-600">{s.keys}</kbd>
                </th>
                <td className="py-1">{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  )
}
