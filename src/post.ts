/**
 * The action's post step (`runs.post` in action.yml, dist/post.js): sign out and remove what main wrote.
 * `run()` is what dist/post.js, @github/local-action (`--post src/post.ts`) and the unit tests call.
 */
export { runPost as run } from './github/post.js'
