// What one app family of the corpus is. A family draws the options of one app
// (features, layout, theme, content, code style), renders the app from them,
// writes the requests a person would type for it, and checks it in Chromium.
import type { Frame, Page } from "playwright-core";
import type { Rng } from "./rng.ts";
import type { Theme } from "./theme.ts";

/** Every family's options carry a theme, so "make it dark" applies to any app. */
export interface BaseOptions {
  theme: Theme;
}

/** A request for an app, with the id of the phrasing template it came from. */
export interface Request {
  text: string;
  phrasing: string;
}

/** A follow-up request that changes an app: (app, request) -> changed app. */
export interface Edit<O extends BaseOptions> {
  id: string;
  requests: readonly string[];
  appliesTo(o: O): boolean;
  apply(o: O): O;
}

/** The app running in a sandboxed iframe, as a check sees it. */
export interface AppUnderTest {
  page: Page;
  frame: Frame;
}

export interface Family<O extends BaseOptions = BaseOptions> {
  /** Short id, matches the `kind` of ../shared/eval/dev-prompts.jsonl where one exists. */
  name: string;
  /** Draw one app's options. */
  options(rng: Rng): O;
  /** The complete single-file HTML+CSS+JS app. */
  render(o: O): string;
  /** A request a person would type for exactly this app (it names the features it has). */
  request(o: O, rng: Rng): Request;
  /** Names of the features this app has, to hold out feature combinations. */
  features(o: O): string[];
  /** Follow-up edits; the shared theme edits are added by the builder. */
  edits: Edit<O>[];
  /** Drive the app like its user would; throw when it does not react as requested. */
  check(app: AppUnderTest, o: O): Promise<void>;
  /**
   * Does this app, whoever wrote it, do what `request` (a request for an app of this
   * family) asks? Drives it like its user would and asserts the core behaviour and
   * the features the request names, tolerant of what the request leaves open (ids,
   * classes, titles, exact texts, layout). Throws when it does not.
   */
  requestCheck(app: AppUnderTest, request: string): Promise<void>;
}

/** Lets a registry hold families with different option types. */
export function defineFamily<O extends BaseOptions>(f: Family<O>): Family<BaseOptions> {
  return f as unknown as Family<BaseOptions>;
}
