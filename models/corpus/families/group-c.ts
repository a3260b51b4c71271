// App families of group c (see ../types.ts for what a family is; chat.ts is the model to follow).
import type { BaseOptions, Family } from "../types.ts";
import { breakout } from "./breakout.ts";
import { g2048 } from "./g2048.ts";
import { life } from "./life.ts";
import { memory } from "./memory.ts";
import { minesweeper } from "./minesweeper.ts";
import { snake } from "./snake.ts";
import { tictactoe } from "./tictactoe.ts";
import { typing } from "./typing.ts";

export const GROUP_C: Family<BaseOptions>[] = [tictactoe, memory, snake, typing, life, g2048, breakout, minesweeper];
