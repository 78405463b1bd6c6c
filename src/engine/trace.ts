import type { Link } from "./link";
import type { Neuron } from "./neuron";
export type TraceEvent =
  | { type: "input"; neuron: Neuron; value: number }
  | { type: "carry"; link: Link; value: number }
  | { type: "activate"; neuron: Neuron; sum: number; value: number }
  | { type: "softmax"; neurons: readonly Neuron[]; values: number[] }
  | { type: "error"; error: number; actual: number[]; expected: readonly number[] }
  | { type: "sensitivity"; neuron: Neuron; sensitivity: number }
  | { type: "outputSensitivity"; link: Link; outputSensitivity: number }
  | { type: "sendBack"; link: Link; sensitivity: number; weight: number }
  | { type: "weightChange"; link: Link; weightChange: number; weight: number };
export type TraceListener = (event: TraceEvent) => void;
