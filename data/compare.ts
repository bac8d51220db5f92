import type { SourceId } from './sources.ts'

export type CompareTopic = 'bound' | 'street' | 'basis' | 'minimisation' | 'police' | 'emergency'

export interface CompareRow {
  topic: CompareTopic
  /** The row heading as the table shows it. */
  label: string
  us: string
  eu: string
  usSources: SourceId[]
  euSources: SourceId[]
}

/** Doorbell cameras and the police, US record beside EU law; cells kept short for the slide. */
export const compareRows: CompareRow[] = [
  {
    topic: 'bound',
    label: 'Who is bound',
    us: 'Police, by agreement: promote the app, keep the terms confidential',
    eu: 'The GDPR binds Ring as provider of the means (Recital 18)',
    usSources: ['vice-lakeland-mou'],
    euSources: ['gdpr'],
  },
  {
    topic: 'street',
    label: 'Owner films the street',
    us: 'Police ask owners for footage of an area and time',
    eu: 'Filming public space is not “household” use (Ryneš)',
    usSources: ['wapo-400'],
    euSources: ['cjeu-rynes'],
  },
  {
    topic: 'basis',
    label: 'Legal basis',
    us: 'No warrant needed to ask; the owner decides',
    eu: 'Usually legitimate interest, Art. 6(1)(f), with a balancing test',
    usSources: ['vice-portal-coaching'],
    euSources: ['edpb-video', 'bverwg-video'],
  },
  {
    topic: 'minimisation',
    label: 'Minimisation, signs, storage',
    us: 'Police may keep shared videos indefinitely and share them',
    eu: 'Film as little as needed, put up signs, limit storage',
    usSources: ['stripes-senator'],
    euSources: ['edpb-video'],
  },
  {
    topic: 'police',
    label: 'Police access',
    us: 'Requests through Ring\'s portal; owners may decline',
    eu: 'Directive 2016/680 for police; EDPB rules for disclosure',
    usSources: ['vice-portal-coaching', 'wapo-400'],
    euSources: ['led', 'edpb-video'],
  },
  {
    topic: 'emergency',
    label: 'Emergencies',
    us: 'Footage given without owner consent 11 times in 2022',
    eu: 'Germany: Ring data to police without a court order in urgent cases',
    usSources: ['ap-emergency'],
    euSources: ['handelsblatt-germany'],
  },
]

export const compareTopics: CompareTopic[] = compareRows.map(row => row.topic)
