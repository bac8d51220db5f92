import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { TYPESCRIPT_NODE_FLAGS } from './node-flags.ts'

// The kit's scripts run in two forms: as TypeScript in a checkout of the kit
// (Node strips the types), and as the JavaScript compiled when the package
// is packed (`prepack`), since Node strips no types inside node_modules.
// A script that starts another of the kit's modules by its file (a child
// process, a worker) names it in the form it runs in itself.

/** The kit's module `relative` to the module at `from` (its import.meta.url), in the form `from` runs in: .ts or .js. */
export function kitModule(from: string, relative: string): URL {
  return new URL(`${relative}${path.extname(fileURLToPath(from))}`, from)
}

/** How to run one of the kit's modules in a Node process of its own: Node, the type stripping a .ts file needs, the file. */
export function nodeCommand(file: string): string[] {
  return [
    process.execPath,
    ...(file.endsWith('.ts')
      ? TYPESCRIPT_NODE_FLAGS
      : []),
    file,
  ]
}

/** The folder of the kit's package.json: the kit's root, whichever form runs. */
export const KIT_ROOT = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')))
    dir = path.dirname(dir)
  return dir
})()
