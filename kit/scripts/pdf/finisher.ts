import type { PdfCheck, PrintedSlides } from '../check/check.ts'
import type { DeckMeta } from '../deck.ts'
import type { FinishOptions } from './finish.ts'
import process from 'node:process'
import { Worker } from 'node:worker_threads'
import { TYPESCRIPT_NODE_FLAGS } from '../node-flags.ts'
import { kitModule } from '../runtime.ts'

/** A printed PDF to check against what the browser showed, and to finish. */
export interface FinishJob {
  id: number
  bytes: Uint8Array
  shown: PrintedSlides
  meta: DeckMeta
  options: FinishOptions
}

export interface FinishReply {
  id: number
  check?: PdfCheck
  checkError?: Error
  bytes?: Uint8Array
  finishError?: Error
}

/** A PDF's check and its finished bytes, each settled on its own. */
export interface FinishedPdf {
  check: Promise<PdfCheck>
  bytes: Promise<Uint8Array>
}

/**
 * Checks and finishes printed PDFs in a worker thread
 * (scripts/pdf/finish-worker.ts), one after the other, while the main thread
 * goes on driving the browser. Started early, it loads its libraries while
 * the sites build.
 */
export class PdfFinisher {
  private readonly worker: Worker
  private readonly pending = new Map<number, (reply: FinishReply) => void>()
  private nextId = 0

  constructor() {
    this.worker = new Worker(kitModule(import.meta.url, './finish-worker'), {
      // Also where the type stripping is not Node's default (22.12 to 22.17).
      execArgv: [
        ...new Set([
          ...process.execArgv,
          ...TYPESCRIPT_NODE_FLAGS,
        ]),
      ],
    })
    this.worker.on('message', (reply: FinishReply) => {
      this.pending.get(reply.id)?.(reply)
      this.pending.delete(reply.id)
    })
    // A worker that failed to start or crashed fails every PDF still in it.
    this.worker.on('error', (error: Error) => {
      for (const settle of this.pending.values())
        settle({ id: -1, checkError: error, finishError: error })
      this.pending.clear()
    })
  }

  finish(bytes: Uint8Array, shown: PrintedSlides, meta: DeckMeta, options: FinishOptions): FinishedPdf {
    const id = this.nextId++
    const reply = new Promise<FinishReply>(resolve => this.pending.set(id, resolve))
    this.worker.postMessage({ id, bytes, shown, meta, options } satisfies FinishJob)
    const check = reply.then(({ check, checkError, finishError }) => check ?? Promise.reject(checkError ?? finishError))
    const finished = reply.then(({ bytes, finishError }) => bytes ?? Promise.reject(finishError))
    check.catch(() => {})
    finished.catch(() => {})
    return { check, bytes: finished }
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}
