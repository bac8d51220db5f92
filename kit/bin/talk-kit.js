#!/usr/bin/env node
// The `talk-kit` command. In an installed package it runs the JavaScript
// compiled when the kit was packed (dist/), since Node strips no types inside
// node_modules; in a checkout of the kit, the TypeScript sources themselves.
import { spawn } from 'node:child_process'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

const root = path.dirname(import.meta.dirname)
if (root.split(path.sep).includes('node_modules')) {
  await import(pathToFileURL(path.join(root, 'dist', 'cli', 'talk-kit.js')).href)
}
else {
  // Type stripping is on by default from Node 22.18; the flag turns it on for 22.12 to 22.17.
  const child = spawn(process.execPath, [
    '--experimental-strip-types',
    '--disable-warning=ExperimentalWarning',
    path.join(root, 'cli', 'talk-kit.ts'),
    ...process.argv.slice(2),
  ], { stdio: 'inherit' })
  // Ctrl-C reaches the command too, which stops its work and exits: wait for it.
  for (const stop of ['SIGINT', 'SIGTERM'])
    process.on(stop, () => {})
  child.on('exit', (code) => {
    process.exitCode = code ?? 1
  })
}
