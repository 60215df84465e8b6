// The App's memory and its per-key queue.
import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/app/keyed-queue.ts";
import { MemoryStore } from "../../src/app/store/memory-store.ts";

describe("MemoryStore", () => {
  it("claims a delivery once, and again after it is released", async () => {
    const store = new MemoryStore();
    expect(await store.claimDelivery("a")).toBe(true);
    expect(await store.claimDelivery("a")).toBe(false);
    await store.releaseDelivery("a");
    expect(await store.claimDelivery("a")).toBe(true);
  });

  it("forgets the oldest entries beyond its bounds", async () => {
    const store = new MemoryStore({ deliveries: 2, comments: 1 });
    for (const id of ["a", "b", "c"]) await store.claimDelivery(id);
    expect(await store.claimDelivery("a")).toBe(true);
    expect(await store.claimDelivery("c")).toBe(false);
    const repo = { owner: "o", repo: "r" };
    await store.setStickyComment({ repo, number: 1 }, { id: 10, bodyHash: "a" });
    await store.setStickyComment({ repo, number: 2 }, { id: 20, bodyHash: "b" });
    expect(await store.getStickyComment({ repo, number: 1 })).toBeNull();
    expect(await store.getStickyComment({ repo: { owner: "O", repo: "R" }, number: 2 })).toEqual({
      id: 20,
      bodyHash: "b",
    });
  });
});

describe("KeyedQueue", () => {
  it("runs tasks for one key in order, one at a time, and keys in parallel", async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = queue.run("pr#1", async () => {
      events.push("1 start");
      await gate;
      events.push("1 end");
    });
    const second = queue.run("pr#1", async () => {
      events.push("2 run");
    });
    const other = queue.run("pr#2", async () => {
      events.push("other run");
    });
    await other;
    expect(events).toEqual(["1 start", "other run"]);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(["1 start", "other run", "1 end", "2 run"]);
  });

  it("keeps going after a task fails, and forgets idle keys", async () => {
    const queue = new KeyedQueue();
    await expect(queue.run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run("k", async () => 42)).toBe(42);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(queue.pending).toBe(0);
  });
});
