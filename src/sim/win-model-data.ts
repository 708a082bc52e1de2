// Placeholder until `npm run build:win-model` writes the fitted model.
export const WIN_MODEL_DATA = {
  slope: Array.from({ length: 101 }, (_, u) => 1 / (6 * Math.sqrt(u + 1) + 4)),
  offset: Array.from({ length: 101 }, () => 0),
  source: 'placeholder',
};
