import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { expect } from 'vitest'

// The SPA's read-side schemas tolerate extra fields (so an upstream addition never breaks the dashboard); the sandbox
// is held to the spec itself: every required field present, nothing the schema does not name where it says
// additionalProperties: false.

type Node = Record<string, unknown>
const spec = parse(
  readFileSync(fileURLToPath(new URL('../../../../shared/api/buyer-openapi.yml', import.meta.url)), 'utf8'),
) as Node
const schemas = (spec.components as Node).schemas as Record<string, Node>

export function specSchema(name: string): Node {
  const schema = schemas[name]
  if (!schema) throw new Error(`no schema ${name} in the spec`)
  return schema
}

/** The 200 schema of an operation written inline in the spec. */
export function inlineResponse(path: string, method: string): Node {
  const op = ((spec.paths as Node)[path] as Node)[method] as Node
  return ((((op.responses as Node)['200'] as Node).content as Node)['application/json'] as Node).schema as Node
}

/** `value` has every field `schema` requires, and (when closed) only fields it names. */
export function expectSpecShape(value: unknown, schema: Node): void {
  const object = value as Record<string, unknown>
  const properties = Object.keys((schema.properties as Node | undefined) ?? {})
  for (const key of (schema.required as string[] | undefined) ?? [])
    expect(object, `required ${key}`).toHaveProperty(key)
  if (schema.additionalProperties === false)
    expect(Object.keys(object).filter((k) => !properties.includes(k))).toEqual([])
}
