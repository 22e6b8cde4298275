/** The taxonomy channels (issue 10). Filled in by the taxonomy work; imports only zod. */
import type { ChannelMap } from './channel';

export const TAXONOMY_CHANNELS = {} as const satisfies ChannelMap;
