// Exit codes shared by every subcommand (DESIGN.md, "Contracts").
/** Valid / every job succeeded or was up to date. */
export const EXIT_OK = 0;
/** Invalid project / a job failed. */
export const EXIT_FAILED = 1;
/** The command itself could not run: no such file, bad flag, cannot start. */
export const EXIT_USAGE = 2;
