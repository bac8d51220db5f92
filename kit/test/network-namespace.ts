import { execFileSync } from 'node:child_process'

/** Whether this process may make a network namespace of its own (root on Linux with util-linux): an export run in it provably uses no network. */
export function canUnshareNetwork(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
}
