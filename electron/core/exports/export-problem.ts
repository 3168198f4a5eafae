// Why an export failed, as a param of its message: the system's error code (ENOSPC, EACCES, …) where there is
// one, which reads the same in every language, else the error's own words.
export const problemOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
