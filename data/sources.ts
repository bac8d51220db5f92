import type { Labels, Language } from '../kit/i18n/index.ts'
import type { SourceReference } from '../kit/scripts/sources.ts'
import type { Localized } from '../kit/utils/localized.ts'
import { en } from '../kit/i18n/en.ts'
import { labelsFor, UNDATED } from '../kit/i18n/index.ts'
import { localize } from '../kit/utils/localized.ts'

/** Where a source stands: the retold article, the primary record, a secondary report, or the law. */
export type SourceKind = 'article' | 'primary' | 'secondary' | 'law'

/** Each kind in words, as the sources slide and the handout's list of all sources print it. */
export const SOURCE_KINDS: Record<SourceKind, Localized> = {
  article: { en: 'article', de: 'Artikel' },
  primary: { en: 'primary', de: 'primär' },
  secondary: { en: 'secondary', de: 'sekundär' },
  law: { en: 'law', de: 'Recht' },
}

/** A secondary source's marker: "reported by The Washington Post". */
export const REPORTED_BY: Localized<(reporter: string) => string> = {
  en: reporter => `reported by ${reporter}`,
  de: reporter => `berichtet von ${reporter}`,
}

/**
 * What a source is called. A page's own title stays in its own language in
 * every edition, never translated, and says which language that is, so
 * screen readers and tagged PDFs read it right. Where the record gives no
 * title, a description in square brackets, as a bibliography supplies one, is
 * worded in each edition's language; so is the law, whose titles are official
 * in each language.
 */
type SourceTitle
  = | { title: string, lang: Language }
    | { title: Localized, lang?: never }

interface SourceFields {
  /** Stable id that slides cite with `<SourceMark id="…" />`. */
  id: string
  /** The outlet's name; a note in brackets after it (which copy, whose report) is worded in each language. */
  outlet: string | Localized
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) at the precision the record gives, or `UNDATED`. */
  date: string
  url: string
  /** The marker's text where "Outlet, year" would not say what the source is, e.g. "§ 42 BeamtStG". */
  mark?: string | Localized
}

/**
 * A secondary source retells someone else's report: the fact sheet asks the
 * slide to say so, so such a source names the reporter, and every marker of
 * it reads "reported by …".
 */
export type Source = SourceFields & SourceTitle & (
  | { kind: 'secondary', reportedBy: string | Localized }
  | { kind: Exclude<SourceKind, 'secondary'>, reportedBy?: never }
)

/** The talk's one source registry: slides, the sources slide and the handout all read it. */
export const sources = [
  {
    id: 'article',
    kind: 'article',
    outlet: 'domainsmalltalk.com',
    date: '2019-08-02',
    title: 'Amazon sponsert die Polizei',
    lang: 'de',
    url: 'https://www.domainsmalltalk.com/domain-news/amazon-sponsert-die-polizei.html',
  },
  {
    id: 'vice-lakeland-mou',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-07-25',
    title: 'Amazon Requires Police to Shill Surveillance Cameras in Secret Agreement',
    lang: 'en',
    url: 'https://www.vice.com/en/article/mb88za/amazon-requires-police-to-shill-surveillance-cameras-in-secret-agreement',
  },
  {
    id: 'newschief-lakeland',
    kind: 'primary',
    outlet: 'News Chief',
    // The day is the one in the page's address.
    date: '2019-07-31',
    title: {
      en: '[report on Lakeland police\'s partnership with Ring and the cameras they returned]',
      de: '[Bericht über die Partnerschaft der Polizei Lakeland mit Ring und die zurückgeschickten Kameras]',
    },
    url: 'https://www.newschief.com/news/20190731/lpd-partners-with-video-doorbell-company-ring-returns-free-cameras',
  },
  {
    id: 'fox13-lakeland',
    kind: 'primary',
    outlet: 'FOX 13 Tampa Bay',
    date: '2019',
    title: 'Lakeland PD clarifies relationship with Ring after \'Vice\' story',
    lang: 'en',
    url: 'https://fox13news.com/news/lakeland-pd-clarifies-relationship-with-ring-after-vice-story',
  },
  {
    id: 'gizmodo-approval',
    kind: 'primary',
    outlet: 'Gizmodo',
    date: '2019-08',
    title: 'Amazon’s Ring Barred Cops From Using \'Surveillance\' to Describe Its Products',
    lang: 'en',
    url: 'https://gizmodo.com/ring-barred-cops-from-using-surveillance-to-describe-it-1837380102',
  },
  {
    id: 'vice-scripts',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-08',
    title: 'Revealed: The Secret Scripts Amazon Gives to Cops to Promote Ring Surveillance Cameras',
    lang: 'en',
    url: 'https://www.vice.com/en/article/wjwea4/revealed-the-secret-scripts-amazon-give-to-cops-to-promote-ring-surveillance-cameras',
  },
  {
    id: 'vice-portal-coaching',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-08-05',
    title: 'Amazon Is Coaching Cops on How to Obtain Surveillance Footage Without a Warrant',
    lang: 'en',
    url: 'https://www.vice.com/en/article/43kga3/amazon-is-coaching-cops-on-how-to-obtain-surveillance-footage-without-a-warrant',
  },
  {
    id: 'wapo-400',
    kind: 'primary',
    outlet: {
      en: 'The Washington Post (archived copy)',
      de: 'The Washington Post (archivierte Kopie)',
    },
    date: '2019-08-28',
    title: 'Doorbell-camera firm Ring has partnered with 400 police forces, extending surveillance reach',
    lang: 'en',
    url: 'http://archive.is/sDa16',
  },
  {
    id: 'stripes-senator',
    kind: 'secondary',
    outlet: {
      en: 'Stars and Stripes (Washington Post report)',
      de: 'Stars and Stripes (Bericht der Washington Post)',
    },
    date: '2019-11-19',
    title: 'Police can keep Ring camera video forever, and share with whomever they\'d like, company tells senator',
    lang: 'en',
    reportedBy: 'The Washington Post',
    url: 'https://www.stripes.com/police-can-keep-ring-camera-video-forever-and-share-with-whomever-they-d-like-company-tells-senator-1.607928',
  },
  {
    id: 'knowtechie-2020',
    kind: 'secondary',
    outlet: {
      en: 'KnowTechie (The Verge, citing the Financial Times)',
      de: 'KnowTechie (The Verge nach der Financial Times)',
    },
    date: '2021-02-01',
    title: 'Amazon’s Ring added over 1,000 police departments to its Neighbors Portal program in 2020',
    lang: 'en',
    reportedBy: {
      en: 'The Verge, citing the FT',
      de: 'The Verge nach der FT',
    },
    url: 'https://knowtechie.com/amazons-ring-added-over-1000-police-departments-to-its-neighbors-portal-program-in-2020/',
  },
  {
    id: 'ambient-rfa',
    kind: 'primary',
    outlet: 'The Ambient',
    date: '2021-06',
    title: {
      en: '[report on “Request for Assistance” posts in Neighbors]',
      de: '[Bericht über „Request for Assistance“-Posts in Neighbors]',
    },
    url: 'https://www.the-ambient.com/news/ring-request-for-assistance-post-neighbors-app-police-2644/',
  },
  {
    id: 'ap-emergency',
    kind: 'primary',
    outlet: 'WABE (Associated Press)',
    date: '2022-07-13',
    title: 'Amazon handed Ring footage to police without user consent',
    lang: 'en',
    url: 'https://www.wabe.org/amazon-handed-ring-footage-to-police-without-user-consent/',
  },
  {
    id: 'handelsblatt-germany',
    kind: 'primary',
    outlet: 'Handelsblatt',
    date: '2022-09-19',
    title: 'Amazons Türklingel „Ring“ gibt Daten ohne Gerichtsbeschluss an deutsche Polizei',
    lang: 'de',
    url: 'https://www.handelsblatt.com/technik/it-internet/ueberwachung-amazons-tuerklingel-ring-gibt-daten-ohne-gerichtsbeschluss-an-deutsche-polizei/28669862.html',
  },
  {
    id: 'popsci-ring-nation',
    kind: 'primary',
    outlet: 'Popular Science',
    date: '2022',
    title: {
      en: '[report on the premiere of Ring Nation]',
      de: '[Bericht über die Premiere von Ring Nation]',
    },
    url: 'https://www.popsci.com/technology/ring-nation-premiere/',
  },
  {
    id: 'axios-ftc',
    kind: 'primary',
    outlet: 'Axios',
    date: '2023-05-31',
    title: {
      en: '[report on the FTC\'s settlement with Ring over employees\' access to private videos]',
      de: '[Bericht über den Vergleich der FTC mit Ring wegen des Zugriffs Beschäftigter auf private Videos]',
    },
    url: 'https://www.axios.com/2023/05/31/ftc-ring-employees-illegally-accessed-user-private-videos',
  },
  {
    id: 'nbc-rfa-end',
    kind: 'primary',
    outlet: 'NBC Connecticut',
    date: '2024-01',
    title: 'Ring to stop allowing police, fire departments to use app to request videos',
    lang: 'en',
    url: 'https://www.nbcconnecticut.com/news/local/ring-to-stop-allowing-police-fire-departments-to-use-app-to-request-videos/3202570',
  },
  {
    id: 'ring-community-request',
    kind: 'primary',
    outlet: {
      en: 'Ring (support)',
      de: 'Ring (Hilfeseite)',
    },
    date: UNDATED,
    title: {
      en: '[Ring\'s help page on Community Requests]',
      de: '[Rings Hilfeseite zu Community Requests]',
    },
    url: 'https://ring.com/support/verified-help/articles/5t05p/Community-Request',
  },
  {
    id: 'reason-flock',
    kind: 'secondary',
    outlet: 'Reason',
    date: '2026-02-13',
    title: 'Ring Drops Controversial Partner After Super Bowl Ad Backlash',
    lang: 'en',
    reportedBy: 'Reason',
    url: 'https://reason.com/2026/02/13/ring-drops-controversial-partner-after-super-bowl-ad-backlash/',
  },
  {
    id: 'familiar-faces',
    kind: 'secondary',
    outlet: 'Digital Market Reports',
    date: '2025-12-10',
    title: 'Amazon Begins US Rollout of Ring Facial-Recognition Feature',
    lang: 'en',
    reportedBy: 'Digital Market Reports',
    url: 'https://digitalmarketreports.com/news/56124/amazon-begins-us-rollout-of-ring-facial-recognition-feature',
  },
  {
    id: 'cnet-always-home',
    kind: 'primary',
    outlet: 'CNET',
    date: '2020',
    title: {
      en: '[report on the Always Home Cam, Ring\'s indoor drone camera]',
      de: '[Bericht über die Always Home Cam, Rings Drohnenkamera für drinnen]',
    },
    url: 'https://www.cnet.com/how-to/psst-amazon-wants-to-put-a-flying-security-camera-in-your-home-heres-what-to-know/',
  },
  {
    id: 'foxbusiness-drone-patent',
    kind: 'secondary',
    outlet: 'Fox Business',
    // The month of the report; 4 June 2019 is the day the patent was granted.
    date: '2019-06',
    title: 'Amazon to offer home surveillance using delivery drones, patent shows',
    lang: 'en',
    reportedBy: 'Fox Business',
    url: 'https://www.foxbusiness.com/technology/amazon-surveillance-delivery-drones-patent',
  },
  {
    id: 'vice-news-editor',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019',
    title: 'Amazon Is Hiring a News Editor for Its ‘Neighborhood Watch’ App',
    lang: 'en',
    url: 'https://www.vice.com/en/article/gy4q8j/amazon-is-hiring-a-news-editor-for-its-neighborhood-watch-app',
  },
  {
    id: 'buzzfeed-ads',
    kind: 'primary',
    outlet: 'BuzzFeed News',
    date: '2019-06-07',
    title: 'Ring Is Using Its Customers’ Doorbell Camera Video For Ads. It Says It\'s Allowed To.',
    lang: 'en',
    url: 'https://www.buzzfeednews.com/article/daveyalba/amazon-ring-doorbell-company-using-security-footage-for-ads',
  },
  {
    id: 'usc-2702',
    kind: 'law',
    outlet: 'Legal Information Institute (Cornell)',
    date: UNDATED,
    title: '18 U.S. Code § 2702 - Voluntary disclosure of customer communications or records',
    lang: 'en',
    // The emergency-disclosure provision that Ring's standard mirrors (facts.md C13).
    mark: '18 U.S.C. § 2702(b)(8)',
    url: 'https://www.law.cornell.edu/uscode/text/18/2702',
  },
  {
    id: 'gdpr',
    kind: 'law',
    outlet: 'EUR-Lex',
    date: '2016',
    title: {
      en: 'Regulation (EU) 2016/679 (General Data Protection Regulation)',
      de: 'Verordnung (EU) 2016/679 (Datenschutz-Grundverordnung)',
    },
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'cjeu-rynes',
    kind: 'law',
    outlet: {
      en: 'Court of Justice of the EU',
      de: 'Gerichtshof der Europäischen Union',
    },
    date: '2014-12-11',
    title: {
      en: 'Case C-212/13, Ryneš',
      de: 'Rs. C-212/13, Ryneš',
    },
    url: 'https://curia.europa.eu/juris/liste.jsf?num=C-212/13',
  },
  {
    id: 'edpb-video',
    kind: 'law',
    outlet: {
      en: 'European Data Protection Board',
      de: 'Europäischer Datenschutzausschuss',
    },
    date: '2020-01-29',
    title: {
      en: 'Guidelines 3/2019 on processing of personal data through video devices (v2.0)',
      de: 'Leitlinien 3/2019 zur Verarbeitung personenbezogener Daten durch Videogeräte (Version 2.0)',
    },
    url: 'https://edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en',
  },
  {
    id: 'led',
    kind: 'law',
    outlet: 'EUR-Lex',
    date: '2016',
    title: {
      en: 'Directive (EU) 2016/680 (Law Enforcement Directive)',
      de: 'Richtlinie (EU) 2016/680 (JI-Richtlinie)',
    },
    url: 'https://eur-lex.europa.eu/eli/dir/2016/680/oj',
  },
  {
    id: 'bverwg-video',
    kind: 'law',
    outlet: {
      en: 'Haufe (summary)',
      de: 'Haufe (Zusammenfassung)',
    },
    date: '2019-03-27',
    title: {
      en: 'BVerwG, judgment of 27 March 2019, 6 C 2.18',
      de: 'BVerwG, Urteil vom 27. März 2019, 6 C 2.18',
    },
    url: 'https://haufe.de/steuern/steuer-office-premium/bverwg-urteil-vom-27032019-6-c-218_idesk_PI11940_HI13152434.html',
  },
  {
    id: 'ring-eu-privacy',
    kind: 'primary',
    outlet: {
      en: 'Ring (support, Germany)',
      de: 'Ring (Hilfeseite, Deutschland)',
    },
    date: UNDATED,
    title: 'Privatsphäre-/Datenschutzfunktionen in der Ring-App',
    lang: 'de',
    url: 'https://ring.com/de/de/support/articles/cy361/How-to-Use-Privacy-Features-in-the-Ring-App',
  },
  {
    id: 'bmi-sponsoring',
    kind: 'law',
    outlet: {
      en: 'Federal Ministry of the Interior',
      de: 'Bundesministerium des Innern',
    },
    date: UNDATED,
    title: 'Sponsoring in der Bundesverwaltung',
    lang: 'de',
    // The federal rule itself, so that it is not taken for a state force's.
    mark: 'VV Sponsoring, 2003',
    url: 'https://www.bmi.bund.de/DE/themen/moderne-verwaltung/integritaet-der-verwaltung/sponsoring/sponsoring-artikel.html',
  },
  {
    id: 'bavaria-sponsoring',
    kind: 'law',
    outlet: 'gesetze-bayern.de',
    date: '2010',
    title: {
      en: '[Bavaria\'s sponsoring rules of 2010 (SponsR), nos. 4.1 and 4.3]',
      de: '[Bayerns Sponsoringrichtlinien von 2010 (SponsR), Nr. 4.1 und 4.3]',
    },
    mark: {
      en: 'SponsR Bavaria, 2010',
      de: 'SponsR Bayern, 2010',
    },
    url: 'https://www.gesetze-bayern.de/Content/Document/BayVwV243817-12',
  },
  {
    id: 'beamtstg-42',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    title: {
      en: '§ 42 BeamtStG (ban on accepting rewards and gifts)',
      de: '§ 42 BeamtStG (Verbot der Annahme von Belohnungen, Geschenken und sonstigen Vorteilen)',
    },
    mark: '§ 42 BeamtStG',
    url: 'https://www.gesetze-im-internet.de/beamtstg/__42.html',
  },
  {
    id: 'stgb-331',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    title: {
      en: '§ 331 StGB (acceptance of advantages)',
      de: '§ 331 StGB (Vorteilsannahme)',
    },
    mark: '§ 331 StGB',
    url: 'https://www.gesetze-im-internet.de/stgb/__331.html',
  },
  {
    id: 'kug-22',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    // The KUG's sections carry no official headings: the title describes it.
    title: {
      en: '[§ 22 KUG (Art Copyright Act), the right to one\'s own image]',
      de: '[§ 22 KUG, Recht am eigenen Bild]',
    },
    mark: '§ 22 KUG',
    url: 'https://www.gesetze-im-internet.de/kunsturhg/__22.html',
  },
  {
    id: 'kug-23',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    title: {
      en: '[§ 23 KUG, exceptions to § 22]',
      de: '[§ 23 KUG, Ausnahmen zu § 22]',
    },
    mark: '§ 23 KUG',
    url: 'https://www.gesetze-im-internet.de/kunsturhg/__23.html',
  },
] as const satisfies readonly Source[]

export type SourceId = typeof sources[number]['id']

const byId = new Map<string, Source>(sources.map(source => [source.id, source]))

/** The source with this id; throws, naming the id, when there is none. */
export function sourceById(id: string): Source {
  const source = byId.get(id)
  if (!source)
    throw new Error(`Unknown source id "${id}": add it to data/sources.ts or fix the citation.`)
  return source
}

/** The year of a source's date, or nothing for an undated one. */
function yearOf(source: Source): string | undefined {
  return source.date === UNDATED
    ? undefined
    : source.date.slice(0, 4)
}

/** The outlet's name in the labels' language, with its note in brackets. */
export function outletOf(source: Source, labels: Labels = en): string {
  return localize(source.outlet, labels)
}

/** The title (or bracketed description) in the labels' language; `lang` is set where the title keeps a language of its own. */
export function titleOf(source: Source, labels: Labels = en): { text: string, lang?: Language } {
  return {
    text: localize(source.title, labels),
    lang: source.lang,
  }
}

/**
 * The text of a source marker: "Outlet, year" (the outlet without its
 * bracketed note), or the source's own `mark`; a secondary source always reads
 * "reported by Reporter, year", so the slide says the fact is reported.
 */
export function shortLabel(source: Source, labels: Labels = en): string {
  if (source.kind === 'secondary') {
    return [
      REPORTED_BY[labels.lang](localize(source.reportedBy, labels)),
      yearOf(source),
    ].filter(Boolean).join(', ')
  }
  if (source.mark)
    return localize(source.mark, labels)
  return [
    outletOf(source, labels).replace(/ \(.*\)$/, ''),
    yearOf(source),
  ].filter(Boolean).join(', ')
}

/**
 * Every source's full reference in a language, in the registry's order: what
 * the kit's handout prints. The decks name this module in their headmatter
 * (`sourceRegistry:`), which is how the kit finds it.
 */
export function references(lang: string): SourceReference[] {
  const labels = labelsFor(lang)
  return sources.map((source: Source) => {
    const title = titleOf(source, labels)
    return {
      id: source.id,
      outlet: outletOf(source, labels),
      date: source.date,
      title: title.text,
      titleLang: title.lang,
      url: source.url,
      kind: localize(SOURCE_KINDS[source.kind], labels),
    }
  })
}
