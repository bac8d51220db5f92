import type { PdfCheck, PrintedSlides } from './check.ts'
import type { CheckRequest } from './worker.ts'
import { Worker } from 'node:worker_threads'
import { TYPESCRIPT_NODE_FLAGS } from '../node-flags.ts'

export interface PageChecker {
  /** Checks a printed PDF against what the browser showed, off the export's own thread. */
  check: (bytes: Uint8Array, printed: PrintedSlides) => Promise<PdfCheck>
  close: () => Promise<void>
}

/**
 * Starts the thread that checks the PDFs: reading a PDF back takes a
 * fraction of a second of work each, done while the browser prints the next
 * and the export finishes the last, without holding up either.
 */
export function startPageChecker(): PageChecker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    execArgv: TYPESCRIPT_NODE_FLAGS,
  })
  const pending = new Map<number, { resolve: (check: PdfCheck) => void, reject: (error: Error) => void }>()
  let next = 0
  worker.on('message', ({ id, result, error }: { id: number, result?: PdfCheck, error?: string }) => {
    const waiting = pending.get(id)
    pending.delete(id)
    if (error === undefined)
      waiting?.resolve(result!)
    else
      waiting?.reject(new Error(error))
  })
  const failAll = (error: Error): void => {
    for (const waiting of pending.values())
      waiting.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', code => failAll(new Error(`the page check stopped (exit code ${code})`)))
  return {
    check: (bytes, printed) => new Promise((resolve, reject) => {
      const id = next++
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, bytes, printed } satisfies CheckRequest)
    }),
    close: async () => {
      await worker.terminate()
    },
  }
}
