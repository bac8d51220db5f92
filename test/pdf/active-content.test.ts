import type { PDFDict, PDFRef } from 'pdf-lib'
import type { ActiveContent } from '../../kit/test/active-content.ts'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { PDF_KINDS, pdfFileName } from '../../kit/outputs.ts'
import { activeContent, readWithPdfLib, readWithQpdf } from '../../kit/test/active-content.ts'

// A PDF the kit writes shows and links, and does nothing else: no script, no
// action but following a link, no embedded file, no form, nothing that plays.
// Every PDF of every export the test run made is read with pdf-lib and with
// qpdf, and both readings must say the same.

const starter = inject('starter')
const exportDirs = [
  inject('exportDir'),
  starter.exportDir,
]
const files = (await Promise.all(exportDirs.map(async dir =>
  (await readdir(dir)).filter(name => name.endsWith('.pdf')).map(name => path.join(dir, name))))).flat()

/** What pdf-lib and qpdf each find in a PDF on disk. */
async function bothReadings(file: string): Promise<{ pdfLib: ActiveContent, qpdf: ActiveContent }> {
  return {
    pdfLib: activeContent(await readWithPdfLib(await readFile(file))),
    qpdf: activeContent(await readWithQpdf(file)),
  }
}

describe('the PDFs of the test run\'s exports', () => {
  it('are every kind, of the talk and of the starter fixture', () => {
    const expected = [
      ...Object.values(inject('pdfs')),
      ...PDF_KINDS.map(kind => path.join(starter.exportDir, pdfFileName('starter', kind))),
    ]
    expect(files).toEqual(expect.arrayContaining(expected))
  })

  it.each(files.map(file => [
    path.basename(file),
    file,
  ]))('%s carries nothing active, and its links lead to web pages or inside it', async (_name, file) => {
    const { pdfLib, qpdf } = await bothReadings(file)
    expect(pdfLib.found, 'what pdf-lib found').toEqual([])
    expect(qpdf.found, 'what qpdf found').toEqual([])
    expect(pdfLib.links.length, 'links').toBeGreaterThan(0)
    expect(qpdf.links, 'the links qpdf reads are those pdf-lib reads').toEqual(pdfLib.links)
  })
})

describe('the check itself', () => {
  let dir: string

  afterAll(() => dir && rm(dir, { recursive: true, force: true }))

  it('finds scripts, launch and submit actions, embedded files, forms and links to other schemes, with both readers', async () => {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage()
    const { context } = pdf
    pdf.addJavaScript('greeting', 'app.alert("hello")')
    await pdf.attach(new TextEncoder().encode('attached'), 'attached.txt', { mimeType: 'text/plain' })
    pdf.getForm().createTextField('name').addToPage(page)
    const link = (action: PDFDict): PDFRef => context.register(context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 10, 10],
      A: action,
    }))
    page.node.set(PDFName.of('Annots'), context.obj([
      ...page.node.Annots()?.asArray() ?? [],
      link(context.obj({
        S: 'URI',
        URI: PDFString.of('javascript:app.alert(1)'),
      })),
      link(context.obj({
        S: 'Launch',
        F: PDFString.of('calc.exe'),
      })),
      link(context.obj({
        S: 'SubmitForm',
        F: PDFString.of('https://example.org/collect'),
      })),
      link(context.obj({
        S: 'URI',
        URI: PDFString.of('https://example.org/'),
      })),
    ]))
    dir = await mkdtemp(path.join(tmpdir(), 'talk-active-'))
    const file = path.join(dir, 'active.pdf')
    await writeFile(file, await pdf.save())

    const { pdfLib, qpdf } = await bothReadings(file)
    const kinds = (found: string[]): string[] => [
      ...new Set(found.map(line => line.replace(/ in \d+ \d+ R$/, ''))),
    ].sort()
    expect(kinds(pdfLib.found)).toEqual([
      'a JavaScript action',
      'a Launch action',
      'a SubmitForm action',
      'a Widget annotation',
      'a file specification',
      'a form (/AcroForm)',
      'a link annotation that leads neither to a web address nor inside the document',
      'a link to u:javascript:app.alert(1)',
      'a script (/JS)',
      'an embedded file',
      'an embedded file (/EF)',
      'document scripts (/JavaScript)',
      'embedded files (/EmbeddedFiles)',
    ])
    expect(kinds(qpdf.found)).toEqual(kinds(pdfLib.found))
    expect(pdfLib.links).toEqual(['https://example.org/'])
    expect(qpdf.links).toEqual(pdfLib.links)
  })
})
