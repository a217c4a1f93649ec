/** Where a module reports what it did: the edges pass one in (the action's log, the CLI's stderr). */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  notice?(message: string): void
}
