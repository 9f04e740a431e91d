/** Type helpers over the contract schemas, so the web needs no direct dependency on zod. */

/**
 * The request-body type of a contract schema: its input side (what the client sends, before the server trims or
 * defaults anything). Equivalent to `z.input<S>`, read from the schema's own type information.
 */
export type BodyOf<S> = S extends { _zod: { input: infer I } } ? I : never;
