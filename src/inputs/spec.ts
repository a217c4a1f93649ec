/**
 * What the rest of the code needs from the inputs: the request's types, the defaults and limits, and the input table
 * (src/inputs/table). Modules inside src/inputs import from those modules directly.
 */
export * from './types.js'
export * from './limits.js'
export { INPUTS, inputSpec, isSecretInput } from './table/index.js'
