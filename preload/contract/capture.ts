/** The capture channels (issue 10). Filled in by the capture work; imports only zod. */
import type { ChannelMap } from './channel';

export const CAPTURE_CHANNELS = {} as const satisfies ChannelMap;
