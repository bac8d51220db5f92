import { renderSVG } from 'uqr'

/** The deck's address as a QR code, SVG markup drawn without the network (uqr), dark on white for print. */
export function qrCodeSvg(url: string): string {
  return renderSVG(url, { border: 2 })
}
