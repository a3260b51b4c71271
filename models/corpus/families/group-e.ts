// App families of group e (see ../types.ts for what a family is; chat.ts is the model to follow).
import type { BaseOptions, Family } from "../types.ts";
import { chart } from "./chart.ts";
import { drawing } from "./drawing.ts";
import { landing } from "./landing.ts";
import { markdown } from "./markdown.ts";
import { piano } from "./piano.ts";
import { table } from "./table.ts";
import { weather } from "./weather.ts";

export const GROUP_E: Family<BaseOptions>[] = [weather, table, chart, landing, drawing, piano, markdown];
