/**
 * The sections a job writes into the config file and, for profiles that hold role keys, into the shared credentials
 * file (the keys sealed in the record: see sealCredentialEdits). Each is undone section by section, only where a
 * section still reads exactly as written.
 */
import type { Artifact, FileKind } from './artifacts.js'
import {
  mergeConfigFile,
  revertConfigFile,
  type RevertFileResult
} from './config-file.js'
import { type SectionEdit } from './config-edit.js'
import { type SectionSpec } from './config-render.js'
import {
  mergeCredentialsFile,
  revertCredentialsFile,
  sealCredentialEdits,
  unsealCredentialEdits
} from './credentials-file.js'

export interface ConfigRecord {
  configFile: string
  configEdits: SectionEdit[]
}

export interface CredentialsRecord {
  /** The shared credentials file and its edits (sealed: the written text as a hash), when profiles holding role keys were written. */
  credentialsFile?: string
  credentialsEdits?: SectionEdit[]
}

/** Sections merged into `file`, recorded (as `toRecord` says) just before the file is replaced, under its lock. */
function sections<Rec extends object>(
  file: string,
  specs: SectionSpec[],
  io: { merge: typeof mergeConfigFile; revert: typeof revertConfigFile },
  toRecord: (edits: SectionEdit[]) => Rec
): Artifact<Rec> {
  let recorded: SectionEdit[] = []
  let done: SectionEdit[] | undefined
  return {
    record: () => toRecord(recorded),
    write: async (changed) => {
      done = await io.merge(file, specs, {
        onBeforeWrite: (edits) => {
          recorded = edits
          changed()
        }
      })
      recorded = done
    },
    undo: async () => {
      if (!done) recorded = []
      else
        await io.revert(file, done).then(
          () => (recorded = []),
          () => undefined
        )
      return recorded.length > 0
    }
  }
}

export const configFileKind: FileKind<ConfigRecord, { config: string }> = {
  artifact: (plan) =>
    sections(
      plan.paths.configFile,
      plan.configSections,
      { merge: mergeConfigFile, revert: revertConfigFile },
      (edits) => ({ configFile: plan.paths.configFile, configEdits: edits })
    ),
  paths: (place) => [place.paths.configFile],
  targets: (written) => [written.configFile],
  remove: async (written) => {
    // Nothing written to the config (a step stopped before it got the lock): do not wait for a lock another job may hold.
    if (written.configEdits.length === 0)
      return { config: `nothing written to ${written.configFile} by this run` }
    const file = written.configFile
    const reverted = await revertConfigFile(file, written.configEdits)
    return {
      config:
        revertedText(file, reverted) +
        (reverted.kept.length
          ? `; ${reverted.kept.map((k) => k.reason).join('; ')} (it stays in the config: no secret in it)`
          : '')
    }
  }
}

export const credentialsFileKind: FileKind<
  CredentialsRecord,
  { credentials?: string }
> = {
  artifact: ({ paths, credentialSections }) =>
    credentialSections.length
      ? sections(
          paths.credentialsFile,
          credentialSections,
          { merge: mergeCredentialsFile, revert: revertCredentialsFile },
          (edits) => ({
            credentialsFile: paths.credentialsFile,
            credentialsEdits: sealCredentialEdits(edits)
          })
        )
      : undefined,
  paths: (place) =>
    place.credentialsFile ? [place.paths.credentialsFile] : [],
  targets: (written) =>
    written.credentialsFile ? [written.credentialsFile] : [],
  remove: async ({ credentialsFile: file, credentialsEdits: edits = [] }) => {
    if (!file) return {}
    if (edits.length === 0)
      return { credentials: `nothing written to ${file} by this run` }
    const reverted = await revertCredentialsFile(
      file,
      await unsealCredentialEdits(file, edits)
    )
    return { credentials: revertedText(file, reverted) }
  }
}

/** What a revert did to `file`, for the post step's log. */
function revertedText(file: string, reverted: RevertFileResult): string {
  return (
    (reverted.deletedFile
      ? `${file} removed (this run created it)`
      : `${reverted.reverted} section(s) removed or restored in ${file}`) +
    (reverted.conflicts.length
      ? `; left alone because they changed since: ${reverted.conflicts.map((c) => c.reason).join('; ')}`
      : '')
  )
}
