import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rmdir } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'

/**
 * A Linux control group that one command runs in, so that the kernel counts
 * the CPU time of every process it starts, Chromium's renderers included,
 * exactly and with nothing read while it runs.
 */
export interface CpuAccount {
  /** The command, made to join the group before it starts. */
  wrap: (command: string[]) => string[]
  /** User plus system CPU time of every process that ran in the group, once all have ended. */
  usedMs: () => Promise<number>
  remove: () => Promise<void>
}

interface Hierarchy {
  /** The folder new groups are made in. */
  parent: string
  /** The file that holds the group's CPU time, and how to read it in milliseconds. */
  usage: string
  toMs: (text: string) => number
}

/** Where this process's cgroup v2 group is, or else the cgroup v1 cpuacct hierarchy's root. */
function findHierarchy(): Hierarchy | undefined {
  if (process.platform !== 'linux')
    return undefined
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map(line => line.split(' '))
  // mountinfo: the mount point is field 5; the file system type follows the " - " separator.
  const mountOf = (type: string, option?: string): string | undefined => mounts.find((fields) => {
    const separator = fields.indexOf('-')
    return fields[separator + 1] === type && (!option || fields.at(-1)!.split(',').includes(option))
  })?.[4]
  const own = readFileSync('/proc/self/cgroup', 'utf8').split('\n')
  const unified = mountOf('cgroup2')
  const unifiedPath = own.find(line => line.startsWith('0::'))?.slice(3)
  if (unified && unifiedPath !== undefined) {
    return {
      parent: path.join(unified, unifiedPath),
      usage: 'cpu.stat',
      toMs: text => Number(/^usage_usec (\d+)/m.exec(text)?.[1]) / 1000,
    }
  }
  const cpuacct = mountOf('cgroup', 'cpuacct')
  if (cpuacct) {
    return {
      parent: cpuacct,
      usage: 'cpuacct.usage',
      toMs: text => Number(text) / 1e6,
    }
  }
  return undefined
}

/**
 * Makes a group for one run, where the machine lets this process (root on
 * Linux, mostly): undefined elsewhere, and the caller samples /proc instead.
 */
export async function openCpuAccount(tag: string): Promise<CpuAccount | undefined> {
  let hierarchy: Hierarchy | undefined
  try {
    hierarchy = findHierarchy()
  }
  catch {
    // No /proc to read: not Linux as the kit knows it.
  }
  if (!hierarchy)
    return undefined
  const { usage, toMs } = hierarchy
  const dir = path.join(hierarchy.parent, `talk-kit-bench-${process.pid}-${tag.replace(/[^\w-]+/g, '-')}`)
  const procs = path.join(dir, 'cgroup.procs')
  // The shell writes its own id into the group, then becomes the command: everything it starts is counted.
  const join = [
    '/bin/sh',
    '-c',
    'echo $$ > "$0" && exec "$@"',
    procs,
  ]
  try {
    await mkdir(dir)
    if (!existsSync(path.join(dir, usage)))
      throw new Error(`no ${usage}`)
    // Joining is what needs the rights (and, in cgroup v2, a group the kernel lets take processes): tried once, with a shell that exits at once.
    execFileSync(join[0]!, [
      ...join.slice(1),
      'true',
    ], { stdio: 'ignore' })
  }
  catch {
    await rmdir(dir).catch(() => {})
    return undefined
  }
  // What the trial join itself used, not the command's.
  const trial = toMs(await readFile(path.join(dir, usage), 'utf8'))
  const members = async (): Promise<number> => (await readFile(procs, 'utf8')).split('\n').filter(Boolean).length
  return {
    wrap: command => [
      ...join,
      ...command,
    ],
    usedMs: async () => {
      // Chromium's processes may outlive the command by a moment: their last CPU counts too.
      for (let waited = 0; await members() && waited < 5_000; waited += 50)
        await new Promise(resolve => setTimeout(resolve, 50))
      return toMs(await readFile(path.join(dir, usage), 'utf8')) - trial
    },
    remove: async () => {
      // An exited process may hold the group for a moment until it is reaped.
      for (let tries = 0; tries < 20; tries++) {
        try {
          return await rmdir(dir)
        }
        catch {
          await new Promise(resolve => setTimeout(resolve, 50))
        }
      }
    },
  }
}

/** Whether this process may count a command's CPU time in a control group (openCpuAccount). */
export async function canCountCpu(): Promise<boolean> {
  const account = await openCpuAccount('probe')
  await account?.remove()
  return account !== undefined
}
