import { useEffect, useState } from 'react'

/**
 * Call at the top of a dialog that is mounted only while open (`{open && <XModal />}`): when it goes away,
 * keyboard focus goes back to the element that opened it. Mantine's own `returnFocus` only acts when
 * `opened` turns false, which never happens to a dialog that is unmounted instead.
 */
export function useReturnFocus(): void {
  // Read during the first render, before the dialog moves focus into itself.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(
    () => () => {
      // The opener may be gone (a page change after saving); then the browser's default stands.
      if (opener?.isConnected) opener.focus()
    },
    [opener],
  )
}
