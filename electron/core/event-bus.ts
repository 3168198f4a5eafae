// A small typed event bus: the service announces order changes, the main process (or a test) listens.
export type EventBus<Events extends Record<string, unknown>> = {
  on<E extends keyof Events>(name: E, listener: (payload: Events[E]) => void): () => void;
  emit<E extends keyof Events>(name: E, payload: Events[E]): void;
};

/** `failed` hears of a listener that threw (the core's log; the console when none is given). */
export function createEventBus<Events extends Record<string, unknown>>(
  failed: (name: string, error: unknown) => void = (name, error) => console.error(`PayDesk: a ${name} listener failed:`, error),
): EventBus<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        // One failing listener (a closed window) must not stop the others or the caller's transaction.
        try {
          (listener as (payload: Events[typeof name]) => void)(payload);
        } catch (error) {
          failed(String(name), error);
        }
      }
    },
  };
}
