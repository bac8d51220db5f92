import { stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'

// The test run exports the starter-style fixture inside a network namespace
// with no interface up (test/setup/export.ts), where this machine allows one.

describe.runIf(inject('starterOffline'))('with no network at all', () => {
  it('exports the slides PDF, the handout and the site', async () => {
    const { exportDir, siteDir } = inject('starter')
    for (const file of [
      path.join(exportDir, 'starter-slides.pdf'),
      path.join(exportDir, 'starter-handout.pdf'),
      path.join(siteDir, 'index.html'),
    ])
      expect((await stat(file)).size, file).toBeGreaterThan(1000)
  })
})
