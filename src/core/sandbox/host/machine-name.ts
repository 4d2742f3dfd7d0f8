/** The learner's simulated machine's host name: its prompt, `hostname`, docker info, a --network host container's. */
export const MACHINE_NAME = 'layerwise';
