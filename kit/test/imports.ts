import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

// The import graph of a folder's code as the files spell it: static, type
// and dynamic imports and re-exports (TypeScript's own pre-processor reads
// them), Vite's import.meta.glob patterns, and CSS @import. Relative
// specifiers resolve to files; package names stay as they are written.

const CODE = /\.(?:[cm]?[jt]s|vue|css)$/
const GLOB = /import\.meta\.glob(?:<[^>]*>)?\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g
const CSS_IMPORT = /@import\s+(?:url\(\s*)?['"]([^'"]+)['"]/g
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g

export interface ImportEdge {
  /** The importing file, absolute. */
  from: string
  /** As written in the file. */
  specifier: string
  /** The file or folder a relative specifier names (a glob's fixed part), absolute; undefined for a package. */
  target?: string
}

/**
 * Every code file under `root` that git tracks or would track: what
 * .gitignore keeps out (dependencies, build outputs, the staging folder of
 * an export running beside the tests) is no code of the repository.
 */
export function codeFiles(root: string): string[] {
  const listed = execFileSync('git', [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
  ], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return listed.split('\0')
    .filter(file => CODE.test(file))
    .map(file => path.join(root, file))
    // A tracked file deleted in the working tree is gone from the code too.
    .filter(file => existsSync(file))
}

function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  if (file.endsWith('.css')) {
    return [
      ...text.matchAll(CSS_IMPORT),
    ].map(match => match[1]!)
  }
  const code = file.endsWith('.vue')
    ? [
        ...text.matchAll(SCRIPT),
      ].map(match => match[1]!).join('\n')
    : text
  const { importedFiles } = ts.preProcessFile(code, true, true)
  const globs = [
    ...code.matchAll(GLOB),
  ].flatMap(match => [
    ...match[1]!.matchAll(/['"]([^'"]+)['"]/g),
  ].map(inner => inner[1]!))
  return [
    ...importedFiles.map(imported => imported.fileName),
    ...globs,
  ]
}

/** Each import of each file, relative ones resolved. */
export function importsOf(files: string[]): ImportEdge[] {
  return files.flatMap(from => specifiersOf(from).map((specifier) => {
    if (!specifier.startsWith('.'))
      return { from, specifier }
    // A glob names its files by a pattern: its fixed folder is what it reaches into.
    const fixed = specifier.split('/').filter((_, index, parts) => !parts.slice(0, index + 1).some(part => /[*{}[\]]/.test(part))).join('/')
    return {
      from,
      specifier,
      target: path.resolve(path.dirname(from), fixed),
    }
  }))
}

/** The files that import each other in a loop, each loop once (Tarjan's strongly connected components). */
export function importCircles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>()
  for (const { from, target } of edges) {
    if (target)
      next.set(from, (next.get(from) ?? new Set()).add(target))
  }
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  const visit = (file: string): void => {
    index.set(file, index.size)
    low.set(file, index.get(file)!)
    stack.push(file)
    onStack.add(file)
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      }
      else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!))
      }
    }
    if (low.get(file) === index.get(file)) {
      const circle: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        circle.push(member)
      } while (member !== file)
      if (circle.length > 1 || next.get(file)?.has(file))
        circles.push(circle.reverse())
    }
  }
  for (const file of next.keys()) {
    if (!index.has(file))
      visit(file)
  }
  return circles
}
