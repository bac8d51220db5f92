// Checks and finishes the PDFs in a thread of its own (scripts/pdf/finisher.ts):
// reading a PDF back, tagging and saving it take a second of work an
// edition, which on the export's main thread would hold up the browser it
// drives while it prints the next PDF.
import type { FinishJob, FinishReply } from './finisher.ts'
import { parentPort } from 'node:worker_threads'
import { enableCompileCache } from '../cache.ts'

// pdf-lib and the page check load after this, compiled as they were the last time.
enableCompileCache()
const loaded = Promise.all([
  import('../check/check.ts'),
  import('./finish.ts'),
])

/** An error as it crosses to the main thread: its message says what went wrong, and where. */
function reason(error: unknown): Error {
  return error instanceof Error
    ? error
    : new Error(String(error))
}

parentPort!.on('message', async ({ id, bytes, shown, meta, options }: FinishJob) => {
  const reply: FinishReply = { id }
  try {
    const [{ checkPdf }, { finishPdf, loadPrintedPdf }] = await loaded
    // Loaded once: checked against what the browser showed, then finished (which changes it).
    const pdf = await loadPrintedPdf(bytes)
    try {
      reply.check = checkPdf(pdf, shown)
    }
    catch (error) {
      reply.checkError = reason(error)
    }
    reply.bytes = await finishPdf(pdf, meta, options)
  }
  catch (error) {
    reply.finishError = reason(error)
  }
  parentPort!.postMessage(reply, reply.bytes
    ? [reply.bytes.buffer as ArrayBuffer]
    : [])
})
