// Password hashes of test data (the demo template and factory users): argon2id at its lowest cost. Every test
// login verifies one of them, and at the production cost that verification is what a login spent most on.
// verify() reads the cost from the hash itself, so the login code under test is the production code. The
// production parameters stay tested: src/server/platform/auth/passwords.test.ts checks what hashPassword
// writes, and accounts made through the API (one-time passwords, password changes) and the e2e server's demo
// data are hashed by hashPassword at the production cost and signed in with.
import { hash } from '@node-rs/argon2'

export const testPasswordHash = (password: string): Promise<string> =>
  hash(password, { memoryCost: 8, timeCost: 1, parallelism: 1 })
