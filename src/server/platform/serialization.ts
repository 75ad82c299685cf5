// Response serializers: Fastify's default (fast-json-stringify), built once per distinct schema.
// Fastify builds a serializer for every status code of every route, and fast-json-stringify checks and
// indexes every shared schema again for each build. Most of those builds are the same `Error` reference
// (`errorResponses(...)` on every route), so a server start spent most of its time building the same
// serializer again. A serializer depends only on its schema and on the shared schemas and options of its
// compiler, so within one compiler an identical schema gets the serializer already built: the same output.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type SerializerFactory = ReturnType<typeof SerializerSelector>

export function sharedSerializers(): SerializerFactory {
  const build = SerializerSelector()
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    const built = new Map<string, ReturnType<typeof compile>>()
    return (route) => {
      const key = JSON.stringify(route.schema)
      let serializer = built.get(key)
      if (!serializer) {
        serializer = compile(route)
        built.set(key, serializer)
      }
      return serializer
    }
  }
}
