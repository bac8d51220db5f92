import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

/**
 * A maker of folders in the system's temporary folder, named `prefix` and a
 * random tail, for the calling file's tests: each is removed, with all it
 * holds, after the file's last test, so that runs leave nothing behind.
 */
export function useTempDirs(): (prefix: string) => Promise<string> {
  const made: string[] = []
  afterAll(() => Promise.all(made.map(dir => rm(dir, { recursive: true, force: true }))))
  return async (prefix) => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
