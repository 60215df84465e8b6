// Like Promise.all, but a failure is only reported once every task has finished. A delivery that
// fails must not leave work running behind it: the next delivery for the same pull request would
// start alongside (say) a comment still being written, and both would write one.
export async function settleAll<T extends readonly unknown[]>(
  tasks: readonly [...{ [K in keyof T]: T[K] | Promise<T[K]> }],
): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed !== undefined) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
