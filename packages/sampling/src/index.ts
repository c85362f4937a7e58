// Seeded sampling and sample-size planning, shared by rounds, issue sets and the web app.
export { allocate, drawSample, seededRandom, shuffle, type Random } from './seeded-sample.ts';
export { cochranInfinite, cochranSampleSize, zForConfidence, type SampleSizeInput } from './sample-size.ts';
