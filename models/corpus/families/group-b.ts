// App families of group b (see ../types.ts for what a family is; chat.ts is the model to follow).
import type { BaseOptions, Family } from "../types.ts";
import { clock } from "./clock.ts";
import { countdown } from "./countdown.ts";
import { dice } from "./dice.ts";
import { palette } from "./palette.ts";
import { password } from "./password.ts";
import { pomodoro } from "./pomodoro.ts";
import { quote } from "./quote.ts";
import { stopwatch } from "./stopwatch.ts";

export const GROUP_B: Family<BaseOptions>[] = [stopwatch, clock, pomodoro, countdown, dice, quote, palette, password];
