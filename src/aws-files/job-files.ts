/**
 * Everything one job's login leaves in ~/.aws, written together and undone together: the config sections, the token
 * cache and the client registration cache (and with legacy-sso-profile, the token cache again under its legacy name),
 * and profiles holding role credentials themselves (the shared credentials file, see credentials-file.ts). Each kind of
 * file is one FileKind (artifacts.ts) in FILE_KINDS; what to write is a FilesPlan, built by the caller.
 */
import { removeLeftovers } from './leftovers.js'
import {
  writeArtifacts,
  type FileKind,
  type FilesPlace,
  type FilesPlan,
  type RunRecord
} from './artifacts.js'
import {
  legacyTokenCacheKind,
  registrationCacheKind,
  tokenCacheKind
} from './artifact-caches.js'
import { configFileKind, credentialsFileKind } from './artifact-sections.js'

export type { FilesPlace, FilesPlan } from './artifacts.js'

/**
 * Every kind of file a job writes. The order is the order of the pre-flight paths, of the writes' start, of the first
 * failure reported, and of the post step's removal (the files holding secrets first, the config last).
 */
const FILE_KINDS = [
  tokenCacheKind,
  registrationCacheKind,
  legacyTokenCacheKind,
  credentialsFileKind,
  configFileKind
] as const

/** Every kind's record, together (`Rec` of each FileKind<Rec, Removed> in the list). */
type RecordsOf<K> = K extends readonly [
  FileKind<infer Rec, infer _Removed>,
  ...infer Rest
]
  ? Rec & RecordsOf<Rest>
  : unknown
/** Every kind's part of the removal report, together (`Removed` of each FileKind<Rec, Removed>). */
type RemovalsOf<K> = K extends readonly [
  FileKind<infer _Rec, infer Removed>,
  ...infer Rest
]
  ? Removed & RemovalsOf<Rest>
  : unknown

/** What a job wrote (or, `partial`, is writing): every kind's record; the post step undoes it with removeJobFiles. */
export type WrittenFiles = RunRecord & RecordsOf<typeof FILE_KINDS>

/** What removeJobFiles did, by kind of file. */
export type RemovalReport = RemovalsOf<typeof FILE_KINDS> & {
  /** Temp and lock files a write killed midway had left (removed). */
  leftovers: string[]
}

export interface JobFilesProgress {
  written: WrittenFiles
  /** The token the files hold (the post step signs it out); absent when the files hold none (sign-out-early). */
  accessToken?: string
}

/**
 * Hears what is about to be put on disk, as each file goes, so that a process killed mid-write (a cancelled step's
 * hard stop) has recorded it for its post step. Each record is a safe undo even if that write never lands: a cache
 * file is removed only if it holds exactly the bytes recorded, a section only if it reads exactly as written.
 * `undefined` means the files were undone (a failed write) and there is nothing left to clean up.
 */
export type JobFilesListener = (progress: JobFilesProgress | undefined) => void

/** Write one job's files together, or none of them (the others undone when one fails). */
export function writeJobFiles(
  plan: FilesPlan,
  onProgress?: JobFilesListener
): Promise<WrittenFiles> {
  return writeArtifacts<WrittenFiles>(
    { ssoCacheDir: plan.paths.ssoCacheDir, sessionName: plan.ssoSession },
    FILE_KINDS.flatMap((kind) => kind.artifact(plan) ?? []),
    (written) =>
      onProgress?.(
        written && {
          written,
          ...(plan.token ? { accessToken: plan.token.accessToken } : {})
        }
      )
  )
}

/** The paths a job's files may take, for the pre-flight check. */
export function jobFilePaths(place: FilesPlace): string[] {
  return FILE_KINDS.flatMap((kind) => kind.paths(place))
}

/** Every file a job's record says it writes (or may have started to write), for the leftovers next to them. */
export function writtenTargets(written: WrittenFiles): string[] {
  return FILE_KINDS.flatMap((kind) => kind.targets(written))
}

/** Undo exactly what writeJobFiles did; files another job replaced since are left alone. */
export async function removeJobFiles(
  written: WrittenFiles
): Promise<RemovalReport> {
  // First what a writer killed mid-write left (temp files holding the token, its locks), so no lock of it is waited for.
  const leftovers =
    written.writerPid !== undefined
      ? removeLeftovers(writtenTargets(written), { pid: written.writerPid })
      : []
  const report = {}
  for (const kind of FILE_KINDS)
    Object.assign(report, await kind.remove(written))
  return { ...report, leftovers } as RemovalReport
}
