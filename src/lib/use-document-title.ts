import { useEffect } from 'react'

const APP_NAME = 'Media buys'

// Each screen names itself in the tab and for screen readers announcing the page.
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME
  }, [title])
}
