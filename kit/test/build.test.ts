import { describe, expect, it } from 'vitest'
import { findSlidevBuildCommand } from '../scripts/slidev-command.ts'

// The export builds every edition in one process with Slidev's own build
// command (scripts/slidev-build.ts). Slidev does not export it; when a
// release moves it, the export still works, one CLI run an edition, but
// slower: this says so at once.
describe('the build command of the installed Slidev', () => {
  it('is found where the installed CLI imports it from', async () => {
    const command = await findSlidevBuildCommand()
    expect(command?.build).toBeTypeOf('function')
    expect(command?.loadSetups).toBeTypeOf('function')
    expect(command!.build.name).toBe('build')
    expect(command!.loadSetups.name).toBe('loadSetups')
  })
})
