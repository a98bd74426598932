// The official NATS JavaScript client (npm `nats`) on the four workloads of benchmarks/Nats.Benchmarks.
// Usage: node bench.mjs nats://user:pass@host:port
// Reads workload names from stdin, one a line (corePublish, requestReply, jsPublish, pullConsume), runs each on
// the same warm connection, and answers each with one JSON line {"perSecond":…, "cpuMicrosecondsPerOp":…}.
import { createInterface } from "node:readline";
import { connect, AckPolicy } from "nats";

const url = new URL(process.argv[2] ?? "nats://127.0.0.1:4222");
const opts = {
  servers: `${url.hostname}:${url.port || 4222}`,
  user: url.username ? decodeURIComponent(url.username) : undefined,
  pass: url.password ? decodeURIComponent(url.password) : undefined,
};
const count = (name, fallback) => Number(process.env[name] ?? fallback);
const sizes = {
  corePublish: count("CORE_PUBLISH_COUNT", 1_000_000),
  requestReply: count("REQUEST_REPLY_COUNT", 10_000),
  jsPublish: count("JS_PUBLISH_COUNT", 20_000),
  pullConsume: count("PULL_CONSUME_COUNT", 100_000),
};
const payload = new Uint8Array(128).fill(65);
const window = 256;

const start = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const measure = (n, started) => {
  const cpu = process.cpuUsage(started.cpu);
  return {
    perSecond: n / ((performance.now() - started.wall) / 1000),
    cpuMicrosecondsPerOp: (cpu.user + cpu.system) / n,
  };
};

const nc = await connect({ ...opts, name: "bench-js" });
const responder = await connect({ ...opts, name: "bench-js-responder" });
const jsm = await nc.jetstreamManager();
const js = nc.jetstream();

const workloads = {
  async corePublish() {
    for (let i = 0; i < 100_000; i++) {
      nc.publish("bench.js.core", payload);
    }
    await nc.flush();
    const started = start();
    for (let i = 0; i < sizes.corePublish; i++) {
      nc.publish("bench.js.core", payload);
    }
    await nc.flush();
    return measure(sizes.corePublish, started);
  },

  async requestReply() {
    const sub = responder.subscribe("bench.js.rr", { callback: (_, m) => m.respond(m.data) });
    await responder.flush();
    for (let i = 0; i < 1000; i++) {
      await nc.request("bench.js.rr", payload, { timeout: 5000 });
    }
    const started = start();
    for (let i = 0; i < sizes.requestReply; i++) {
      await nc.request("bench.js.rr", payload, { timeout: 5000 });
    }
    const result = measure(sizes.requestReply, started);
    sub.unsubscribe();
    return result;
  },

  async jsPublish() {
    await jsm.streams.add({ name: "BENCH_JS_PUB", subjects: ["bench.js.pub"] });
    const inFlight = [];
    const started = start();
    for (let i = 0; i < sizes.jsPublish; i++) {
      inFlight.push(js.publish("bench.js.pub", payload));
      if (inFlight.length >= window) {
        await inFlight.shift();
      }
    }
    await Promise.all(inFlight);
    const result = measure(sizes.jsPublish, started);
    await jsm.streams.delete("BENCH_JS_PUB");
    return result;
  },

  async pullConsume() {
    await jsm.streams.add({ name: "BENCH_JS_PULL", subjects: ["bench.js.pull"] });
    for (let i = 0; i < sizes.pullConsume; i++) {
      nc.publish("bench.js.pull", payload);
    }
    await nc.flush();
    while ((await jsm.streams.info("BENCH_JS_PULL")).state.messages < sizes.pullConsume) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await jsm.consumers.add("BENCH_JS_PULL", { durable_name: "bench", ack_policy: AckPolicy.Explicit });
    const consumer = await js.consumers.get("BENCH_JS_PULL", "bench");
    const messages = await consumer.consume({ max_messages: 1000 });
    let received = 0;
    const started = start();
    for await (const m of messages) {
      m.ack();
      if (++received === sizes.pullConsume) {
        break;
      }
    }
    await nc.flush();
    const result = measure(sizes.pullConsume, started);
    await jsm.streams.delete("BENCH_JS_PULL");
    return result;
  },
};

for await (const line of createInterface({ input: process.stdin })) {
  const workload = workloads[line.trim()];
  if (!workload) {
    throw new Error(`unknown workload '${line}'`);
  }
  console.log(JSON.stringify(await workload()));
}
await responder.close();
await nc.close();
