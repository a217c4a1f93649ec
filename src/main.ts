/**
 * The action's main step, as the actions/typescript-action template shapes it: `run()` is what dist/index.js,
 * @github/local-action (`local-action run . src/main.ts .env --post src/post.ts`) and the unit tests call.
 * It reports through @actions/core and returns; it never exits the process.
 */
export { runMain as run } from './github/main.js'
