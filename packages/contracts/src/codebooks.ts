// Stages and their codebooks (owned by the codebook module; see apps/api/src/modules/codebooks).
export {};
