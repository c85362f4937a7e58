// Values the global setup provides to every test file through vitest's inject().
declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose template database is migrated (see vitest.global-setup.ts). */
    databaseServerUrl: string;
  }
}
export {};
