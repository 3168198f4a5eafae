// Writes renderer/src/sound/paid-chime.wav: PayDesk's "Paid" chime, two bell-like notes going up (E6, then
// B6), synthesised here from sine partials with an exponential decay, so the sound is entirely ours.
// The WAV it writes is PayDesk's own work, dedicated to the public domain (CC0 1.0). Deterministic: running
// it again writes the same bytes. Run: node scripts/make-chime.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 22_050;
const SECONDS = 1.1;
/** Each note: when it starts (s), its pitch (Hz), and how fast it fades. */
const NOTES = [
  { at: 0, hz: 1318.51, decay: 5 },
  { at: 0.16, hz: 1975.53, decay: 3.5 },
];
/** A bell's partials above its pitch, each quieter and shorter than the one before. */
const PARTIALS = [
  { ratio: 1, gain: 1, decay: 1 },
  { ratio: 2.01, gain: 0.35, decay: 1.8 },
  { ratio: 3.02, gain: 0.12, decay: 2.6 },
];
const PEAK = 0.6;
/** A few milliseconds of attack, so the start does not click. */
const ATTACK = 0.004;

const count = Math.round(RATE * SECONDS);
const samples = new Float64Array(count);
for (const note of NOTES) {
  for (let i = Math.round(note.at * RATE); i < count; i++) {
    const t = i / RATE - note.at;
    const attack = Math.min(1, t / ATTACK);
    for (const partial of PARTIALS) {
      samples[i] += partial.gain * attack * Math.exp(-t * note.decay * partial.decay) * Math.sin(2 * Math.PI * note.hz * partial.ratio * t);
    }
  }
}
const loudest = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
// The last 50 ms fade to silence, so the file ends on zero.
const fade = Math.round(0.05 * RATE);

const data = Buffer.alloc(count * 2);
samples.forEach((s, i) => {
  const tail = Math.min(1, (count - 1 - i) / fade);
  data.writeInt16LE(Math.round((s / loudest) * PEAK * tail * 32767), i * 2);
});

const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // PCM format chunk
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // bytes per second
header.writeUInt16LE(2, 32); // bytes per frame
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(data.length, 40);

const target = join(import.meta.dirname, '..', 'renderer', 'src', 'sound', 'paid-chime.wav');
writeFileSync(target, Buffer.concat([header, data]));
console.log(`Wrote ${target} (${44 + data.length} bytes).`);
