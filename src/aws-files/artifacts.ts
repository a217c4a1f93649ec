/**
 * The files one job writes, as a list of artifacts written together and undone together. Each artifact records what
 * it is about to write before the bytes land, so a process killed mid-write has told its post step what to undo; when
 * one write fails, the others are undone. A kind of file (FileKind) also says which paths it may take (the pre-flight
 * check) and how a saved record of it is undone (the post step).
 */
import type { AwsPaths } from './paths.js'
import type { SectionSpec } from './config-render.js'
import type {
  RegistrationInput,
  RegistrationKey,
  TokenInput
} from './sso-cache-format.js'

/** Where one job's files go: known before the sign-in, so the pre-flight check can list every path. */
export interface FilesPlace {
  paths: AwsPaths
  /** The sso-session; the token cache file is named after it. */
  ssoSession: string
  registrationKey: RegistrationKey
  /** legacy-sso-profile: the token is cached again under sha1(this start URL). */
  legacyStartUrl?: string
  /** Pre-flight only: some profile may hold role keys in the shared credentials file. */
  credentialsFile?: boolean
}

/** What one job writes. */
export interface FilesPlan extends FilesPlace {
  /** The config sections, in order. */
  configSections: SectionSpec[]
  /** The shared credentials file's sections (profiles that hold role keys); none: that file is not touched. */
  credentialSections: SectionSpec[]
  /** The token cache entry; absent: nothing of the SSO sign-in is cached. */
  token?: TokenInput
  /** The client registration to cache (one made in this run); only with `token`. */
  registration?: RegistrationInput
  /**
   * The token did not come from this sso-session's cache file: what the token cache files held before is recorded
   * (its secrets given to `mask`) and put back on undo, unless it holds a token of a client of this action
   * (`ourClientIds`, or the one in the registration cache when this action registered it).
   */
  keepOriginalTokenCache?: {
    mask: (secret: string) => void
    ourClientIds: string[]
  }
}

/** The fields of a job's record that no one artifact owns. */
export interface RunRecord {
  ssoCacheDir: string
  sessionName: string
  /** A record made while the files were being written: some may not have landed. */
  partial?: boolean
  /**
   * The pid of the process that wrote (recorded before any write): a writer killed mid-write leaves its temp files
   * (`.<name>.<pid>.<hex>.tmp`) and locks next to its files; the post step removes that pid's (leftovers.ts).
   */
  writerPid?: number
}

/** One file (or set of sections) this run writes. `Rec`: its fields of the job's record. */
export interface Artifact<Rec extends object> {
  /**
   * What to undo if the run stops now. Before the write it names what is about to land, as a safe undo even if the
   * write never does (a cache file by the exact bytes it will hold, a section only if it reads exactly as written).
   */
  record(): Rec
  /** Runs before anything is written (e.g. reads what a file holds now, to put it back on undo). */
  prepare?(): Promise<void>
  /** Writes it; calls `changed` when its record grows just before the bytes land. */
  write(changed: () => void): Promise<void>
  /** Undoes what it wrote (only what still reads as written); resolves whether anything of it is left. Never rejects. */
  undo(): Promise<boolean>
}

/** One kind of file a job writes. `Rec`: its fields of the job's record; `Removed`: its part of the removal report. */
export interface FileKind<Rec extends object, Removed extends object> {
  /** This run's artifact of the kind, or undefined when the plan has nothing of it. */
  artifact(plan: FilesPlan): Artifact<Rec> | undefined
  /** The paths of this kind a run may write, for the pre-flight check. */
  paths(place: FilesPlace): string[]
  /** The files a saved record says it wrote or may have started to write (for the leftovers next to them). */
  targets(written: RunRecord & Rec): string[]
  /** Undoes what a saved record says it wrote; a file changed since is left alone. */
  remove(written: RunRecord & Rec): Promise<Removed>
}

/**
 * Write `artifacts` side by side (each file has its own lock), then keep them all or undo them all. `report` hears the
 * record (partial) before any write and each time an artifact's record grows; after a failed write it hears what is
 * left to undo, or undefined when nothing is. Throws the first failure in list order.
 */
export async function writeArtifacts<W extends RunRecord>(
  base: RunRecord,
  artifacts: Artifact<object>[],
  report?: (record: W | undefined) => void
): Promise<W> {
  for (const artifact of artifacts) await artifact.prepare?.()
  const record = (partial: boolean) =>
    Object.assign(
      { ...base },
      ...artifacts.map((a) => a.record()),
      partial ? { partial: true } : {},
      { writerPid: process.pid }
    ) as W
  const progress = () => report?.(record(true))
  progress()
  const results = await Promise.allSettled(
    artifacts.map((a) => a.write(progress))
  )
  const failed = results.find(
    (r): r is PromiseRejectedResult => r.status === 'rejected'
  )
  if (!failed) return record(false)
  const left = await Promise.all(artifacts.map((a) => a.undo()))
  if (left.some(Boolean)) progress()
  else report?.(undefined)
  throw failed.reason
}
