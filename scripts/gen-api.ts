// npm run gen:api: regenerates src/web/api/schema.d.ts; a test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises'
import { CLIENT_SCHEMA_PATH, clientSchemaSource, openApiDocument } from './openapi.ts'

const doc = await openApiDocument()
await writeFile(CLIENT_SCHEMA_PATH, await clientSchemaSource(doc))
console.log(`Wrote ${CLIENT_SCHEMA_PATH}`)
process.exit(0)
