/** Site-wide settings: one place for the paper's name, URL and defaults. */
export const SITE = {
  name: '새벽일보 아카이브',
  publisher: '새벽일보',
  description: '새벽일보가 보도한 기사를 날짜·섹션·기자·태그별로 찾아보는 기사 아카이브',
  url: process.env.SITE_URL ?? 'https://archive.saebyeok.example',
  defaultCopyright: '<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>',
  /** Entries on one listing page (section, tag, reporter, archive). */
  pageSize: 20,
  /** How far in the future a published time may lie (clock skew, embargoed copy). */
  futureMarginHours: 24,
} as const;
