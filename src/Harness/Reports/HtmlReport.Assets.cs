namespace Interleave.Harness.Reports;

/// <summary>The page's inline style sheet and script: no fonts, images or scripts from anywhere else.</summary>
internal static partial class HtmlReport
{
    private static readonly string Style = $$"""

        :root { --ink: #1d2330; --muted: #5f6b7a; --line: #e3e6ed; --card: #ffffff; --page: #f4f5f9;
          --completed: #3f8f5a; --blocked: #e0a100; --resumed: #2f74c0; --cancelled: #8b93a1; --failed: #c62828; --refused: #7e57c2; --racing: #d81b60; --preempt: #6a1b9a; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; background: var(--page); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        section, header.summary { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 20px; margin-bottom: 18px; }
        h1 { font-size: 24px; margin: 2px 0 8px; word-break: break-all; }
        h2 { font-size: 17px; margin: 0 0 10px; }
        h3 { font-size: 15px; margin: 0 0 8px; }
        .product { margin: 0; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .08em; }
        .verdict { display: inline-block; padding: 3px 12px; border-radius: 999px; background: var(--failed); color: #fff; font-weight: 700; }
        .message { white-space: pre-wrap; font: inherit; font-size: 16px; margin: 10px 0 4px; }
        .facts, .hint { color: var(--muted); margin: 4px 0; font-size: 13px; }
        .click-hint { display: none; }
        body[data-rendered="yes"] .click-hint { display: inline; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 0 0 6px; font-size: 13px; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 22px; height: 14px; border-radius: 4px; }
        .wait-swatch { height: 8px; background: #f2c94c; }
        .open-swatch { height: 8px; background: repeating-linear-gradient(45deg, var(--failed) 0 5px, #f3b1b1 5px 10px); }
        .failing-swatch { background: #fff; box-shadow: 0 0 0 3px var(--failed); width: 16px; margin: 0 3px; }
        .racing-swatch { background: #fff; box-shadow: 0 0 0 3px var(--racing); width: 16px; margin: 0 3px; }
        .preemption-swatch { width: 4px; background: var(--preempt); margin: 0 9px; }
        .timeline-body { display: flex; gap: 16px; align-items: flex-start; }
        .scroller { flex: 1 1 auto; min-width: 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
        .timeline { position: relative; min-width: 100%; }
        .axis, .lane { display: flex; border-bottom: 1px solid var(--line); }
        .lane { height: 42px; }
        .lane:last-child { border-bottom: 0; }
        .axis { height: 26px; background: #fafbfd; }
        .lane-name { flex: none; width: {{LaneNameWidth}}px; position: sticky; left: 0; z-index: 4; background: var(--card);
          padding: 0 10px; font-weight: 600; line-height: 42px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; border-right: 1px solid var(--line); }
        .axis .lane-name { background: #fafbfd; line-height: 26px; font-weight: 400; color: var(--muted); font-size: 12px; }
        .track { position: relative; flex: none; height: 100%; }
        .tick { position: absolute; width: {{StepWidth}}px; text-align: center; font-size: 11px; line-height: 26px; color: var(--muted); }
        .failing-column { position: absolute; top: 0; bottom: 0; width: {{StepWidth}}px; z-index: 0;
          background: rgba(198, 40, 40, .10); border-left: 1px dashed rgba(198, 40, 40, .55); border-right: 1px dashed rgba(198, 40, 40, .55); }
        .preemption { position: absolute; top: 0; bottom: 0; width: 0; z-index: 3; border-left: 3px solid var(--preempt); }
        .preemption-label { position: absolute; top: 1px; left: -1px; padding: 0 2px; border-radius: 0 4px 4px 0; background: var(--preempt); color: #fff; font-size: 10px; line-height: 14px; }
        .preemptions { margin: 12px 0 0; padding-left: 20px; font-size: 13px; }
        .preemptions li::marker { color: var(--preempt); }
        .step { position: absolute; top: 8px; width: {{StepWidth - 6}}px; margin-left: 3px; height: 26px; padding: 0; z-index: 2;
          border: 0; border-radius: 6px; color: #fff; font: 600 11px/26px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; cursor: pointer; }
        .step:hover, .step:focus-visible { outline: 2px solid var(--ink); outline-offset: 1px; }
        .step[aria-current="true"] { outline: 2px dashed var(--ink); outline-offset: 2px; }
        .step[data-outcome="completed"], .step-swatch[data-outcome="completed"] { background: var(--completed); }
        .step[data-outcome="blocked"], .step-swatch[data-outcome="blocked"] { background: var(--blocked); color: #2b2100; }
        .step[data-outcome="resumed"], .step-swatch[data-outcome="resumed"] { background: var(--resumed); }
        .step[data-outcome="cancelled"], .step-swatch[data-outcome="cancelled"] { background: var(--cancelled); }
        .step[data-outcome="failed"], .step-swatch[data-outcome="failed"] { background: var(--failed); }
        .step[data-outcome="refused"], .step-swatch[data-outcome="refused"] { background: var(--refused); }
        .step.failing { box-shadow: 0 0 0 2px #fff, 0 0 0 5px var(--failed); z-index: 3; }
        .step.racing { box-shadow: 0 0 0 2px #fff, 0 0 0 5px var(--racing); z-index: 3; }
        .wait { position: absolute; top: 17px; height: 8px; z-index: 1; border-radius: 4px; background: #f2c94c; }
        .wait[data-to="end"] { border-radius: 4px 0 0 4px; background: repeating-linear-gradient(45deg, var(--failed) 0 5px, #f3b1b1 5px 10px); }
        .details { flex: 0 0 330px; background: #fafbfd; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; font-size: 13px; }
        .details dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; margin: 0; }
        .details dt { color: var(--muted); }
        .details dd { margin: 0; word-break: break-all; }
        .wait-for { list-style: none; padding: 0; margin: 0 0 14px; }
        .wait-for li { margin: 8px 0; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
        .node { display: inline-block; padding: 5px 11px; border-radius: 8px; font-weight: 600; }
        .node.task { background: var(--ink); color: #fff; }
        .node.primitive { background: #fff4d6; border: 1px solid var(--blocked); }
        .site { display: block; font-weight: 400; font-size: 11px; color: var(--muted); }
        .edge { color: var(--muted); font-size: 13px; }
        .edge::after { content: " \2192"; }
        .holds, .nobody { color: var(--muted); font-size: 13px; }
        .nobody { color: var(--failed); font-weight: 600; }
        .cycle { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 14px 16px; border: 2px solid var(--failed); border-radius: 12px; background: #fff6f6; }
        .cycle-note { margin: 8px 0 0; color: var(--muted); font-size: 13px; }
        .account { margin: 0; padding: 14px 16px; border-radius: 8px; background: #131a2a; color: #e6e9ef; overflow-x: auto;
          font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }

        """;

    private const string Script = """

        (function () {
          var panel = document.getElementById("details");
          function show(step) {
            panel.querySelector('[data-field="step"]').textContent = step.dataset.step;
            ["task", "action", "result", "source", "code", "file"].forEach(function (field) {
              panel.querySelector('[data-field="' + field + '"]').textContent = step.dataset[field] || "-";
            });
            document.querySelectorAll('.step[aria-current]').forEach(function (other) { other.removeAttribute("aria-current"); });
            step.setAttribute("aria-current", "true");
          }
          document.querySelectorAll(".step").forEach(function (step) {
            step.addEventListener("click", function () { show(step); });
          });
          document.body.dataset.rendered = "yes";
        })();

        """;
}
