// The corpus draws with the engine's seeded random source.
export { Rng } from "../../engine/random.ts";
