/** What every channel is: a zod schema for its input and one for its output. Imports only zod. */
import type { z } from 'zod';

/** One request channel: input schema → output schema. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** A domain's channels, `domain:verb` → spec (STYLE.md: channel names `domain:verb`). */
export type ChannelMap = Record<string, ChannelSpec>;
