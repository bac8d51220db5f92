import setupMermaid from '@slidev/client/setup/mermaid.ts'
import { defineMermaidRendererSetup } from '@slidev/types'
import mermaid from 'mermaid/dist/mermaid.esm.mjs'

// Slidev's own renderer sets mermaid's one global configuration (the
// diagram's theme among it), then queues the drawing. Diagrams that render
// at the same time, as every slide of the print view does, are all drawn
// with the configuration set last: a diagram asked for in the neutral theme
// comes out in another one's. This renderer sets the configuration and
// draws one diagram at a time, each as its slide asks.
let previous: Promise<unknown> = Promise.resolve()
let drawn = 0

function withoutUndefined(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}

export default defineMermaidRendererSetup(() => (code, options) => {
  const drawing = previous.then(async () => {
    mermaid.initialize({
      startOnLoad: false,
      ...withoutUndefined(await setupMermaid() ?? {}),
      ...withoutUndefined(options),
    })
    // Drawn in Slidev's scratch container, which the print view waits to see empty.
    const { svg } = await mermaid.render(`talk-kit-mermaid-${++drawn}`, code, document.getElementById('mermaid-rendering-container') ?? undefined)
    return svg
  })
  previous = drawing.catch(() => {})
  return drawing
})
