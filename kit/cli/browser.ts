import process from 'node:process'
import { resolveBrowser } from '../scripts/browser.ts'

// `npm run browser`: shows which browser the kit will use, installing Debian's
// chromium first when that is the only way (root with apt-get).
try {
  console.log(resolveBrowser())
}
catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
