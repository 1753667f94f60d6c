/**
 * A minimal client for Firefox's devtools server (`--start-debugger-server PORT`, the Remote
 * Debugging Protocol that about:debugging uses). WebDriver BiDi cannot reach an add-on's event
 * page or navigate to its pages; this can: it lists add-ons, stops the event page the way
 * about:debugging's "Terminate background script" does, and evaluates in the add-on's context.
 * Packets are `<byte length>:<JSON>`.
 */
import { connect, type Socket } from 'node:net';

type Packet = { from?: string; to?: string; type?: string; error?: string; message?: string } & Record<string, unknown>;

export class DevtoolsClient {
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<string, Array<{ resolve(p: Packet): void; reject(e: Error): void }>>();
  private readonly listeners = new Set<(p: Packet) => void>();

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('close', () => {
      for (const queue of this.waiting.values()) for (const w of queue) w.reject(new Error('devtools connection closed'));
      this.waiting.clear();
    });
  }

  /** Connects (retrying while Firefox starts its server) and reads the root greeting. */
  static async connect(port: number, timeoutMs = 15_000): Promise<DevtoolsClient> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new DevtoolsClient(socket);
        await client.next('root');
        return client;
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      for (const listener of [...this.listeners]) listener(packet);
      // Events (packets with a `type`) go to listeners only; answers to the oldest request.
      if (packet.type && packet.from !== "root") continue;
      const queue = this.waiting.get(packet.from ?? '');
      const waiter = queue?.shift();
      if (!waiter) continue;
      if (packet.error) waiter.reject(new Error(`${packet.error}: ${packet.message ?? ''}`));
      else waiter.resolve(packet);
    }
  }

  private next(actor: string): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(actor) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(actor, queue);
    });
  }

  request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<Packet> {
    const answer = this.next(to);
    const body = Buffer.from(JSON.stringify({ to, type, ...extra }), 'utf8');
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return answer;
  }

  /** Waits for an event packet matching `test`. */
  waitForEvent(test: (p: Packet) => boolean, timeoutMs = 15_000): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('devtools event did not arrive'));
      }, timeoutMs);
      const listener = (p: Packet) => {
        if (!test(p)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(p);
      };
      this.listeners.add(listener);
    });
  }

  async addon(id: string): Promise<AddonForm> {
    const { addons } = (await this.request('root', 'listAddons')) as unknown as { addons: AddonForm[] };
    const found = addons.find((a) => a.id === id);
    if (!found) throw new Error(`add-on ${id} is not installed`);
    return found;
  }

  /** Stops the add-on's event page, as about:debugging's "Terminate background script". */
  async terminateBackground(id: string): Promise<void> {
    const addon = await this.addon(id);
    await this.request(addon.actor, 'terminateBackgroundScript');
  }

  /**
   * Evaluates `expression` (whose value may be a Promise) in the add-on's event page, where
   * `browser` is the WebExtension API, and returns its JSON value. The devtools console has no
   * await, so the result is parked in a global and read back.
   */
  async evaluateInAddon(id: string, expression: string, timeoutMs = 15_000): Promise<unknown> {
    const form = await this.backgroundTarget(id);
    const slot = `__statboardTest${++this.evaluations}`;
    await this.evaluate(form.consoleActor,
      `globalThis.${slot} = null; Promise.resolve().then(() => (${expression})).then((value) => { globalThis.${slot} = JSON.stringify({ value: value === undefined ? null : value }); }, (error) => { globalThis.${slot} = JSON.stringify({ error: String(error) }); }); true`);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.evaluate(form.consoleActor, `globalThis.${slot}`);
      if (typeof text === 'string') {
        const parsed = JSON.parse(text) as { value?: unknown; error?: string };
        if (parsed.error) throw new Error(`in the add-on: ${parsed.error}`);
        return parsed.value;
      }
      if (Date.now() > until) throw new Error(`in the add-on: ${expression} did not settle`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private evaluations = 0;

  /**
   * The add-on's event page as a devtools target (what about:debugging's "Inspect" attaches to):
   * the descriptor's watcher announces a frame target per extension document.
   */
  private async backgroundTarget(id: string, timeoutMs = 10_000): Promise<TargetForm> {
    const addon = await this.addon(id);
    let watched = this.watchers.get(addon.actor);
    if (!watched) {
      const watcher = (await this.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true, isPopupDebuggingEnabled: false })) as { actor: string };
      const targets = new Map<string, TargetForm>();
      // Targets come and go with the event page: keep the live ones.
      this.listeners.add((p) => {
        if (p.from !== watcher.actor) return;
        const target = p.target as TargetForm | undefined;
        if (p.type === 'target-available-form' && target) targets.set(target.actor, target);
        if (p.type === 'target-destroyed-form' && target) targets.delete(target.actor);
      });
      await this.request(watcher.actor, 'watchTargets', { targetType: 'frame' });
      watched = targets;
      this.watchers.set(addon.actor, targets);
    }
    const until = Date.now() + timeoutMs;
    for (;;) {
      const all = [...watched.values()];
      const background = all.find((t) => /_generated_background_page\.html/.test(t.url ?? '')) ?? all.find((t) => !/fallback/.test(t.url ?? ''));
      if (background) return background;
      if (Date.now() > until) throw new Error(`no devtools target for ${id}'s event page (${all.map((t) => t.url).join(', ')})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private readonly watchers = new Map<string, Map<string, TargetForm>>();

  /** evaluateJSAsync answers with a resultID, then sends the result as an event. */
  private async evaluate(consoleActor: string, text: string): Promise<unknown> {
    // The result event can arrive in the same read as the answer: listen before asking.
    const results: Packet[] = [];
    const collect = (p: Packet) => {
      if (p.from === consoleActor && p.type === 'evaluationResult') results.push(p);
    };
    this.listeners.add(collect);
    let result: Packet;
    try {
      const started = (await this.request(consoleActor, 'evaluateJSAsync', { text })) as { resultID?: string };
      const until = Date.now() + 15_000;
      for (;;) {
        const found = results.find((p) => p.resultID === started.resultID);
        if (found) {
          result = found;
          break;
        }
        if (Date.now() > until) throw new Error('devtools evaluation did not answer');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      this.listeners.delete(collect);
    }
    if (result.exceptionMessage) throw new Error(`devtools evaluation failed: ${String(result.exceptionMessage)}`);
    const value = result.result as unknown;
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'null') return null;
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'undefined') return undefined;
    return value;
  }

  close(): void {
    this.socket.destroy();
  }
}

interface TargetForm {
  actor: string;
  consoleActor: string;
  url?: string;
}

export interface AddonForm {
  actor: string;
  id: string;
  name: string;
  url?: string;
  backgroundScriptStatus?: 'RUNNING' | 'STOPPED' | string;
  persistentBackgroundScript?: boolean;
  [key: string]: unknown;
}
