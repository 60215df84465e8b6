// The servers (`trestle app`, `trestle backend serve`) run until they are asked to stop: Ctrl-C in a
// terminal, or SIGTERM from a service manager or container runtime.

/** Resolves with the first SIGINT or SIGTERM this process receives. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}
