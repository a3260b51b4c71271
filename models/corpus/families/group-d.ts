// App families of group d (see ../types.ts for what a family is; chat.ts is the model to follow).
import type { BaseOptions, Family } from "../types.ts";
import { expenses } from "./expenses.ts";
import { flashcards } from "./flashcards.ts";
import { form } from "./form.ts";
import { habits } from "./habits.ts";
import { kanban } from "./kanban.ts";
import { notes } from "./notes.ts";
import { poll } from "./poll.ts";
import { quiz } from "./quiz.ts";

export const GROUP_D: Family<BaseOptions>[] = [notes, quiz, kanban, flashcards, habits, expenses, poll, form];
