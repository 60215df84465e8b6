// Defaults the backend shares with the command line that starts it, kept apart from backend.ts so
// that the command's help text can show them without loading the server.

/** Jobs each backend runs at once unless told otherwise. */
export const DEFAULT_MAX_WORKERS = 2;
