/**
 * The flow screen (the one URL `npm start` prints): each agent's SAP sandbox page — with the real
 * mashup in its Live Activity pane and the emulated Agent Desktop inside that — side by side, and
 * below them the event trace: Webex event (from the simulation) → channel message (seen by the
 * desktop) → SAP payload (received by the SAP page), with timestamps. The header also names the
 * agents of the Webex-in-SAP topology, who work through the emulated Webex CC cloud.
 */
import { clock, h, loadConfig } from "./dom";

interface Entry {
  at: number;
  source: string;
  kind: string;
  text: string;
}

async function main(): Promise<void> {
  const cfg = await loadConfig();
  const params = new URLSearchParams(location.search);
  const extra = params.get("format") === "xml" ? "&format=xml" : "";
  const body = h("tbody", { id: "trace-rows" });
  const count = h("span", { id: "trace-count", class: "muted" }, "0 events");
  document.body.replaceChildren(
    h("header", { class: "flow-head" },
      h("b", {}, "Webex Contact Center ↔ SAP connector — local sandbox"),
      h("span", { class: "muted" }, ` SAP sandbox ${cfg.sap} · mashup ${cfg.mashup} · desktops ${cfg.desktops.join(", ")}`),
      h("a", { href: "/sap?agent=1&topology=alongside", target: "_blank" }, "alongside topology (agent 1)"),
      h("span", { class: "muted" }, " · "),
      // Her own window: the pane signs in through a pop-up and runs the widgets' bundle (several MB), only when asked for.
      h("a", { id: "cloud-agents", href: "/sap?agent=3", target: "_blank", title: `Cisco's widgets and the Webex CC SDK in SAP's pane, signed in through the emulated Webex CC cloud ${cfg.webexCloud.origin}/webex; no Agent Desktop` }, `Webex in SAP topology (${cfg.cloudAgents.map((a) => a.agentName).join(", ")})`),
    ),
    h("div", { class: "flow" },
      cfg.agents.map((a, i) => h("iframe", { id: `sap-${i + 1}`, class: "sap-frame", title: `SAP sandbox of ${a.agentName}`, src: `/sap?agent=${i + 1}${extra}` })),
    ),
    h("section", { class: "trace" },
      h("div", { class: "trace-head" }, h("b", {}, "Event trace"), " ", h("span", { class: "k webex" }, "Webex event"), " → ", h("span", { class: "k channel" }, "channel message"), " → ", h("span", { class: "k sap" }, "SAP payload"), " ", count),
      h("div", { class: "trace-scroll" }, h("table", {}, body)),
    ),
  );
  let n = 0;
  const events = new EventSource("/trace/events");
  events.onmessage = (e) => {
    const t = JSON.parse(e.data as string) as Entry;
    body.prepend(h("tr", { class: t.kind }, h("td", {}, clock(t.at)), h("td", {}, h("span", { class: `k ${t.kind}` }, t.kind)), h("td", {}, t.source), h("td", {}, t.text)));
    while (body.childElementCount > 300) body.lastElementChild?.remove();
    count.textContent = `${++n} events`;
  };
}

void main();
