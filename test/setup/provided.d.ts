export {};

declare module 'vitest' {
  /** Values test/setup/global.ts hands to every test file through `inject`. */
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalCliPath: string;
    temporalTestServerPath: string;
  }
}
