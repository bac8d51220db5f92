import type { PDFObject } from '@pdfme/pdf-lib'
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from '@pdfme/pdf-lib'

// The checks of PDF/UA-1 (ISO 14289-1) that a machine can make, as the
// Matterhorn Protocol numbers its failure conditions, run on the structure
// tree and objects of a written PDF. Each failure reads "NN-NNN: what".

/** Structure types of ISO 32000-1 (Table 333 to 345): a role map must end in one of these. */
const STANDARD_TYPES = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'NonStruct',
  'Private',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Figure',
  'Formula',
  'Form',
])

interface Element {
  role: string
  dict: PDFDict
  children: Element[]
}

function str(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString)
    return value.decodeText()
  if (value instanceof PDFName)
    return value.decodeText()
  return undefined
}

function lookup(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef
    ? pdf.context.lookup(value)
    : value
}

/** The structure tree below the root, role-mapped, with its elements' dictionaries. */
function structureTree(pdf: PDFDocument, root: PDFDict): Element[] {
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict)
  const mapped = (role: string): string => {
    const seen = new Set<string>()
    let current = role
    while (roleMap?.get(PDFName.of(current)) && !seen.has(current)) {
      seen.add(current)
      current = str(roleMap.get(PDFName.of(current)))!
    }
    return current
  }
  const read = (value: PDFObject | undefined): Element[] => {
    const object = lookup(pdf, value)
    if (object instanceof PDFArray)
      return object.asArray().flatMap(read)
    if (!(object instanceof PDFDict) || !(object.get(PDFName.of('S')) instanceof PDFName))
      return []
    return [
      {
        role: mapped(str(object.get(PDFName.of('S')))!),
        dict: object,
        children: read(object.get(PDFName.of('K'))),
      },
    ]
  }
  return read(root.get(PDFName.of('K')))
}

function* walk(elements: Element[]): Generator<Element> {
  for (const element of elements) {
    yield element
    yield* walk(element.children)
  }
}

/** The attribute dictionaries of an element (its /A entry, one or an array of them). */
function attributes(pdf: PDFDocument, element: Element): PDFDict[] {
  const value = lookup(pdf, element.dict.get(PDFName.of('A')))
  const list = value instanceof PDFArray
    ? value.asArray()
    : value
      ? [value]
      : []
  return list.map(item => lookup(pdf, item)).filter((item): item is PDFDict => item instanceof PDFDict)
}

function xmpOf(pdf: PDFDocument): string | undefined {
  const stream = pdf.catalog.lookup(PDFName.of('Metadata'))
  return stream instanceof PDFRawStream
    ? new TextDecoder().decode(decodePDFRawStream(stream).decode())
    : undefined
}

/** The text of an XMP property, e.g. `dc:title` (its first rdf:li) or `pdfuaid:part`. */
export function xmpValue(xmp: string, property: string): string | undefined {
  const match = new RegExp(`<${property}(?:\\s[^>]*)?>([\\s\\S]*?)</${property}>`).exec(xmp)
  if (!match)
    return undefined
  const inner = match[1]!
  const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(inner)
  return (item ? item[1]! : inner).trim().replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')
}

function metadataFailures(pdf: PDFDocument): string[] {
  const failures: string[] = []
  const xmp = xmpOf(pdf)
  if (!xmp)
    return ['06-001: no XMP metadata stream in the catalog']
  if (xmpValue(xmp, 'pdfuaid:part') !== '1')
    failures.push('06-002: the XMP has no pdfuaid:part 1')
  const info = pdf.context.lookupMaybe(pdf.context.trailerInfo.Info, PDFDict)
  const infoText = (key: string): string | undefined => str(info?.get(PDFName.of(key)))
  const pairs: [string, string, string | undefined][] = [
    [
      'dc:title',
      'Title',
      infoText('Title'),
    ],
    [
      'dc:creator',
      'Author',
      infoText('Author'),
    ],
    [
      'dc:description',
      'Subject',
      infoText('Subject'),
    ],
    [
      'pdf:Keywords',
      'Keywords',
      infoText('Keywords'),
    ],
    [
      'pdf:Producer',
      'Producer',
      infoText('Producer'),
    ],
    [
      'xmp:CreatorTool',
      'Creator',
      infoText('Creator'),
    ],
  ]
  for (const [property, key, value] of pairs) {
    const fromXmp = xmpValue(xmp, property)
    // A deck without keywords has them in neither place.
    if (property === 'pdf:Keywords' && !fromXmp && !value)
      continue
    if (!fromXmp) {
      failures.push(`${property === 'dc:title'
        ? '06-003'
        : '06'}: the XMP has no ${property}`)
    }
    else if (fromXmp !== value) {
      failures.push(`the XMP's ${property} "${fromXmp}" is not the Info ${key} "${value}"`)
    }
  }
  if (!xmpValue(xmp, 'dc:language'))
    failures.push('the XMP has no dc:language')
  for (const [property, key] of [
    ['xmp:CreateDate', 'CreationDate'],
    ['xmp:ModifyDate', 'ModDate'],
  ] as const) {
    const pdfDate = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(infoText(key) ?? '')
    const xmpDate = xmpValue(xmp, property)
    if (!pdfDate || !xmpDate || Date.parse(xmpDate) !== Date.UTC(+pdfDate[1]!, +pdfDate[2]! - 1, +pdfDate[3]!, +pdfDate[4]!, +pdfDate[5]!, +pdfDate[6]!))
      failures.push(`the XMP's ${property} and the Info ${key} disagree`)
  }
  return failures
}

function catalogFailures(pdf: PDFDocument): string[] {
  const failures: string[] = []
  const { catalog } = pdf
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)
  if (markInfo?.get(PDFName.of('Marked')) !== PDFBool.True)
    failures.push('01: the catalog\'s MarkInfo does not say Marked true')
  if (markInfo?.get(PDFName.of('Suspects')) === PDFBool.True)
    failures.push('01-007: MarkInfo says Suspects true')
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
  const displayTitle = preferences?.get(PDFName.of('DisplayDocTitle'))
  if (displayTitle === undefined)
    failures.push('07-001: ViewerPreferences has no DisplayDocTitle')
  else if (displayTitle !== PDFBool.True)
    failures.push('07-002: DisplayDocTitle is false')
  if (!str(catalog.get(PDFName.of('Lang')))?.trim())
    failures.push('11-001: the catalog has no /Lang')
  for (const [index, page] of pdf.getPages().entries()) {
    if (page.node.get(PDFName.of('Tabs'))?.toString() !== '/S')
      failures.push(`28-008: page ${index + 1} has no /Tabs /S`)
  }
  return failures
}

function structureFailures(pdf: PDFDocument, tree: Element[], root: PDFDict): string[] {
  const failures: string[] = []
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict)
  for (const [key, value] of roleMap?.entries() ?? []) {
    const from = key.decodeText()
    if (STANDARD_TYPES.has(from))
      failures.push(`02-004: the standard type ${from} is remapped`)
    else if (!STANDARD_TYPES.has(str(value) ?? ''))
      failures.push(`02-001: ${from} does not map to a standard type`)
  }
  const headings: number[] = []
  for (const element of walk(tree)) {
    const { role } = element
    const alt = str(element.dict.get(PDFName.of('Alt')))?.trim() || str(element.dict.get(PDFName.of('ActualText')))?.trim()
    if (role === 'Figure' && !alt)
      failures.push('13-004: a Figure has no alternative text')
    if (role === 'Formula' && !alt)
      failures.push('17-002: a Formula has no alternative text')
    if (/^H[1-6]$/.test(role))
      headings.push(Number(role[1]))
    if (role === 'L') {
      const items = element.children.filter(child => child.role !== 'Caption')
      if (!items.length || items.some(child => child.role !== 'LI' && child.role !== 'L'))
        failures.push('09-005: a list holds something other than LI')
    }
    if (role === 'LI') {
      if (!element.children.length || element.children.some(child => child.role !== 'Lbl' && child.role !== 'LBody'))
        failures.push(`09-005: a list item holds ${element.children.map(child => child.role).join(', ') || 'nothing'}, not Lbl and LBody`)
    }
    if (role === 'Table') {
      const rows = element.children.filter(child => child.role !== 'Caption')
      const grouped = rows.every(child => ['THead', 'TBody', 'TFoot'].includes(child.role))
      if (!rows.every(child => child.role === 'TR') && !grouped)
        failures.push('09-004: a table holds something other than rows or row groups')
      const cells = [
        ...walk(rows),
      ].filter(child => child.role === 'TR').flatMap(row => row.children)
      if (cells.some(cell => cell.role !== 'TH' && cell.role !== 'TD'))
        failures.push('09-004: a table row holds something other than TH and TD')
    }
    if (role === 'TH' && !attributes(pdf, element).some(attribute => attribute.get(PDFName.of('Scope'))))
      failures.push('15-003: a TH has no Scope')
    if (role === 'Link' && !str(element.dict.get(PDFName.of('Alt')))?.trim())
      failures.push('28-012: a Link element has no alternative text')
  }
  if (headings.length && headings[0] !== 1)
    failures.push(`14-002: the first heading is H${headings[0]}, not H1`)
  for (let index = 1; index < headings.length; index++) {
    if (headings[index]! > headings[index - 1]! + 1)
      failures.push(`14-003: H${headings[index]} follows H${headings[index - 1]}`)
  }
  return failures
}

function annotationFailures(pdf: PDFDocument, tree: Element[]): string[] {
  const failures: string[] = []
  // Annotations a Link element holds, by their object reference.
  const linked = new Set<string>()
  for (const element of walk(tree)) {
    const kids = lookup(pdf, element.dict.get(PDFName.of('K')))
    for (const kid of kids instanceof PDFArray
      ? kids.asArray()
      : [kids]) {
      const reference = lookup(pdf, kid)
      if (reference instanceof PDFDict && str(reference.get(PDFName.of('Type'))) === 'OBJR') {
        const target = reference.get(PDFName.of('Obj'))
        if (element.role === 'Link')
          linked.add(String(target))
        else if (element.role !== 'Annot' && element.role !== 'Form')
          failures.push(`28-011: an annotation sits in a ${element.role}, not a Link or Annot`)
      }
    }
  }
  for (const [index, page] of pdf.getPages().entries()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []
    for (const ref of annotations) {
      const annotation = lookup(pdf, ref)
      if (!(annotation instanceof PDFDict))
        continue
      const subtype = str(annotation.get(PDFName.of('Subtype')))
      if (subtype === 'Link') {
        if (!linked.has(String(ref)))
          failures.push(`28-011: a link annotation on page ${index + 1} is not in a Link element`)
        if (!str(annotation.get(PDFName.of('Contents')))?.trim())
          failures.push(`28-012: a link annotation on page ${index + 1} has no Contents`)
      }
      else if (subtype !== 'Widget' && subtype !== 'PrinterMark' && subtype !== 'Popup') {
        failures.push(`28-002: a ${subtype} annotation on page ${index + 1}`)
      }
    }
  }
  return failures
}

function fontFailures(pdf: PDFDocument): string[] {
  const failures: string[] = []
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || str(object.get(PDFName.of('Type'))) !== 'Font')
      continue
    const subtype = str(object.get(PDFName.of('Subtype')))
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2')
      continue
    const name = str(object.get(PDFName.of('BaseFont'))) ?? subtype
    if (!object.get(PDFName.of('ToUnicode')))
      failures.push(`10-001: the font ${name} has no ToUnicode map`)
    if (subtype === 'Type3') {
      if (!object.get(PDFName.of('CharProcs')))
        failures.push(`31-001: the Type 3 font ${name} has no glyphs`)
      continue
    }
    const described = subtype === 'Type0'
      ? object.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict)
      : object
    const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)
    if (!['FontFile', 'FontFile2', 'FontFile3'].some(key => descriptor?.has(PDFName.of(key))))
      failures.push(`31-001: the font ${name} is not embedded`)
  }
  return failures
}

/** Everything in a PDF that fails a machine-checkable condition of PDF/UA-1; empty when it passes them all. */
export async function pdfUaFailures(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  const failures = [
    ...metadataFailures(pdf),
    ...catalogFailures(pdf),
    ...fontFailures(pdf),
  ]
  if (!root)
    return [...failures, '01: the document is not tagged (no StructTreeRoot)']
  const tree = structureTree(pdf, root)
  failures.push(...structureFailures(pdf, tree, root), ...annotationFailures(pdf, tree))
  // One line per kind of failure, with how often it occurs.
  const counts = new Map<string, number>()
  for (const failure of failures)
    counts.set(failure, (counts.get(failure) ?? 0) + 1)
  return [...counts].map(([failure, count]) => count > 1
    ? `${failure} (${count} times)`
    : failure)
}

/** The number of each kind of structure element, for reports. */
export async function structureRoles(bytes: Uint8Array): Promise<Record<string, number>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const roles: Record<string, number> = {}
  for (const element of walk(structureTree(pdf, root)))
    roles[element.role] = (roles[element.role] ?? 0) + 1
  return roles
}
