/**
 * The baseline the engine is measured against: the same fully connected network and
 * the same one-sample gradient step, written the way a careful programmer would
 * write it without objects — one Float64Array of weights per layer (row j holds the
 * weights into neuron j, its bias last), flat value and delta arrays, no allocation
 * while learning, and no work the step does not need (the input layer gets no delta).
 */
export type BaselineActivation = "sigmoid" | "tanh" | "linear";

export class BaselineNetwork {
  readonly sizes: number[];
  /** weights[l] joins layer l to layer l + 1: sizes[l + 1] rows of sizes[l] + 1. */
  readonly weights: Float64Array[];
  readonly values: Float64Array[];
  readonly deltas: Float64Array[];
  readonly hidden: BaselineActivation;
  readonly output: BaselineActivation;
  trainingRate: number;

  constructor(sizes: number[], hidden: BaselineActivation, output: BaselineActivation, trainingRate: number) {
    this.sizes = sizes;
    this.hidden = hidden;
    this.output = output;
    this.trainingRate = trainingRate;
    this.weights = [];
    this.values = [];
    this.deltas = [];
    for (let l = 0; l < sizes.length; l++) {
      this.values.push(new Float64Array(sizes[l]));
      this.deltas.push(new Float64Array(sizes[l]));
      if (l > 0) this.weights.push(new Float64Array(sizes[l] * (sizes[l - 1] + 1)));
    }
  }

  /** Copies weights given in the engine's JSON layout (weights[l][j] = [...from each input, bias]). */
  setWeights(weights: number[][][]): void {
    for (let l = 0; l < this.weights.length; l++) {
      const w = this.weights[l];
      let k = 0;
      for (const row of weights[l]) for (const x of row) w[k++] = x;
    }
  }

  /** One step of SGD on E = ½ Σ (actual − expected)²; returns E before the step. */
  learn(input: ArrayLike<number>, expected: ArrayLike<number>): number {
    const sizes = this.sizes;
    const last = sizes.length - 1;
    const values = this.values;
    const deltas = this.deltas;
    const rate = this.trainingRate;
    const v0 = values[0];
    for (let i = 0; i < sizes[0]; i++) v0[i] = input[i];

    // Forward.
    for (let l = 1; l <= last; l++) {
      const w = this.weights[l - 1];
      const x = values[l - 1];
      const y = values[l];
      const n = sizes[l - 1];
      const kind = l === last ? this.output : this.hidden;
      for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
        let sum = w[row + n];
        for (let i = 0; i < n; i++) sum += w[row + i] * x[i];
        y[j] = kind === "tanh" ? Math.tanh(sum) : kind === "sigmoid" ? 1 / (1 + Math.exp(-sum)) : sum;
      }
    }

    // Output deltas: (actual − expected) × activation slope.
    let error = 0;
    {
      const y = values[last];
      const d = deltas[last];
      const slope = this.output;
      for (let j = 0; j < sizes[last]; j++) {
        const diff = y[j] - expected[j];
        error += diff * diff;
        const a = y[j];
        d[j] = diff * (slope === "tanh" ? 1 - a * a : slope === "sigmoid" ? a * (1 - a) : 1);
      }
    }

    // Backward and update in one sweep per layer, using each weight before changing it.
    for (let l = last; l >= 1; l--) {
      const w = this.weights[l - 1];
      const x = values[l - 1];
      const d = deltas[l];
      const n = sizes[l - 1];
      if (l > 1) {
        const back = deltas[l - 1];
        back.fill(0);
        for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
          const dj = d[j];
          const step = -rate * dj;
          for (let i = 0; i < n; i++) {
            back[i] += w[row + i] * dj;
            w[row + i] += step * x[i];
          }
          w[row + n] += step;
        }
        const kind = this.hidden;
        for (let i = 0; i < n; i++) {
          const a = x[i];
          back[i] *= kind === "tanh" ? 1 - a * a : kind === "sigmoid" ? a * (1 - a) : 1;
        }
      } else {
        for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
          const step = -rate * d[j];
          for (let i = 0; i < n; i++) w[row + i] += step * x[i];
          w[row + n] += step;
        }
      }
    }
    return error / 2;
  }
}
