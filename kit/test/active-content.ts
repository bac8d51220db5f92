import type { PDFObject } from 'pdf-lib'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFStream, PDFString } from 'pdf-lib'

// What in a PDF could act rather than show: scripts, actions other than
// following a link, embedded files, forms, multimedia. The PDF is read twice,
// by pdf-lib and by qpdf, into one plain form (qpdf's JSON: names `/Name`,
// strings `u:text`, references `12 0 R`, streams `{ stream: { dict } }`),
// and both readings are checked by the same rules, so the two readers must
// agree on what they found.

/** A PDF object in qpdf's JSON form. */
export type PlainObject = null | boolean | number | string | PlainObject[] | { [key: string]: PlainObject }

/**
 * Every indirect object of a PDF by its reference (`12 0 R`). The trailer is
 * left out: it only points at the catalog and the document information,
 * which are objects of their own.
 */
export type PlainPdf = Map<string, PlainObject>

const run = promisify(execFile)

function plain(object: PDFObject): PlainObject {
  if (object instanceof PDFName)
    return object.asString()
  if (object instanceof PDFString || object instanceof PDFHexString)
    return `u:${object.decodeText()}`
  if (object instanceof PDFNumber)
    return object.asNumber()
  if (object instanceof PDFBool)
    return object.asBoolean()
  if (object instanceof PDFRef)
    return object.toString()
  if (object instanceof PDFArray)
    return object.asArray().map(plain)
  if (object instanceof PDFDict) {
    return Object.fromEntries(object.entries().map(([key, value]) => [
      key.asString(),
      plain(value),
    ]))
  }
  if (object instanceof PDFStream) {
    return {
      stream: {
        dict: plain(object.dict),
      },
    }
  }
  if (object === PDFNull)
    return null
  throw new Error(`pdf-lib read an object the walk does not know: ${object.constructor.name}`)
}

/** Every object of a PDF as pdf-lib reads it. */
export async function readWithPdfLib(bytes: Uint8Array): Promise<PlainPdf> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  return new Map(pdf.context.enumerateIndirectObjects().map(([ref, object]) => [
    ref.toString(),
    plain(object),
  ]))
}

/** Every object of a PDF as qpdf reads it (`qpdf --json`). */
export async function readWithQpdf(file: string): Promise<PlainPdf> {
  const { stdout } = await run('qpdf', ['--json=2', '--json-key=qpdf', file], { maxBuffer: 512 * 1024 * 1024 })
  const [, objects] = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: PlainObject, stream?: PlainObject }>] }).qpdf
  return new Map(Object.entries(objects)
    .filter(([key]) => key.startsWith('obj:'))
    .map(([key, entry]) => [
      key.slice('obj:'.length),
      entry.stream
        ? { stream: entry.stream }
        : entry.value ?? null,
    ]))
}

// Every action type of PDF 2.0 (ISO 32000-2, 12.6.4). Only two of them
// leave the reader where it is or open a web page: following a link inside
// the document, and a URI. The structure types of a tagged PDF, which sit
// under the same /S key, share no name with these.
const ACTION_TYPES = new Set([
  '/GoTo',
  '/GoToR',
  '/GoToE',
  '/GoToDp',
  '/Launch',
  '/Thread',
  '/URI',
  '/Sound',
  '/Movie',
  '/Hide',
  '/Named',
  '/SubmitForm',
  '/ResetForm',
  '/ImportData',
  '/JavaScript',
  '/SetOCGState',
  '/Rendition',
  '/Trans',
  '/GoTo3DView',
  '/RichMediaExecute',
])
const PASSIVE_ACTIONS = new Set(['/GoTo', '/URI'])
// Annotations that play, attach or run something; widgets are form fields.
const ACTIVE_ANNOTATIONS = new Set([
  '/FileAttachment',
  '/Sound',
  '/Movie',
  '/Screen',
  '/RichMedia',
  '/3D',
  '/Widget',
])
// Keys that hold scripts, event-triggered actions, embedded files or forms, wherever they appear.
const ACTIVE_KEYS: Record<string, string> = {
  '/JS': 'a script',
  '/JavaScript': 'document scripts',
  '/AA': 'actions run on events',
  '/EmbeddedFiles': 'embedded files',
  '/EF': 'an embedded file',
  '/AcroForm': 'a form',
  '/XFA': 'an XFA form',
}
const ACTIVE_TYPES: Record<string, string> = {
  '/EmbeddedFile': 'an embedded file',
  '/Filespec': 'a file specification',
}

const HTTP = /^u:https?:\/\//i

export interface ActiveContent {
  /** What could act, one line each, naming the object it is in. */
  found: string[]
  /** Where each link annotation leads: its http(s) address, or `(inside the document)`. */
  links: string[]
}

/** What could act in a PDF read into plain objects, and where its links lead. */
export function activeContent(pdf: PlainPdf): ActiveContent {
  const found: string[] = []
  const links: string[] = []
  const resolve = (object: PlainObject | undefined): PlainObject | undefined =>
    typeof object === 'string' && /^\d+ \d+ R$/.test(object)
      ? pdf.get(object)
      : object
  const isDict = (object: PlainObject | undefined): object is Record<string, PlainObject> =>
    !!object && typeof object === 'object' && !Array.isArray(object)

  /** Where a link annotation leads, or undefined when it is no plain link. */
  function linkTarget(annotation: Record<string, PlainObject>): string | undefined {
    if (annotation['/Dest'] !== undefined)
      return '(inside the document)'
    const action = resolve(annotation['/A'])
    if (!isDict(action))
      return undefined
    if (action['/S'] === '/GoTo')
      return '(inside the document)'
    const uri = resolve(action['/URI'])
    return action['/S'] === '/URI' && typeof uri === 'string' && HTTP.test(uri)
      ? uri.slice(2)
      : undefined
  }

  function walk(object: PlainObject, where: string): void {
    if (Array.isArray(object)) {
      object.forEach(item => walk(item, where))
      return
    }
    if (!isDict(object))
      return
    for (const [key, what] of Object.entries(ACTIVE_KEYS)) {
      if (key in object)
        found.push(`${what} (${key}) in ${where}`)
    }
    const type = object['/Type']
    if (typeof type === 'string' && type in ACTIVE_TYPES)
      found.push(`${ACTIVE_TYPES[type]} in ${where}`)
    const action = object['/S']
    if (typeof action === 'string' && ACTION_TYPES.has(action)) {
      const uri = resolve(object['/URI'])
      if (!PASSIVE_ACTIONS.has(action))
        found.push(`a ${action.slice(1)} action in ${where}`)
      else if (action === '/URI' && !(typeof uri === 'string' && HTTP.test(uri)))
        found.push(`a link to ${String(uri)} in ${where}`)
    }
    const subtype = object['/Subtype']
    if (typeof subtype === 'string' && ACTIVE_ANNOTATIONS.has(subtype) && (type === '/Annot' || type === undefined) && '/Rect' in object)
      found.push(`a ${subtype.slice(1)} annotation in ${where}`)
    if (subtype === '/Link' && '/Rect' in object) {
      const target = linkTarget(object)
      if (target)
        links.push(target)
      else
        found.push(`a link annotation that leads neither to a web address nor inside the document in ${where}`)
    }
    for (const value of Object.values(object))
      walk(value, where)
  }

  for (const [ref, object] of pdf)
    walk(object, ref)
  return {
    found,
    links: links.sort(),
  }
}
