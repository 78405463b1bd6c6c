// Names the editor completes in a snippet: the engine's exports and members, and the
// runner's own `show` API. A unit test checks this against the engine's real exports.
export interface NameInfo {
  label: string;
  type: 'class' | 'function' | 'method' | 'property' | 'variable' | 'constant';
  info: string;
}

export const ENGINE_NAMES: NameInfo[] = [
  { label: 'Network', type: 'class', info: 'new Network(sizes, { activation, outputActivation, trainingRate, seed })' },
  { label: 'Neuron', type: 'class', info: 'a neuron: its value, its links in and out' },
  { label: 'Link', type: 'class', info: 'a weighted link from one neuron to another' },
  { label: 'propagate', type: 'method', info: 'net.propagate(inputs) → the output values' },
  { label: 'learn', type: 'method', info: 'net.learn(inputs, expected) → the error before one step of gradient descent' },
  { label: 'links', type: 'property', info: 'every Link, bias links included' },
  { label: 'layers', type: 'property', info: 'Neuron[][]: input layer first' },
  { label: 'weight', type: 'property', info: "a link's weight (read/write)" },
  { label: 'from', type: 'property', info: 'the neuron a link starts at' },
  { label: 'to', type: 'property', info: 'the neuron a link ends at' },
  { label: 'value', type: 'property', info: "a neuron's output value" },
  { label: 'sensitivity', type: 'property', info: '∂E/∂(neuron value) after learn' },
  { label: 'trainingRate', type: 'property', info: 'step size of gradient descent' },
  { label: 'activation', type: 'property', info: '"sigmoid" | "tanh" | "relu" | "leakyRelu" | "linear"' },
  { label: 'outputActivation', type: 'property', info: 'activation of the output layer' },
  { label: 'seed', type: 'property', info: 'same seed, same weights' },
  { label: 'train', type: 'method', info: 'net.train(samples, { epochs, batchSize, shuffle, onEpoch }) → error per epoch' },
  { label: 'evaluate', type: 'method', info: 'net.evaluate(samples) → { error }, plus accuracy when the samples are a classification' },
  { label: 'errorOf', type: 'method', info: 'net.errorOf(inputs, expected): the error, without learning' },
  { label: 'gradients', type: 'method', info: 'net.gradients(inputs, expected): ∂E/∂w for every link' },
  { label: 'clone', type: 'method', info: 'net.clone(): an independent copy' },
  { label: 'outputs', type: 'property', info: "the output layer's neurons" },
  { label: 'activate', type: 'method', info: 'neuron.activate(): sum the inputs, squash, return the value' },
  { label: 'backpropagate', type: 'method', info: "neuron.backpropagate(trainingRate): each incoming link sends blame back with its old weight, then moves its weight" },
  { label: 'isBias', type: 'property', info: 'true for a bias neuron (value always 1)' },
  { label: 'outputSensitivity', type: 'property', info: "a link's ∂E/∂(sum of its output neuron) after learn" },
  { label: 'weightChange', type: 'property', info: 'how much the last step moved the weight' },
  { label: 'datasets', type: 'variable', info: 'datasets.xor(), .circle(), .gauss(), .spiral(): seeded samples' },
  { label: 'xor', type: 'method', info: 'datasets.xor(): the four XOR samples' },
  { label: 'circle', type: 'method', info: 'datasets.circle({ count, noise, seed }): points inside/outside a circle' },
  { label: 'gauss', type: 'method', info: 'datasets.gauss({ count, noise, seed }): two Gaussian clusters' },
  { label: 'spiral', type: 'method', info: 'datasets.spiral({ count, noise, seed }): two interleaved spirals' },
  { label: 'gradientCheck', type: 'function', info: 'gradientCheck(net, inputs, expected): backprop vs nudge-and-measure' },
  { label: 'toJSON', type: 'method', info: 'net.toJSON(): a plain object' },
  { label: 'fromJSON', type: 'method', info: 'Network.fromJSON(json): the exact network back' },
  { label: 'show', type: 'function', info: 'show(value): a table, plot or network diagram' },
  { label: 'table', type: 'method', info: 'show.table(rows)' },
  { label: 'plot', type: 'method', info: 'show.plot(numbers | { name: numbers }, { title })' },
  { label: 'network', type: 'method', info: 'show.network(net): a diagram of the network' },
];
