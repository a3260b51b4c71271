// App families of group a (see ../types.ts for what a family is; chat.ts is the model to follow).
import type { BaseOptions, Family } from "../types.ts";
import { bmi } from "./bmi.ts";
import { calculator } from "./calculator.ts";
import { converter } from "./converter.ts";
import { counter } from "./counter.ts";
import { loan } from "./loan.ts";
import { recipe } from "./recipe.ts";
import { tip } from "./tip.ts";
import { todo } from "./todo.ts";

export const GROUP_A: Family<BaseOptions>[] = [todo, counter, calculator, tip, bmi, loan, converter, recipe];
