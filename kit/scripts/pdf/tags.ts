import type { PDFDocument, PDFObject } from '@pdfme/pdf-lib'
import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from '@pdfme/pdf-lib'

/** What each link on the printed page says: its address (or `#name` for a jump inside the document) → a description. */
export type LinkDescriptions = Record<string, string>

const S = PDFName.of('S')
const K = PDFName.of('K')
const P = PDFName.of('P')

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : value instanceof PDFName
      ? value.decodeText()
      : undefined
}

/** Every structure element of the document, with its role. */
function structElements(pdf: PDFDocument): { ref: PDFRef, element: PDFDict, role: string }[] {
  return pdf.context.enumerateIndirectObjects().flatMap(([ref, object]) =>
    object instanceof PDFDict && object.get(S) instanceof PDFName && object.get(PDFName.of('Type'))?.toString() !== '/OBJR'
      ? [
          {
            ref,
            element: object,
            role: object.get(S)!.toString(),
          },
        ]
      : [])
}

function kidsOf(element: PDFDict): PDFObject[] {
  const kids = element.get(K)
  return kids instanceof PDFArray
    ? kids.asArray()
    : kids
      ? [kids]
      : []
}

/** The address a link annotation opens, or `#name` for a jump to a named place in the document. */
function linkTarget(pdf: PDFDocument, annotation: PDFDict): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict)
  const uri = text(action?.lookup(PDFName.of('URI')))
  if (uri)
    return uri
  const dest = action?.lookup(PDFName.of('D')) ?? annotation.lookup(PDFName.of('Dest'))
  const name = text(dest)
  return name
    ? `#${name}`
    : undefined
}

/**
 * Gives every link an alternative description (PDF/UA-1 7.18.5; Matterhorn
 * 28-012): the annotation's Contents and its Link structure element's Alt,
 * from what the link said on the page. Chromium tags links as Link elements
 * around their annotations but describes neither.
 */
function describeLinks(pdf: PDFDocument, elements: ReturnType<typeof structElements>, descriptions: LinkDescriptions): void {
  for (const { element } of elements.filter(item => item.role === '/Link')) {
    const references = kidsOf(element)
      .map(kid => kid instanceof PDFRef
        ? pdf.context.lookup(kid)
        : kid)
      .filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.get(PDFName.of('Type'))?.toString() === '/OBJR')
    // Chromium leaves out the annotation of a link too small to click (a
    // source list in a thumbnail); what is left is text, not a link.
    if (!references.length)
      element.set(S, PDFName.of('Span'))
    for (const reference of references) {
      const annotation = reference.lookup(PDFName.of('Obj'), PDFDict)
      const target = linkTarget(pdf, annotation)
      const description = (target && descriptions[target]) || target
      if (!description)
        continue
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description))
      element.set(PDFName.of('Alt'), PDFHexString.fromText(description))
    }
  }
}

/**
 * Puts a list item's body in an LBody (PDF/UA-1 7.6; ISO 32000-1 Table 336;
 * Matterhorn 09-005): Chromium tags an item as its label and then the body's
 * parts straight under LI.
 */
function wrapListBodies(pdf: PDFDocument, elements: ReturnType<typeof structElements>): void {
  for (const { ref, element } of elements.filter(item => item.role === '/LI')) {
    const kids = kidsOf(element)
    const isLabel = (kid: PDFObject): boolean => kid instanceof PDFRef && pdf.context.lookup(kid, PDFDict).get(S)?.toString() === '/Lbl'
    const body = kids.filter(kid => !isLabel(kid))
    // Marked content straight under LI belongs to it in the page's parent tree; only elements move.
    if (!body.length || !body.every(kid => kid instanceof PDFRef) || (body.length === 1 && pdf.context.lookup(body[0]!, PDFDict).get(S)?.toString() === '/LBody'))
      continue
    const lbody = pdf.context.obj({
      Type: 'StructElem',
      S: 'LBody',
      P: ref,
      K: body,
    }) as PDFDict
    const lbodyRef = pdf.context.register(lbody)
    for (const kid of body)
      pdf.context.lookup(kid as PDFRef, PDFDict).set(P, lbodyRef)
    element.set(K, pdf.context.obj([
      ...kids.filter(isLabel),
      lbodyRef,
    ]))
  }
}

/**
 * Completes Chromium's tagged PDF for PDF/UA-1: every page orders its
 * annotations by structure (`/Tabs /S`), the document says it is tagged and
 * has no suspect tags, links are described and list items have bodies.
 */
export function completeTags(pdf: PDFDocument, descriptions: LinkDescriptions): void {
  for (const page of pdf.getPages())
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
  // Suspects is left out: absent means false, and poppler reports an explicit false as an error.
  pdf.catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: PDFBool.True }))
  const elements = structElements(pdf)
  describeLinks(pdf, elements, descriptions)
  wrapListBodies(pdf, elements)
}
