import type { JobName } from '../types.js';

/**
 * The in-process queue's schedules: one timer per job name, firing every interval (it never
 * keeps the process alive). Replacing a name's schedule stops its old timer first.
 */
export class IntervalSchedules {
  private readonly timers = new Map<JobName, NodeJS.Timeout>();

  set(name: JobName, everySeconds: number, fire: () => void): void {
    this.clear(name);
    const timer = setInterval(fire, Math.max(1, everySeconds) * 1000);
    timer.unref();
    this.timers.set(name, timer);
  }

  clear(name: JobName): void {
    clearInterval(this.timers.get(name));
    this.timers.delete(name);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
  }
}
