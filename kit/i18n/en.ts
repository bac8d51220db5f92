import type { Labels } from './types.ts'

/** "1:05": minutes and seconds, as both languages write a time into the talk. */
export function clock(seconds: number): string {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

export const en: Labels = {
  lang: 'en',
  languageNames: {
    en: 'English',
    de: 'German',
  },
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  monthsShort: [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ],
  date: (day, month, year) => `${day} ${month} ${year}`,
  monthYear: (month, year) => `${month} ${year}`,
  undated: 'n.d.',
  number: value => value.toLocaleString('en-US'),
  quote: text => `“${text}”`,
  slide: no => `Slide ${no}`,
  slideOf: (no, total) => `Slide ${no} of ${total}`,
  part: no => `Part ${no}`,
  opening: 'Opening',
  pageOf: (page, total) => `Page ${page} of ${total}`,
  clock,
  figures: {
    qrCode: address => `QR code: ${address}`,
  },
  paper: {
    handout: 'Handout',
    overview: 'Overview',
    script: 'Speaker script',
    howToCite: 'How to cite this talk',
    online: 'The deck online',
    scanToOpen: 'Scan to open the deck',
    handoutHowTo: withSources => withSources
      ? 'Each slide follows with the speaker\'s notes and the full references of the sources it cites; all sources are listed at the end.'
      : 'Each slide follows with the speaker\'s notes.',
    sources: 'Sources',
    allSources: 'All sources',
    startsAt: 'starts at',
    partPlan: minutes => `planned: ${minutes} min`,
    lasts: duration => `lasts ${duration}`,
    scriptHowTo: (wordsPerMinute, total) => `Each slide shows when it should start and how long its notes take, read at ${wordsPerMinute} words a minute; the notes run ${total} in all.`,
    rehearsed: duration => `rehearsed ${duration}`,
    rehearsalHowTo: (date, total) => `Beside the plan, each slide's time in the rehearsal of ${date}, which ran ${total} in all.`,
  },
  nav: {
    slides: 'Download the slides (PDF)',
    handout: 'Download the handout with notes and sources (PDF)',
    overview: 'Download the six-slides-a-page overview (PDF)',
    sameSlideIn: (language, ownName) => `${ownName}: this slide in ${language}`,
    reader: 'Read as a page, with notes and sources',
  },
  reader: {
    name: 'Reader',
    contents: 'Contents',
    toSlides: 'Slides',
    slideRange: (first, last) => first === last
      ? `slide ${first}`
      : `slides ${first}–${last}`,
    notes: 'Notes',
    sources: 'Sources',
    downloads: 'Downloads',
  },
  a11y: {
    slides: 'Slides',
    notes: 'Speaker notes',
    overview: 'Slide overview',
  },
  pace: {
    name: 'Pace against the plan',
    plannedAt: clock => `planned at ${clock}`,
    onPlan: 'on plan',
    behind: clock => `${clock} behind`,
    ahead: clock => `${clock} ahead`,
    partLeft: (part, left, minutes) => `${part}: ${left} left of ${minutes} min`,
    partOver: (part, over) => `${part}: ${over} over its plan`,
    afterTalk: 'after the talk',
    rehearse: 'Start a rehearsal',
    rehearsing: clock => `Rehearsal: ${clock} recorded`,
    saveRehearsal: 'Save the rehearsal (JSON)',
    endRehearsal: 'End the rehearsal',
  },
}
