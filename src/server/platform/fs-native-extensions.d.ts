// The two functions of fs-native-extensions that datadir-lock.ts uses (the package ships no types).
declare module 'fs-native-extensions' {
  /** Takes an exclusive (or shared) lock on the open file without waiting; false when another holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean
  export function unlock(fd: number, offset?: number, length?: number): void
}
