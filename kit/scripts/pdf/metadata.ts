import type { PDFDocument } from '@pdfme/pdf-lib'
import type { DeckMeta } from '../deck.ts'
import { PDFDict, PDFHexString, PDFName, PDFString } from '@pdfme/pdf-lib'
import removeMarkdown from 'remove-markdown'

/** What the PDF says it was made with, in the Info dictionary and the XMP alike. */
export const CREATOR = 'Slidev, printed with Playwright and Chromium'
export const PRODUCER = 'Slidev talk kit (pdf-lib)'

/** The headmatter's abstract as one line of plain text, for the PDF subject. */
export function plainSubject(info: string): string {
  return removeMarkdown(info).replace(/\s+/g, ' ').trim()
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, char => `&#${char.charCodeAt(0)};`)
}

/** A PDF date, D:YYYYMMDDHHmmSSZ, and its XMP form, for the same instant. */
function dates(date: Date): { pdf: string, xmp: string } {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { pdf: `D:${iso.replace(/[-:T]/g, '').replace('Z', 'Z')}`, xmp: iso }
}

/**
 * The XMP packet PDF/UA-1 asks for (ISO 14289-1, 6.7.9; Matterhorn 06): the
 * title, presenter, abstract and language in Dublin Core, the keywords and
 * tools as in the Info dictionary, and the PDF/UA identifier.
 */
function xmpPacket(meta: DeckMeta, created: string): string {
  const keywords = meta.keywords.map(keyword => `<rdf:li>${xml(keyword)}</rdf:li>`).join('')
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
      xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
      xmlns:xmp="http://ns.adobe.com/xap/1.0/"
      xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(plainSubject(meta.info))}</rdf:li></rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
      ${meta.keywords.length
        ? `<dc:subject><rdf:Bag>${keywords}</rdf:Bag></dc:subject>
      <pdf:Keywords>${xml(meta.keywords.join(', '))}</pdf:Keywords>`
        : ''}
      <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>
      <xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>
      <xmp:CreateDate>${created}</xmp:CreateDate>
      <xmp:ModifyDate>${created}</xmp:ModifyDate>
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/**
 * Writes the document's metadata twice, in the Info dictionary and as XMP on
 * the catalog, from the same headmatter fields, so the two always agree.
 */
export function writeMetadata(pdf: PDFDocument, meta: DeckMeta, now = new Date()): void {
  const when = dates(now)
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setSubject(plainSubject(meta.info))
  // pdf-lib joins keywords with spaces, which would merge "data protection" with its neighbours.
  pdf.setKeywords([
    meta.keywords.join(', '),
  ])
  pdf.setCreator(CREATOR)
  pdf.setProducer(PRODUCER)
  pdf.setLanguage(meta.lang)
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict)
  info.set(PDFName.of('CreationDate'), PDFString.of(when.pdf))
  info.set(PDFName.of('ModDate'), PDFString.of(when.pdf))
  // The event and its date have no standard field; custom Info entries keep them with the file.
  if (meta.event)
    info.set(PDFName.of('Event'), PDFHexString.fromText(meta.event))
  if (meta.eventDate)
    info.set(PDFName.of('EventDate'), PDFHexString.fromText(meta.eventDate))

  const stream = pdf.context.stream(new TextEncoder().encode(xmpPacket(meta, when.xmp)), {
    Type: 'Metadata',
    Subtype: 'XML',
  })
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream))
}
