// The Shop admin page: sign in with an e-mailed code, then GET /stats every few seconds.
// The tokens live only in this closure (never in web storage or a cookie), so closing or
// reloading the tab signs out. Everything shown is set with textContent or SVG attributes: no HTML is parsed.
"use strict";

(() => {
  const REFRESH_EVERY_MS = 5000;
  const STATUSES = ["pending", "confirmed", "rejected", "cancelled", "shipped", "delivered"];
  const CHART = { top: 30, baseline: 220, slot: 100, barWidth: 60 };
  const SVG = "http://www.w3.org/2000/svg";
  const counts = new Intl.NumberFormat("en-US");
  const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  let session = null; // { accessToken, refreshToken, email }
  let pendingEmail = "";
  let refreshTimer = 0;

  const element = (id) => document.getElementById(id);

  function show(section) {
    for (const id of ["sign-in", "refusal", "dashboard"]) {
      element(id).hidden = id !== section;
    }
    element("who").hidden = section === "sign-in";
  }

  async function call(method, path, body, accessToken) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (accessToken) {
      headers.Authorization = "Bearer " + accessToken;
    }
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
        redirect: "error",
      });
    } catch {
      return { status: 0, body: null };
    }
    let parsed = null;
    try {
      parsed = await response.json();
    } catch {
      // 202 and 204 have no body; a proxy's error page is not JSON.
    }
    return { status: response.status, body: parsed };
  }

  // What a ProblemDetails answer says, in one line.
  function problemText(result) {
    if (result.status === 0) {
      return "The shop did not answer; check the connection and try again.";
    }
    const body = result.body;
    if (body && typeof body === "object") {
      if (body.errors && typeof body.errors === "object") {
        const messages = Object.values(body.errors).flat().filter((message) => typeof message === "string");
        if (messages.length > 0) {
          return messages.join(" ");
        }
      }
      for (const text of [body.detail, body.title]) {
        if (typeof text === "string" && text.length > 0) {
          return text;
        }
      }
    }
    return "The shop answered HTTP " + result.status + ".";
  }

  function setError(text) {
    element("sign-in-error").textContent = text;
  }

  // The address from the access token itself (what auth stored), for display only.
  function emailOf(accessToken, fallback) {
    try {
      const payload = accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return typeof claims.email === "string" ? claims.email : fallback;
    } catch {
      return fallback;
    }
  }

  async function requestCode(event) {
    event.preventDefault();
    const typed = element("email").value.trim();
    setError("");
    if (typed.length === 0) {
      setError("Enter your e-mail address.");
      return;
    }
    const result = await call("POST", "/auth/login", { email: typed });
    if (result.status !== 202) {
      setError("Could not send a code to \u201c" + typed + "\u201d: " + problemText(result));
      return;
    }
    pendingEmail = typed;
    element("code-sent").textContent = "We sent a 6-digit code to " + typed + ". It is valid for 10 minutes.";
    element("email-form").hidden = true;
    element("code-form").hidden = false;
    element("code").value = "";
    element("code").focus();
  }

  async function verifyCode(event) {
    event.preventDefault();
    const code = element("code").value.trim();
    setError("");
    if (!/^[0-9]{6}$/.test(code)) {
      setError("The code has 6 digits.");
      return;
    }
    const result = await call("POST", "/auth/verify", { email: pendingEmail, code });
    if (result.status !== 200 || !result.body || typeof result.body.accessToken !== "string") {
      setError("Could not sign in: " + problemText(result));
      return;
    }
    element("code").value = "";
    startSession(result.body);
  }

  function startSession(tokens) {
    session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      email: emailOf(tokens.accessToken, pendingEmail),
    };
    element("who-email").textContent = session.email;
    element("status-line").textContent = "Loading the totals\u2026";
    show("dashboard");
    loadStats();
  }

  function askForEmail() {
    element("code-form").hidden = true;
    element("email-form").hidden = false;
    element("email").focus();
  }

  function signOut(message) {
    const ended = session;
    session = null;
    clearTimeout(refreshTimer);
    if (ended && ended.refreshToken) {
      call("POST", "/auth/logout", { refreshToken: ended.refreshToken });
    }
    askForEmail();
    show("sign-in");
    setError(message || "");
  }

  // A new token pair from the refresh token, when the 15-minute access token has expired.
  async function renewTokens(current) {
    const result = await call("POST", "/auth/refresh", { refreshToken: current.refreshToken });
    if (result.status !== 200 || !result.body || typeof result.body.accessToken !== "string") {
      return false;
    }
    current.accessToken = result.body.accessToken;
    current.refreshToken = result.body.refreshToken;
    return true;
  }

  async function loadStats(renewed = false) {
    const current = session;
    if (!current) {
      return;
    }
    const result = await call("GET", "/stats", undefined, current.accessToken);
    if (session !== current) {
      return; // signed out meanwhile
    }
    if (result.status === 200 && result.body && typeof result.body === "object") {
      render(result.body);
    } else if (result.status === 401) {
      const renewedNow = !renewed && (await renewTokens(current));
      if (session !== current) {
        return; // signed out while renewing
      }
      if (renewedNow) {
        loadStats(true);
      } else {
        signOut("Your session has ended; sign in again.");
      }
      return;
    } else if (result.status === 403) {
      element("refused-email").textContent = current.email;
      show("refusal");
      return;
    } else {
      element("status-line").textContent = "Could not load the totals (" + problemText(result) + "); trying again.";
    }
    refreshTimer = setTimeout(loadStats, REFRESH_EVERY_MS);
  }

  function showNumber(id, value, format) {
    const cell = element(id);
    const known = typeof value === "number";
    cell.textContent = known ? format.format(value) : "unavailable";
    cell.classList.toggle("missing", !known);
  }

  function render(stats) {
    showNumber("users", stats.users, counts);
    showNumber("verified-users", stats.verifiedUsers, counts);
    showNumber("products", stats.products, counts);
    showNumber("revenue", stats.revenue, money);
    showNumber("mails-sent", stats.mailsSent, counts);
    renderChart(stats.ordersByStatus);

    const silent = [];
    if (stats.users === null) silent.push("auth");
    if (stats.products === null) silent.push("products");
    if (stats.ordersByStatus === null) silent.push("orders");
    if (stats.mailsSent === null) silent.push("notifications");
    const when = new Date(stats.generatedAt);
    let line = "Updated " + (isNaN(when) ? "just now" : when.toLocaleTimeString("en-GB")) + ", every " + REFRESH_EVERY_MS / 1000 + " s.";
    if (silent.length > 0) {
      line += " No answer from: " + silent.join(", ") + ".";
    }
    element("status-line").textContent = line;
  }

  function svgElement(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    return node;
  }

  // Built once: a bar, a count and a label per status, updated in place on every refresh.
  function buildChart() {
    const chart = element("orders-chart");
    chart.appendChild(svgElement("line", { x1: 0, x2: 600, y1: CHART.baseline, y2: CHART.baseline, class: "axis" }));
    STATUSES.forEach((status, index) => {
      const x = index * CHART.slot + (CHART.slot - CHART.barWidth) / 2;
      const center = index * CHART.slot + CHART.slot / 2;
      chart.appendChild(svgElement("rect", { id: "bar-" + status, class: "bar bar-" + status, x, y: CHART.baseline, width: CHART.barWidth, height: 0 }));
      const count = svgElement("text", { id: "orders-" + status, class: "count", x: center, y: CHART.baseline - 6, "text-anchor": "middle" });
      chart.appendChild(count);
      const label = svgElement("text", { class: "label", x: center, y: CHART.baseline + 24, "text-anchor": "middle" });
      label.textContent = status;
      chart.appendChild(label);
    });
  }

  function renderChart(byStatus) {
    const known = byStatus !== null && typeof byStatus === "object";
    element("orders-chart").classList.toggle("missing", !known);
    element("orders-missing").hidden = known;
    const values = STATUSES.map((status) => (known && typeof byStatus[status] === "number" ? byStatus[status] : 0));
    const largest = Math.max(1, ...values);
    STATUSES.forEach((status, index) => {
      const height = Math.round((values[index] / largest) * (CHART.baseline - CHART.top));
      const bar = element("bar-" + status);
      bar.setAttribute("y", String(CHART.baseline - height));
      bar.setAttribute("height", String(height));
      const count = element("orders-" + status);
      count.setAttribute("y", String(CHART.baseline - height - 6));
      count.textContent = known ? counts.format(values[index]) : "\u2013";
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    buildChart();
    element("email-form").addEventListener("submit", requestCode);
    element("code-form").addEventListener("submit", verifyCode);
    element("other-email").addEventListener("click", () => {
      setError("");
      askForEmail();
    });
    element("sign-out").addEventListener("click", () => signOut(""));
    show("sign-in");
    element("email").focus();
  });
})();
