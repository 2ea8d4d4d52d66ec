import cliProgress from 'cli-progress';

/** A progress reporter for long CLI work; silent when output is not a terminal. */
export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/** A terminal progress bar (`cli-progress`), or one line per step when stdout is not a TTY. */
export function createProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let label = '';
  let total = 0;
  return {
    start(name, count) {
      label = name;
      total = count;
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: `${name.padEnd(28)} [{bar}] {percentage}% {value}/{total} ({eta_formatted})`, stream, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(count, 0);
      } else {
        stream.write(`${name}: 0/${count}\n`);
      }
    },
    update(done) {
      if (bar) bar.update(done);
    },
    stop() {
      if (bar) bar.stop();
      else stream.write(`${label}: ${total}/${total} selesai\n`);
      bar = null;
    },
  };
}

/** A progress reporter that reports nothing (tests, library calls). */
export const NO_PROGRESS: Progress = { start() {}, update() {}, stop() {} };
