/** Where a source stands: the retold article, the primary record, a secondary report, or the law. */
export type SourceKind = 'article' | 'primary' | 'secondary' | 'law'

/** The date a source carries where the record dates neither the page nor what it reports. */
export const UNDATED = 'n.d.'

interface SourceFields {
  /** Stable id that slides cite with `<SourceMark id="…" />`. */
  id: string
  /**
   * The page's title where the record gives it (the fact sheet, or the words
   * of the page's own address); where it does not, a description of the page
   * in square brackets, as a bibliography supplies one.
   */
  title: string
  outlet: string
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) at the precision the record gives, or `UNDATED`. */
  date: string
  url: string
  /** The marker's text where "Outlet, year" would not say what the source is, e.g. "§ 42 BeamtStG". */
  mark?: string
  /** The title's language where it is not the deck's English, so screen readers and tagged PDFs read it right. */
  titleLang?: 'de'
}

/**
 * A secondary source retells someone else's report: the fact sheet asks the
 * slide to say so, so such a source names the reporter, and every marker of
 * it reads "reported by …".
 */
export type Source = SourceFields & (
  | { kind: 'secondary', reportedBy: string }
  | { kind: Exclude<SourceKind, 'secondary'>, reportedBy?: never }
)

// The article's own address is not on record; its entry links the outlet it appeared in.
/** The talk's one source registry: slides, the sources slide and the handout all read it. */
export const sources = [
  {
    id: 'article',
    kind: 'article',
    outlet: 'domainsmalltalk.com',
    date: '2019-08-02',
    title: 'Amazon sponsert die Polizei',
    titleLang: 'de',
    url: 'https://www.domainsmalltalk.com/',
  },
  {
    id: 'vice-lakeland-mou',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-07-25',
    title: 'Amazon Requires Police to Shill Surveillance Cameras in Secret Agreement',
    url: 'https://www.vice.com/en/article/mb88za/amazon-requires-police-to-shill-surveillance-cameras-in-secret-agreement',
  },
  {
    id: 'newschief-lakeland',
    kind: 'primary',
    outlet: 'The Ledger / News Chief',
    date: '2019',
    title: 'LPD partners with video doorbell company Ring, returns free cameras',
    url: 'https://www.newschief.com/news/20190731/lpd-partners-with-video-doorbell-company-ring-returns-free-cameras',
  },
  {
    id: 'fox13-lakeland',
    kind: 'primary',
    outlet: 'FOX 13 Tampa Bay',
    date: '2019',
    title: 'Lakeland PD clarifies relationship with Ring after Vice story',
    url: 'https://fox13news.com/news/lakeland-pd-clarifies-relationship-with-ring-after-vice-story',
  },
  {
    id: 'gizmodo-approval',
    kind: 'primary',
    outlet: 'Gizmodo',
    date: '2019',
    title: 'Ring barred cops from using "surveillance" to describe it',
    url: 'https://gizmodo.com/ring-barred-cops-from-using-surveillance-to-describe-it-1837380102',
  },
  {
    id: 'vice-scripts',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-08',
    title: 'Revealed: The secret scripts Amazon gives to cops to promote Ring surveillance cameras',
    url: 'https://www.vice.com/en/article/wjwea4/revealed-the-secret-scripts-amazon-give-to-cops-to-promote-ring-surveillance-cameras',
  },
  {
    id: 'vice-portal-coaching',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-08-05',
    title: 'Amazon is coaching cops on how to obtain surveillance footage without a warrant',
    url: 'https://www.vice.com/en/article/43kga3/amazon-is-coaching-cops-on-how-to-obtain-surveillance-footage-without-a-warrant',
  },
  {
    id: 'wapo-400',
    kind: 'primary',
    outlet: 'The Washington Post (archived copy)',
    date: '2019-08-28',
    title: 'Doorbell-camera firm Ring has partnered with 400 police forces, extending surveillance reach',
    url: 'http://archive.is/sDa16',
  },
  {
    id: 'stripes-senator',
    kind: 'secondary',
    outlet: 'Stars and Stripes (Washington Post report)',
    date: '2019-11-19',
    title: 'Police can keep Ring camera video forever and share with whomever they\'d like, company tells senator',
    reportedBy: 'The Washington Post',
    url: 'https://www.stripes.com/police-can-keep-ring-camera-video-forever-and-share-with-whomever-they-d-like-company-tells-senator-1.607928',
  },
  {
    id: 'knowtechie-2020',
    kind: 'secondary',
    outlet: 'KnowTechie (The Verge, citing the Financial Times)',
    date: '2021-02',
    title: 'Amazon\'s Ring added over 1,000 police departments to its Neighbors Portal program in 2020',
    reportedBy: 'The Verge, citing the FT',
    url: 'https://knowtechie.com/amazons-ring-added-over-1000-police-departments-to-its-neighbors-portal-program-in-2020/',
  },
  {
    id: 'ambient-rfa',
    kind: 'primary',
    outlet: 'The Ambient',
    date: '2021-06',
    title: '[report on “Request for Assistance” posts in Neighbors]',
    url: 'https://www.the-ambient.com/news/ring-request-for-assistance-post-neighbors-app-police-2644/',
  },
  {
    id: 'ap-emergency',
    kind: 'primary',
    outlet: 'WABE (Associated Press)',
    date: '2022-07-13',
    title: 'Amazon handed Ring footage to police without user consent',
    url: 'https://www.wabe.org/amazon-handed-ring-footage-to-police-without-user-consent/',
  },
  {
    id: 'handelsblatt-germany',
    kind: 'primary',
    outlet: 'Handelsblatt',
    date: '2022-09',
    title: 'Amazons Türklingel Ring gibt Daten ohne Gerichtsbeschluss an deutsche Polizei',
    titleLang: 'de',
    url: 'https://www.handelsblatt.com/technik/it-internet/ueberwachung-amazons-tuerklingel-ring-gibt-daten-ohne-gerichtsbeschluss-an-deutsche-polizei/28669862.html',
  },
  {
    id: 'popsci-ring-nation',
    kind: 'primary',
    outlet: 'Popular Science',
    date: '2022',
    title: '[report on the premiere of Ring Nation]',
    url: 'https://www.popsci.com/technology/ring-nation-premiere/',
  },
  {
    id: 'axios-ftc',
    kind: 'primary',
    outlet: 'Axios',
    date: '2023-05-31',
    title: 'FTC: Ring employees illegally accessed users\' private videos',
    url: 'https://www.axios.com/2023/05/31/ftc-ring-employees-illegally-accessed-user-private-videos',
  },
  {
    id: 'nbc-rfa-end',
    kind: 'primary',
    outlet: 'NBC Connecticut',
    date: '2024-01-24',
    title: 'Ring to stop allowing police and fire departments to use app to request videos',
    url: 'https://www.nbcconnecticut.com/news/local/ring-to-stop-allowing-police-fire-departments-to-use-app-to-request-videos/3202570',
  },
  {
    id: 'ring-community-request',
    kind: 'primary',
    outlet: 'Ring (support)',
    date: '2025',
    title: '[Ring\'s help page on Community Requests]',
    url: 'https://ring.com/support/verified-help/articles/5t05p/Community-Request',
  },
  {
    id: 'reason-flock',
    kind: 'secondary',
    outlet: 'Reason',
    date: '2026-02-13',
    title: 'Ring drops controversial partner after Super Bowl ad backlash',
    reportedBy: 'Reason',
    url: 'https://reason.com/2026/02/13/ring-drops-controversial-partner-after-super-bowl-ad-backlash/',
  },
  {
    id: 'cnet-always-home',
    kind: 'primary',
    outlet: 'CNET',
    date: '2020-09-24',
    title: 'Amazon wants to put a flying security camera in your home',
    url: 'https://www.cnet.com/how-to/psst-amazon-wants-to-put-a-flying-security-camera-in-your-home-heres-what-to-know/',
  },
  {
    id: 'foxbusiness-drone-patent',
    kind: 'secondary',
    outlet: 'Fox Business',
    date: '2019-06-04',
    title: '[report on Amazon\'s patent for surveillance by delivery drones]',
    reportedBy: 'Fox Business',
    url: 'https://www.foxbusiness.com/technology/amazon-surveillance-delivery-drones-patent',
  },
  {
    id: 'vice-news-editor',
    kind: 'primary',
    outlet: 'Motherboard (Vice)',
    date: '2019-04',
    title: 'Amazon is hiring a news editor for its neighborhood watch app',
    url: 'https://www.vice.com/en/article/gy4q8j/amazon-is-hiring-a-news-editor-for-its-neighborhood-watch-app',
  },
  {
    id: 'buzzfeed-ads',
    kind: 'primary',
    outlet: 'BuzzFeed News',
    date: '2019-06',
    title: '[report on Ring\'s sponsored Facebook posts with footage of alleged thieves]',
    url: 'https://www.buzzfeednews.com/article/daveyalba/amazon-ring-doorbell-company-using-security-footage-for-ads',
  },
  {
    id: 'gdpr',
    kind: 'law',
    outlet: 'EUR-Lex',
    date: '2016',
    title: 'Regulation (EU) 2016/679 (General Data Protection Regulation)',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'cjeu-rynes',
    kind: 'law',
    outlet: 'Court of Justice of the EU',
    date: '2014-12-11',
    title: 'Case C-212/13, Ryneš',
    url: 'https://curia.europa.eu/juris/liste.jsf?num=C-212/13',
  },
  {
    id: 'edpb-video',
    kind: 'law',
    outlet: 'European Data Protection Board',
    date: '2020-01-29',
    title: 'Guidelines 3/2019 on processing of personal data through video devices (v2.0)',
    url: 'https://edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32019-processing-personal-data-through-video_en',
  },
  {
    id: 'led',
    kind: 'law',
    outlet: 'EUR-Lex',
    date: '2016',
    title: 'Directive (EU) 2016/680 (Law Enforcement Directive)',
    url: 'https://eur-lex.europa.eu/eli/dir/2016/680/oj',
  },
  {
    id: 'bverwg-video',
    kind: 'law',
    outlet: 'Haufe (summary)',
    date: '2019-03-27',
    title: 'BVerwG, judgment of 27 March 2019, 6 C 2.18',
    url: 'https://haufe.de/steuern/steuer-office-premium/bverwg-urteil-vom-27032019-6-c-218_idesk_PI11940_HI13152434.html',
  },
  {
    id: 'ring-eu-privacy',
    kind: 'primary',
    outlet: 'Ring (support, Germany)',
    date: UNDATED,
    title: 'How to use privacy features in the Ring app',
    url: 'https://ring.com/de/de/support/articles/cy361/How-to-Use-Privacy-Features-in-the-Ring-App',
  },
  {
    id: 'bmi-sponsoring',
    kind: 'law',
    outlet: 'Federal Ministry of the Interior',
    date: UNDATED,
    title: 'Sponsoring in der Bundesverwaltung',
    titleLang: 'de',
    url: 'https://www.bmi.bund.de/DE/themen/moderne-verwaltung/integritaet-der-verwaltung/sponsoring/sponsoring-artikel.html',
  },
  {
    id: 'bavaria-sponsoring',
    kind: 'law',
    outlet: 'gesetze-bayern.de',
    date: '2010',
    title: '[Bavaria\'s sponsoring rules of 2010 (SponsR), nos. 4.1 and 4.3]',
    mark: 'SponsR Bavaria, 2010',
    url: 'https://www.gesetze-bayern.de/Content/Document/BayVwV243817-12',
  },
  {
    id: 'beamtstg-42',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    title: '§ 42 BeamtStG (ban on accepting rewards and gifts)',
    mark: '§ 42 BeamtStG',
    url: 'https://www.gesetze-im-internet.de/beamtstg/__42.html',
  },
  {
    id: 'stgb-331',
    kind: 'law',
    outlet: 'gesetze-im-internet.de',
    date: UNDATED,
    title: '§ 331 StGB (acceptance of advantages)',
    mark: '§ 331 StGB',
    url: 'https://www.gesetze-im-internet.de/stgb/__331.html',
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

/**
 * The text of a source marker: "Outlet, year" (the outlet without its
 * bracketed note), or the source's own `mark`; a secondary source always reads
 * "reported by Reporter, year", so the slide says the fact is reported.
 */
export function shortLabel(source: Source): string {
  if (source.kind === 'secondary') {
    return [
      `reported by ${source.reportedBy}`,
      yearOf(source),
    ].filter(Boolean).join(', ')
  }
  return source.mark ?? [
    source.outlet.replace(/ \(.*\)$/, ''),
    yearOf(source),
  ].filter(Boolean).join(', ')
}
