import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { canCountCpu } from '../bench/cpu-account.ts'
import { measureRun, prepareSampling } from '../bench/sampling.ts'
import { useTempDirs } from './temp-dirs.ts'

const tempDir = useTempDirs()

// A command that starts a process which spins for `ms` of CPU time, and
// exits at once without waiting for it: as Chromium's zygote leaves its
// renderers, which outlive the parent's account of its children.
const SPIN_MS = 600
const LEAVES_A_SPINNER = `
const { spawn } = require('node:child_process')
spawn(process.execPath, ['-e', 'const end = process.cpuUsage().user + ${SPIN_MS * 1000}; while (process.cpuUsage().user < end);'], { detached: true, stdio: 'ignore' }).unref()
`

// Where this machine lets the tests make a control group (root on Linux, as CI runs them).
describe.runIf(await canCountCpu())('the benchmark\'s CPU time, counted by a control group', () => {
  it('counts a process the command started and never waited for, to its end', async () => {
    const tmp = await tempDir('talk-cpu-account-')
    await prepareSampling(tmp)
    const run = await measureRun([process.execPath, '-e', LEAVES_A_SPINNER], process.env, tmp, tmp, 'spinner')
    // Sampled from /proc instead, the spinner is lost as its parent exits: its parent becomes init, outside the tree.
    expect(run.cpuMs).toBeGreaterThanOrEqual(SPIN_MS)
  })
})
