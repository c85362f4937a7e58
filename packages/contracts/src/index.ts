// Request and response schemas shared by the API (validation, OpenAPI) and the web app (types).
export * from './common.ts';
export * from './auth.ts';
export * from './projects.ts';
export * from './issues.ts';
export * from './agreement.ts';
export * from './rounds.ts';
export * from './coding.ts';
export * from './codebooks.ts';
export * from './analysis.ts';
export * from './exports.ts';
export * from './reviews.ts';
export * from './imports.ts';
