/**
 * "lernmi": what a snippet imports. The engine and the course's datasets, joined here
 * so that neither needs the other's folder: the datasets use the engine's seeded
 * random, and the engine knows nothing of them.
 */
export * from "./engine/index";
// One object, `datasets.spiral(…)`, so that a snippet's own `const xor` never collides.
export * as datasets from "./datasets/index";
export type { DatasetOptions } from "./datasets/index";
