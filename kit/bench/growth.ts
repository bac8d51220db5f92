import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

// What one generated slide shows, by its place in a cycle: the kinds of
// slide a talk is made of, each with speaker notes, as the kit asks.
const SLIDE_KINDS = [
  (no: number) => `---
layout: section
---

# Part ${no}

<!--
[About a minute for this part.] What part ${no} is about, and why it comes here.
-->`,
  (no: number) => `---

# Slide ${no}: a list

- The first point of slide ${no}, with **bold** and *emphasis*
- A second point, which runs on a little longer than the first one does
- A third, with \`inline code\` and a [link](https://example.org/${no})

<!--
Walk through the three points of slide ${no}, the last one briefly.
-->`,
  (no: number) => `---
layout: two-cols
---

# Slide ${no}: two columns

A paragraph on the left, long enough to wrap over a few lines of the
column, as a slide's body text does.

::right::

| Year | Figure |
| --- | --- |
| 2019 | ${no * 3} |
| 2020 | ${no * 4} |

<!--
Compare the two columns of slide ${no}: the text, then the table.
-->`,
  (no: number) => `---

# Slide ${no}: code

\`\`\`ts
export function slide${no}(count: number): string {
  return \`slide ${no} of \${count}\`
}
\`\`\`

<!--
Read the function on slide ${no} aloud, line by line.
-->`,
  (no: number) => `---
layout: center
---

# Slide ${no}: a statement

> A short quotation on slide ${no}, set apart from the rest.

<!--
Pause after the quotation on slide ${no}.
-->`,
]

/**
 * Writes a deck of `slides` slides into `dir` (inside the project, so that
 * Slidev and the kit resolve from its node_modules): a cycle of sections,
 * lists, columns with a table, code and statements, every slide with notes.
 * Returns its entry.
 */
export async function generateDeck(dir: string, slides: number, favicon: string): Promise<string> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(path.join(dir, 'public'), { recursive: true })
  await writeFile(path.join(dir, 'public', 'favicon.svg'), favicon)
  const headmatter = `---
theme: default
addons:
  - talk-kit
title: A generated deck of ${slides} slides
author: Bench Presenter
event: Bench Event
eventDate: 2026-12-01
exportFilename: generated
fonts:
  provider: none
favicon: /favicon.svg
---

# A generated deck of ${slides} slides

<!--
[About a minute.] Welcome, and what the next ${slides - 1} slides cover.
-->`
  const body = Array.from({ length: slides - 1 }, (_, index) => SLIDE_KINDS[index % SLIDE_KINDS.length]!(index + 2))
  const entry = path.join(dir, 'slides.md')
  await writeFile(entry, `${[headmatter, ...body].join('\n\n')}\n`)
  return entry
}
