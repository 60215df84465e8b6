// Writing to stdout when the reader may go away early (`trestle graph | head`): a closed pipe ends the
// output quietly instead of crashing with EPIPE.
let quiet = false;

export function writeStdout(text: string): void {
  if (quiet || text === "") return;
  if (process.stdout.listenerCount("error") === 0) {
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      quiet = true;
    });
  }
  process.stdout.write(text);
}

export function writeStderr(text: string): void {
  if (text !== "") process.stderr.write(text);
}
