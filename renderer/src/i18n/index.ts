/**
 * i18next set-up: zh-CN and English, one namespace per feature. Key types come from the English JSON (see
 * i18next.d.ts), so a missing key is a type error; tests/unit/i18n.test.ts keeps the zh-CN key set identical.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from './locales/en/common.json';
import enCommands from './locales/en/commands.json';
import enMap from './locales/en/map.json';
import zhCommon from './locales/zh-CN/common.json';
import zhCommands from './locales/zh-CN/commands.json';
import zhMap from './locales/zh-CN/map.json';
import enLibrary from './locales/en/library.json';
import zhLibrary from './locales/zh-CN/library.json';
import enSearch from './locales/en/search.json';
import zhSearch from './locales/zh-CN/search.json';
import enViewer from './locales/en/viewer.json';
import zhViewer from './locales/zh-CN/viewer.json';
import enProcesses from './locales/en/processes.json';
import zhProcesses from './locales/zh-CN/processes.json';
import enReports from './locales/en/reports.json';
import zhReports from './locales/zh-CN/reports.json';
import enEvidence from './locales/en/evidence.json';
import zhEvidence from './locales/zh-CN/evidence.json';
import enExperts from './locales/en/experts.json';
import zhExperts from './locales/zh-CN/experts.json';
import enInventory from './locales/en/inventory.json';
import zhInventory from './locales/zh-CN/inventory.json';
import enAuthors from './locales/en/authors.json';
import zhAuthors from './locales/zh-CN/authors.json';
import enViews from './locales/en/views.json';
import zhViews from './locales/zh-CN/views.json';
import enCompetencies from './locales/en/competencies.json';
import zhCompetencies from './locales/zh-CN/competencies.json';
import enTransfer from './locales/en/transfer.json';
import zhTransfer from './locales/zh-CN/transfer.json';
import enBackup from './locales/en/backup.json';
import zhBackup from './locales/zh-CN/backup.json';
import enGlossary from './locales/en/glossary.json';
import zhGlossary from './locales/zh-CN/glossary.json';
import enTaxonomy from './locales/en/taxonomy.json';
import zhTaxonomy from './locales/zh-CN/taxonomy.json';
import enCapture from './locales/en/capture.json';
import zhCapture from './locales/zh-CN/capture.json';
import enFiles from './locales/en/files.json';
import zhFiles from './locales/zh-CN/files.json';
import enTeam from './locales/en/team.json';
import zhTeam from './locales/zh-CN/team.json';

export const resources = {
  en: {
    common: enCommon,
    commands: enCommands,
    map: enMap,
    library: enLibrary,
    search: enSearch,
    viewer: enViewer,
    processes: enProcesses,
    reports: enReports,
    evidence: enEvidence,
    experts: enExperts,
    inventory: enInventory,
    authors: enAuthors,
    views: enViews,
    competencies: enCompetencies,
    transfer: enTransfer,
    backup: enBackup,
    glossary: enGlossary,
    taxonomy: enTaxonomy,
    capture: enCapture,
    files: enFiles,
    team: enTeam,
  },
  'zh-CN': {
    common: zhCommon,
    commands: zhCommands,
    map: zhMap,
    library: zhLibrary,
    search: zhSearch,
    viewer: zhViewer,
    processes: zhProcesses,
    reports: zhReports,
    evidence: zhEvidence,
    experts: zhExperts,
    inventory: zhInventory,
    authors: zhAuthors,
    views: zhViews,
    competencies: zhCompetencies,
    transfer: zhTransfer,
    backup: zhBackup,
    glossary: zhGlossary,
    taxonomy: zhTaxonomy,
    capture: zhCapture,
    files: zhFiles,
    team: zhTeam,
  },
} as const;

export type Language = keyof typeof resources;
export const LANGUAGES = Object.keys(resources) as Language[];
const STORAGE_KEY = 'wellspring.language';

/** The saved choice, else the OS/browser locale: any `zh*` → zh-CN, everything else → English. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh')
    ? 'zh-CN'
    : 'en';
}

/** Switches the UI language and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: [
    'common',
    'commands',
    'map',
    'library',
    'search',
    'viewer',
    'processes',
    'reports',
    'evidence',
    'experts',
    'inventory',
    'authors',
  ],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
