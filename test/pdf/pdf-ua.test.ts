import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { decodePDFRawStream, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from '@pdfme/pdf-lib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sources, titleOf } from '../../data/sources.ts'
import { PDF_KINDS, pdfFileName } from '../../kit/outputs.ts'
import { resolveBrowser } from '../../kit/scripts/browser.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { plainSubject } from '../../kit/scripts/pdf/metadata.ts'
import { pdfUaFailures, xmpValue } from '../../kit/test/pdf-ua.ts'

// Every PDF the export writes, read back three ways: the PDF/UA-1 checks a
// machine can make on its objects and structure tree (test/pdf-ua.ts, after
// the Matterhorn Protocol), poppler's pdffonts, and qpdf's own check. The
// checks fail a plain `slidev export`, so they are not empty.

const run = promisify(execFile)
const starter = inject('starter')
const starterDeck = await loadDeck(starter.entry)
const editions = await Promise.all(inject('editions').map(async edition => ({ ...edition, deck: await loadDeck(edition.entry) })))
const written = [
  ...editions.flatMap(({ lang, pdfs, deck }) => PDF_KINDS.map(kind => ({ name: `the talk's ${kind} PDF (${lang})`, file: pdfs[kind], deck }))),
  ...PDF_KINDS.map(kind => ({
    name: `the starter's ${kind} PDF`,
    file: path.join(starter.exportDir, pdfFileName(starterDeck.meta.exportFilename, kind)),
    deck: starterDeck,
  })),
]

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined
}

describe.each(written)('$name', ({ file, deck }) => {
  let bytes: Uint8Array

  beforeAll(async () => {
    bytes = new Uint8Array(await readFile(file))
  })

  it('passes every PDF/UA-1 check a machine can make', async () => {
    expect(await pdfUaFailures(bytes)).toEqual([])
  })

  it('says in its XMP what its headmatter says, and that it is PDF/UA-1', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'))
    expect(metadata).toBeInstanceOf(PDFRawStream)
    const xmp = new TextDecoder().decode(decodePDFRawStream(metadata as PDFRawStream).decode())
    expect(xmpValue(xmp, 'dc:title')).toBe(deck.meta.title)
    expect(xmpValue(xmp, 'dc:creator')).toBe(deck.meta.author)
    expect(xmpValue(xmp, 'dc:description')).toBe(plainSubject(deck.meta.info))
    expect(xmpValue(xmp, 'dc:language')).toBe(deck.meta.lang)
    expect(xmpValue(xmp, 'pdfuaid:part')).toBe('1')
  })

  it('has every font embedded with a Unicode map, as poppler reads it', async () => {
    const { stdout } = await run('pdffonts', [file])
    const fonts = stdout.trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) {
      // The last columns: emb sub uni object-number generation.
      const [emb, , uni] = line.trim().split(/\s+/).slice(-5)
      expect([emb, uni], line).toEqual(['yes', 'yes'])
    }
  })

  it('is a well-formed PDF to qpdf', async () => {
    const { stdout } = await run('qpdf', ['--check', file])
    expect(stdout).toContain('No syntax or stream encoding errors found')
  })
})

describe('the talk\'s slides PDF, tag by tag', () => {
  let pdf: PDFDocument
  let elements: PDFDict[]

  beforeAll(async () => {
    pdf = await PDFDocument.load(await readFile(inject('pdfs').slides), { updateMetadata: false })
    elements = pdf.context.enumerateIndirectObjects().map(([, object]) => object).filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type'))?.toString() === '/StructElem')
  })

  const ofRole = (role: string): PDFDict[] => elements.filter(element => element.get(PDFName.of('S'))?.toString() === `/${role}`)

  it('describes each diagram in its Figure\'s alternative text', () => {
    const alts = ofRole('Figure').map(figure => text(figure.get(PDFName.of('Alt'))) ?? '')
    expect(alts.length).toBeGreaterThan(0)
    expect(alts.some(alt => alt.startsWith('Who gives and gets what'))).toBe(true)
    expect(alts.some(alt => alt.includes('over 600'))).toBe(true)
  })

  it('names each source marker\'s link by the source\'s title', () => {
    const alts = new Set(ofRole('Link').map(link => text(link.get(PDFName.of('Alt')))))
    const cited = new Set(Object.values(inject('citations')).flat())
    for (const source of sources.filter(item => cited.has(item.id)))
      expect(alts, source.id).toContain(titleOf(source).text)
  })

  it('marks the German quotes as German', () => {
    const german = elements.filter(element => text(element.get(PDFName.of('Lang'))) === 'de')
    expect(german.length).toBeGreaterThan(0)
  })
})

describe('a PDF from plain `slidev export`', () => {
  let dir: string
  let failures: string[]

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talk-plain-'))
    const output = path.join(dir, 'plain.pdf')
    await run(process.execPath, [
      path.resolve('node_modules/@slidev/cli/bin/slidev.mjs'),
      'export',
      '--executable-path',
      resolveBrowser(),
      '--output',
      output,
      'kit/test/fixtures/plain/slides.md',
    ], { timeout: 180_000 })
    failures = await pdfUaFailures(new Uint8Array(await readFile(output)))
  }, 200_000)

  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('fails the checks: untagged, no XMP, no language', () => {
    expect(failures).toContain('01: the document is not tagged (no StructTreeRoot)')
    expect(failures).toContain('06-001: no XMP metadata stream in the catalog')
    expect(failures).toContain('11-001: the catalog has no /Lang')
  })
})
