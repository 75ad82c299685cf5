// Password hashing: argon2id with the library's defaults (OWASP-recommended memory and time cost).
import { hash, verify } from '@node-rs/argon2'

// A valid hash of a random secret, so that a login for an unknown account costs as much as a real one
// (no timing hint that the account does not exist).
let decoy: Promise<string> | null = null

export const hashPassword = (password: string): Promise<string> => hash(password)

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hash(crypto.randomUUID())
    await verify(await decoy, password)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch (err) {
    // A malformed stored hash is a data problem, not a reason to let someone in: deny and say so in the log.
    console.error('password hash could not be verified', err)
    return false
  }
}
