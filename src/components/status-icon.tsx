import type { StatusIcon as StatusIconName } from '@/domain/status'

// 16px stroke icons; decorative only, the label always carries the meaning.
const PATHS: Record<StatusIconName, string> = {
  'x-circle': 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5.5 5.5l5 5M10.5 5.5l-5 5',
  ban: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M3.4 3.4l9.2 9.2',
  hand: 'M8 2v6M5.5 3.5V9M10.5 3.5V8.5M3 7v2.5A5 5 0 0 0 8 14.5a5 5 0 0 0 5-5V6',
  hourglass: 'M4 1.5h8M4 14.5h8M5 1.5c0 3.5 6 3.5 6 6.5s-6 3-6 6.5M11 1.5c0 3.5-6 3.5-6 6.5s6 3 6 6.5',
  pencil: 'M11 2.5l2.5 2.5L6 12.5H3.5V10zM9.5 4l2.5 2.5',
  pause: 'M5.5 3v10M10.5 3v10',
  play: 'M5 2.5l8 5.5l-8 5.5z',
  check: 'M2.5 8.5l3.5 3.5l7.5-8',
  slash: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5 8h6',
  archive: 'M1.5 3h13v3h-13zM2.5 6v7.5h11V6M6 9h4',
  question: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M6 6.2a2 2 0 1 1 2.7 1.9c-.5.2-.7.6-.7 1.1v.6M8 11.5v.5',
}

export function StatusIcon({ icon, className = 'size-3.5' }: { icon: StatusIconName; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      <path d={PATHS[icon]} />
    </svg>
  )
}
