import type { PrintedSlides } from './check.ts'
import process from 'node:process'
import { parentPort } from 'node:worker_threads'
import { checkPdf } from './check.ts'

/** A PDF to check, as the export sends it. */
export interface CheckRequest {
  id: number
  bytes: Uint8Array
  printed: PrintedSlides
}

// Node 22.19 and later measure a thread's own CPU time; before, the check's wall time stands for it.
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.()
  return usage && (usage.user + usage.system) / 1000
}

// One PDF at a time, in the order they were printed.
let queue = Promise.resolve()
parentPort!.on('message', ({ id, bytes, printed }: CheckRequest) => {
  queue = queue.then(async () => {
    const cpuBefore = threadCpuMs()
    try {
      const result = await checkPdf(bytes, printed)
      const cpuAfter = threadCpuMs()
      parentPort!.postMessage({
        id,
        result: {
          ...result,
          pdfMs: cpuBefore === undefined || cpuAfter === undefined
            ? result.pdfMs
            : cpuAfter - cpuBefore,
        },
      })
    }
    catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).message })
    }
  })
})
