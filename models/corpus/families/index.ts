// Every app family of the corpus, in a fixed order (the build draws round-robin).
import type { BaseOptions, Family } from "../types.ts";
import { chat } from "./chat.ts";
import { GROUP_A } from "./group-a.ts";
import { GROUP_B } from "./group-b.ts";
import { GROUP_C } from "./group-c.ts";
import { GROUP_D } from "./group-d.ts";
import { GROUP_E } from "./group-e.ts";

export const FAMILIES: Family<BaseOptions>[] = [chat, ...GROUP_A, ...GROUP_B, ...GROUP_C, ...GROUP_D, ...GROUP_E];
