// The association the person is looking at. Most users work in one; an admin (or a zone in two
// associations) switches in the navbar. The choice is remembered per browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Me } from '../api/types.ts'
import { useSignedInUser } from './session.ts'

type AssociationRef = Me['associations'][number]

interface CurrentAssociation {
  current: AssociationRef | null
  all: readonly AssociationRef[]
  select: (id: string) => void
}

const STORAGE_KEY = 'verbond.association'
const AssociationContext = createContext<CurrentAssociation | null>(null)

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage disabled: fall back to the first association every time.
    return null
  }
}

export function AssociationProvider({ children }: { children: ReactNode }) {
  const me = useSignedInUser()
  const [chosenId, setChosenId] = useState<string | null>(readStored)
  const select = useCallback((id: string) => {
    setChosenId(id)
    try {
      window.localStorage.setItem(STORAGE_KEY, id)
    } catch {
      // See readStored.
    }
  }, [])
  const value = useMemo<CurrentAssociation>(() => {
    const all = me.associations
    // A remembered id the user no longer works in (another account on this browser) is ignored.
    const current = all.find((a) => a.id === chosenId) ?? all[0] ?? null
    return { current, all, select }
  }, [me.associations, chosenId, select])
  return <AssociationContext value={value}>{children}</AssociationContext>
}

export function useCurrentAssociation(): CurrentAssociation {
  const value = useContext(AssociationContext)
  if (!value) throw new Error('useCurrentAssociation outside <AssociationProvider>')
  return value
}
