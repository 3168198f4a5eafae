// Settings › Order book's Restart: PayDesk opens another order book only at a start, so it closes the core as a quit
// does (work in flight finished, the book and the log closed), then starts again. Electron starts the new PayDesk once
// this one has exited, so the single-instance lock never turns it away.

export type RestartSteps = {
  closeCore(): Promise<void>;
  relaunch(): void;
  exit(code: number): void;
  /** A core that did not close cleanly still restarts: the new start is what the shopkeeper asked for. */
  failed(error: unknown): void;
};

export async function restartPaydesk({ closeCore, relaunch, exit, failed }: RestartSteps): Promise<void> {
  try {
    await closeCore();
  } catch (error) {
    failed(error);
  }
  relaunch();
  exit(0);
}
