/**
 * The config file itself: lock it, read it, edit or undo its sections (config-plan.ts, config-undo.ts) and replace it
 * atomically.
 */
import { readIfExists, removeIfExists, writeFileAtomic } from './atomic.js'
import { withLock } from './lock.js'
import type { Eol, SectionSpec } from './config-render.js'
import type { SectionEdit } from './config-edit.js'
import { upsertSections } from './config-plan.js'
import {
  revertSectionsDetailed,
  type KeptSection,
  type RevertConflict
} from './config-undo.js'

export interface ConfigFileOptions {
  /** Lock wait (default 10 s). */
  lockTimeoutMs?: number
  /** Folder from which symlinks are refused (default: the `.aws` folder in the path, else the file's folder). */
  root?: string
  /** Line ending for a new or single-line file (default `\r\n` on Windows, like Python's text mode, else `\n`). */
  defaultEol?: Eol
  /**
   * mergeConfigFile only: called (under the lock) with the edits just before the file is replaced, so that a caller
   * killed mid-write has already recorded what to undo. The undo is safe if the write never lands: it only touches
   * sections that read exactly as written.
   */
  onBeforeWrite?: (edits: SectionEdit[]) => void
}

const platformEol: Eol = process.platform === 'win32' ? '\r\n' : '\n'

/**
 * Lock the config file, read it, upsert `sections`, and replace it atomically (0600 when we create it;
 * an existing file keeps its permission bits where tighter than 0600, a looser one is tightened).
 * Returns the edits to hand to {@link revertConfigFile}.
 */
export async function mergeConfigFile(
  configFile: string,
  sections: SectionSpec[],
  opts: ConfigFileOptions = {}
): Promise<SectionEdit[]> {
  return withLock(
    configFile,
    async () => {
      const current = await readIfExists(configFile, { root: opts.root })
      const { text, edits } = upsertSections(current ?? '', sections, {
        defaultEol: opts.defaultEol ?? platformEol
      })
      const all =
        current === undefined
          ? [
              {
                kind: 'created-file',
                group: -1,
                file: configFile
              } as SectionEdit,
              ...edits
            ]
          : edits
      opts.onBeforeWrite?.(all)
      if (current === undefined || text !== current)
        await writeFileAtomic(configFile, text, {
          root: opts.root,
          mode: 0o600
        })
      return all
    },
    { timeoutMs: opts.lockTimeoutMs }
  )
}

export interface RevertFileResult {
  conflicts: RevertConflict[]
  /**
   * Sections this run added but left in place because a profile it did not write (another job's) still uses them.
   * They stay: no record beside the config tells a later run to remove them, since anyone who can write ~/.aws could
   * plant such a record to make a post step delete a user's own section. An `[sso-session]` section holds no secret.
   */
  kept: KeptSection[]
  reverted: number
  /** The file was ours alone and is now empty, so it was deleted. */
  deletedFile: boolean
}

/** Lock the config file and undo `edits` (see {@link revertSectionsDetailed}); deletes a file we created if nothing else is left in it. */
export async function revertConfigFile(
  configFile: string,
  edits: SectionEdit[],
  opts: ConfigFileOptions = {}
): Promise<RevertFileResult> {
  return withLock(
    configFile,
    async () => {
      const current = await readIfExists(configFile, { root: opts.root })
      if (current === undefined) {
        const conflicts = edits
          .filter((e) => e.kind !== 'created-file')
          .map((edit) => ({ edit, reason: `${configFile} no longer exists` }))
        return { conflicts, kept: [], reverted: 0, deletedFile: false }
      }
      // Only this run's own record (its edits, from its post state) says what to undo: nothing read beside the config.
      const own = revertSectionsDetailed(current, edits)
      const created = edits.some((e) => e.kind === 'created-file')
      const result = {
        conflicts: own.conflicts,
        kept: own.kept,
        reverted: own.reverted
      }
      if (created && own.conflicts.length === 0 && own.text === '') {
        await removeIfExists(configFile, { root: opts.root })
        return { ...result, deletedFile: true }
      }
      if (own.text !== current)
        await writeFileAtomic(configFile, own.text, {
          root: opts.root,
          mode: 0o600
        })
      return { ...result, deletedFile: false }
    },
    { timeoutMs: opts.lockTimeoutMs }
  )
}
