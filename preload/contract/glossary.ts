/**
 * The glossary editor (issue 10 §3): terms with definitions, synonyms and translations, their mentions in text (underlined with the definition on hover), and CSV import and export. Computed in main/core/glossary/. Imports only zod.
 */
import type { ChannelMap } from './channel';

export const GLOSSARY_CHANNELS = {} as const satisfies ChannelMap;
