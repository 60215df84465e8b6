// Whether the process that wrote a pid-file lock is still running. Signal 0 checks without sending
// anything; EPERM means the process exists but belongs to someone else.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
