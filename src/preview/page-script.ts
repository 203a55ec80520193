/**
 * The preview page's script, served as /assets/preview.js. Plain ES2020 for
 * the browser. It follows the server's build status over Server-Sent Events
 * and reloads only what a build changed (each part has a version number):
 * the deck keeps its slide (the URL hash), unchanged card images stay.
 * Talk text is only ever set as textContent, never parsed as HTML.
 */
export const PAGE_SCRIPT = `"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const token = document.querySelector('meta[name="talkdeck-token"]').getAttribute("content");
  const SLIDE = "talkdeck-preview-slide";
  const loaded = { deck: 0, cards: 0, state: 0 };
  let state;
  let queue = Promise.resolve();

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function notice(text, bad) {
    const box = $("notice");
    box.hidden = text === "";
    box.textContent = text;
    box.classList.toggle("bad", bad === true);
  }

  function showStatus(status) {
    const line = $("status");
    line.className = "status phase-" + status.phase;
    line.textContent =
      status.phase === "building" ? "building…" : status.phase === "error" ? "build failed" : status.summary || "";
    $("error").hidden = status.phase !== "error";
    $("error-text").textContent = status.error || "";
  }

  // The bespoke deck keeps the slide in its URL hash (#5).
  function slideHash() {
    try {
      const hash = $("deck").contentWindow.location.hash;
      if (hash) return hash;
    } catch {}
    return sessionStorage.getItem(SLIDE) || "";
  }

  function reloadDeck(version) {
    $("deck-empty").hidden = true;
    $("deck").src = "/out/deck.html?v=" + version + slideHash();
  }

  addEventListener("pagehide", () => {
    const hash = slideHash();
    if (hash) sessionStorage.setItem(SLIDE, hash);
  });

  async function reloadCards() {
    const response = await fetch("/out/manifest.json", { cache: "no-store" });
    if (!response.ok) return;
    const manifest = await response.json();
    const digests = manifest.digests || {};
    const box = $("cards");
    const before = new Map();
    for (const img of box.querySelectorAll("img")) before.set(img.getAttribute("src"), img.closest("figure"));
    const figures = manifest.cards.map((card) => {
      const src = "/out/" + card.file + "?v=" + String(digests[card.file] || "").slice(0, 16);
      const kept = before.get(src);
      if (kept) return kept;
      return el("figure", { class: "card", "data-quote": card.quoteId }, [
        el("img", { src, alt: card.alt, loading: "lazy", width: String(card.width), height: String(card.height) }),
        el("figcaption", { text: card.quoteId + " · " + card.preset + " " + card.width + "×" + card.height }),
      ]);
    });
    box.replaceChildren(...figures);
    $("cards-count").textContent = manifest.cards.length + " images";
  }

  async function reloadState() {
    const response = await fetch("/api/state", { cache: "no-store" });
    if (!response.ok) return;
    const body = await response.json();
    if (!body.state) return;
    state = body.state;
    $("settings-file").textContent = state.settingsFile;
    $("title").textContent = state.title;
    renderQuotes();
  }

  function toggleButton(candidate, list, label) {
    const on = list === "deck" ? candidate.onDeck : candidate.onCards;
    const button = el("button", { class: "toggle", type: "button", "aria-pressed": String(on), "data-list": list, "data-id": candidate.id, text: label });
    button.addEventListener("click", () => pick(button, candidate, list));
    return button;
  }

  function renderQuotes() {
    const words = $("filter").value.trim().toLowerCase();
    const chosenOnly = $("chosen-only").checked;
    const items = [];
    let rank = 0;
    for (const candidate of state.candidates) {
      if (candidate.ranked) rank += 1;
      const chosen = candidate.onDeck || candidate.onCards;
      if (chosenOnly && !chosen) continue;
      if (words && !(candidate.text + " " + candidate.speaker + " " + candidate.id).toLowerCase().includes(words)) continue;
      items.push(
        el("li", { class: "quote" + (chosen ? " chosen" : ""), "data-id": candidate.id }, [
          el("div", { class: "meta" }, [
            el("span", { class: "rank", text: candidate.ranked ? "#" + rank : "chosen in the front matter" }),
            el("span", { class: "score", title: "score", text: candidate.score.toFixed(1) }),
            el("span", { class: "speaker", text: candidate.speaker }),
            el("code", { text: candidate.id }),
            el("span", { text: "line " + candidate.line }),
          ]),
          el("p", { class: "text", text: candidate.text }),
          el("div", { class: "actions" }, [
            toggleButton(candidate, "deck", "on slides"),
            toggleButton(candidate, "cards", "on cards"),
          ]),
          el("details", {}, [el("summary", { text: "why" }), el("ul", {}, candidate.why.map((why) => el("li", { text: why })))]),
        ]),
      );
    }
    $("quotes").replaceChildren(...items);
  }

  async function pick(button, candidate, list) {
    const on = button.getAttribute("aria-pressed") !== "true";
    button.disabled = true;
    try {
      const response = await fetch("/api/pick", {
        method: "POST",
        headers: { "content-type": "application/json", "x-talkdeck-token": token },
        body: JSON.stringify({ list, id: candidate.id, on, hash: state.settingsHash }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        state.settingsHash = body.hash;
        button.setAttribute("aria-pressed", String(on));
        notice(body.changed ? "Saved to " + state.settingsFile + "; rebuilding…" : "Already so: nothing to write.");
      } else {
        notice(body.error || "The choice was not saved (" + response.status + ").", true);
        if (response.status === 409) await reloadState();
      }
    } catch (error) {
      notice("The preview server does not answer: is talkdeck still running?", true);
    } finally {
      button.disabled = false;
    }
  }

  async function apply(status) {
    showStatus(status);
    if (status.phase !== "building" && status.phase !== "error") notice("");
    const { deck, cards } = status.versions;
    if (deck > 0 && deck !== loaded.deck) {
      loaded.deck = deck;
      reloadDeck(deck);
    }
    if (cards > 0 && cards !== loaded.cards) {
      loaded.cards = cards;
      await reloadCards();
    }
    if (status.versions.state > 0 && status.versions.state !== loaded.state) {
      loaded.state = status.versions.state;
      await reloadState();
    }
  }

  $("filter").addEventListener("input", () => state && renderQuotes());
  $("chosen-only").addEventListener("change", () => state && renderQuotes());

  const events = new EventSource("/api/events");
  events.onmessage = (message) => {
    const status = JSON.parse(message.data);
    queue = queue.then(() => apply(status)).catch(() => {});
  };
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) $("status").textContent = "disconnected";
    else $("status").textContent = "reconnecting…";
  };
})();
`;
