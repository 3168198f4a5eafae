// The Paid chime (paid-chime.wav, made by scripts/make-chime.js; PayDesk's own, CC0 1.0).
import chimeUrl from './paid-chime.wav';

export { chimeUrl };

/** Plays the chime from the start at `volume` percent. */
export function ring(audio: HTMLAudioElement, volume: number): void {
  audio.volume = Math.min(1, Math.max(0, volume / 100));
  audio.currentTime = 0;
  // A chime that cannot play (no audio device) must not stop anything else; the toast still says Paid.
  audio.play().catch((error: unknown) => console.warn('PayDesk could not play the Paid chime:', error));
}
