import type { components } from './generated/openapi'

/**
 * The shapes the server sends, generated from the OpenAPI document (openapi/yewu-api.json → generated/openapi.ts by
 * `npm run api:types`, part of the build), so a field the server renames or drops breaks the type-check of the
 * screens that use it (docs/decisions/0028-assets-and-api-contract.md).
 */
export type Schemas = components['schemas']

/**
 * A schema as it arrives: the server writes every property of its records (nulls too), so none is optional; `Null`
 * names those that may be null. What the schema cannot say is refined by `Refined`, which may only name properties
 * the schema has: code lists as unions (the server sends plain strings), nested shapes the UI reads more exactly.
 */
export type Wire<T, Null extends keyof T = never, Refined extends { [K in keyof T]?: unknown } = {}> = Omit<
  { [K in keyof T]-?: K extends Null ? Exclude<T[K], undefined> | null : Exclude<T[K], undefined> },
  keyof Refined
> &
  Refined

/**
 * A request body as a form holds it before the server has checked it: the schema's fields, each possibly still empty
 * or text (amounts travel as text to stay exact). The names are the schema's, so a field the server renames breaks
 * the type-check of the form that sends it; the server's field errors answer what is missing (422).
 */
export type Draft<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | string | null }
