import { renderSVG } from 'uqr'

/**
 * The deck's address as a QR code: SVG markup drawn without the network
 * (uqr), dark on white for print, an image named by `label` so that a tagged
 * PDF gets a figure with alternative text.
 */
export function qrCodeSvg(url: string, label: string): string {
  return renderSVG(url, { border: 2 }).replace('<svg ', `<svg role="img" aria-label="${label.replace(/[&<>"]/g, char => `&#${char.charCodeAt(0)};`)}" `)
}
