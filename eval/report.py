"""Evaluation report: ``report.md`` and a self-contained ``report.html`` (PNG plots inlined as base64).

Reads ``run.json`` and ``results-<method>.jsonl`` from the report directory. Measured here:
completion per method and per area, seconds and tactics per theorem, tactics per minute of
search, CPU seconds per proved theorem. Quoted: the LLM figures of ``eval/llm_figures.json``
(each with its source). ``python -m eval.report DIR`` rebuilds the report from the files.
"""
from __future__ import annotations

import base64
import html
import io
import json
import sys
from pathlib import Path
from typing import Any, Optional

from eval.cost import comparison, llm_rows, load_figures, our_row

AREAS = ("logic", "Nat", "List")
METHOD_ORDER = ("learned", "uniform", "heuristic", "automation")
OUR_PARAMETERS_NOMINAL = 1_500_000


def load_results(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """Records per method from ``results-<method>.jsonl`` (torn lines skipped)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(directory.glob("results-*.jsonl")):
        method = path.stem[len("results-"):]
        recs = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                recs.append(json.loads(line))
            except ValueError:
                continue
        out[method] = recs
    order = {m: i for i, m in enumerate(METHOD_ORDER)}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], len(order))))


def method_stats(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Completion, per-area completion, throughput and CPU figures of one method."""
    n = len(records)
    proved = [r for r in records if r.get("proved")]
    seconds = sum(float(r.get("seconds", 0.0)) for r in records)
    tactics = sum(int(r.get("tactics_tried", 0)) for r in records)
    cpu = sum(float(r.get("cpu_seconds", 0.0)) for r in records)
    areas = {}
    for area in AREAS:
        rs = [r for r in records if r.get("area") == area]
        areas[area] = (sum(1 for r in rs if r.get("proved")), len(rs))
    return {
        "attempted": n, "proved": len(proved), "rate": len(proved) / n if n else 0.0, "areas": areas,
        "search_seconds": seconds, "tactics": tactics,
        "internal_errors": sum(int(r.get("internal_errors", 0)) for r in records),
        "tactics_per_minute": 60.0 * tactics / seconds if seconds > 0 else 0.0,
        "tactics_per_cpu_minute": 60.0 * tactics / cpu if cpu > 0 else 0.0,
        "cpu_seconds": cpu, "cpu_per_proved": cpu / len(proved) if proved else None,
        "proved_seconds": sorted(float(r.get("seconds", 0.0)) for r in proved),
    }


def _png(fig: Any) -> bytes:
    """A matplotlib figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def plots(stats: dict[str, dict[str, Any]], time_limit: float) -> dict[str, bytes]:
    """The cactus plot (theorems proved within t seconds) and the throughput plot (tactics/min per method)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: dict[str, bytes] = {}
    fig, ax = plt.subplots(figsize=(6, 4))
    for method, s in stats.items():
        times = s["proved_seconds"]
        xs = [0.0] + times + [max(time_limit, times[-1] if times else 0.0)]
        ys = [0] + list(range(1, len(times) + 1)) + [len(times)]
        ax.step(xs, ys, where="post", label=f"{method} ({s['proved']}/{s['attempted']})")
    ax.set_xlabel("wall seconds per theorem")
    ax.set_ylabel("theorems proved within that time")
    ax.set_title("Cactus plot (measured)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(alpha=0.3)
    ax.legend()
    out["cactus.png"] = _png(fig)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    names = list(stats)
    ax.bar(names, [stats[m]["tactics_per_minute"] for m in names], color="#4477aa")
    for i, m in enumerate(names):
        ax.text(i, stats[m]["tactics_per_minute"], f"{stats[m]['tactics_per_minute']:,.0f}", ha="center", va="bottom")
    ax.set_ylabel("tactics per minute of search (per worker)")
    ax.set_title("Search throughput (measured)")
    out["throughput.png"] = _png(fig)
    plt.close(fig)
    return out


def _fmt_money(x: Optional[float]) -> str:
    """Dollars with enough digits for tiny amounts."""
    if x is None:
        return "n/a"
    return f"${x:.2e}" if x < 0.01 else f"${x:.4f}"


def build_markdown(run: dict[str, Any], stats: dict[str, dict[str, Any]], cost: dict[str, Any]) -> str:
    """The report as Markdown (plots referenced as files next to it)."""
    lines = [f"# Evaluation: {run.get('benchmark', '?')} split `{run.get('split', '?')}`", ""]
    lines += [f"{run.get('theorems', '?')} theorems; {run.get('time_limit', '?')} s wall per theorem for every method; "
              f"{run.get('workers', '?')} workers on {run.get('cores', '?')} cores; splits from {run.get('split_source', '?')}; "
              f"started {run.get('started', '?')}.", ""]
    by_rule = run.get("targets_split_by_rule") or []
    if by_rule and run.get("split_source") != "rule":
        lines.append(f"- {len(by_rule)} theorems missing from the split manifest were assigned by the published "
                     f"rule: {', '.join(by_rule[:8])}{' …' if len(by_rule) > 8 else ''}")
    in_library = run.get("excluded_in_library") or []
    if in_library:
        lines.append(f"- {len(in_library)} theorems of the split are not attempted: the checker's library already has "
                     f"them (Lean's Prelude lemmas, restated by the corpus): {', '.join(in_library)}")
    for m, why in (run.get("skipped") or {}).items():
        lines.append(f"- method `{m}` was not run: {why}")
    lines += ["", "## Completion (measured)", "",
              "| method | proved | % | logic | Nat | List | tactics/min | tactics/CPU-min | CPU s per proved | search s |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for m, s in stats.items():
        areas = " | ".join(f"{p}/{n}" for p, n in (s["areas"][a] for a in AREAS))
        cpp = f"{s['cpu_per_proved']:.2f}" if s["cpu_per_proved"] is not None else "n/a"
        lines.append(f"| {m} | {s['proved']}/{s['attempted']} | {100 * s['rate']:.1f} | {areas} | "
                     f"{s['tactics_per_minute']:,.0f} | {s['tactics_per_cpu_minute']:,.0f} | {cpp} | "
                     f"{s['search_seconds']:.1f} |")
    load = run.get("load_average")
    lines += ["", "Tactics/min is tactics tried per minute of search wall time, per worker; tactics/CPU-min per "
              "minute of CPU (search thread + its checker process), what a dedicated core delivers. "
              + (f"The machine's 1-minute load average was {load[0]} at the start and {load[1]} at the end "
                 f"on {run.get('cores', '?')} cores, so wall-time figures are lower than on an idle machine. "
                 if load else ""), "",
              "![cactus](cactus.png)", "", "![throughput](throughput.png)", "",
              "## Cost against an LLM prover", "",
              f"Ours is measured ({cost['ours_method']}); the LLM rows are quoted figures, each with its source. "
              f"CPU price: ${cost['price']}/core-hour ({cost['price_source']}).", "",
              "| prover | parameters | $ per attempted | $ per proved | figures |", "| --- | --- | --- | --- | --- |"]
    for row in [cost["ours"]] + cost["llms"]:
        params = f"{row.parameters:,}" if row.parameters else "n/a"
        if row.measured and cost["nominal_parameters"]:
            params += " (nominal: no model measured)"
        tag = "measured" if row.measured else "quoted"
        lines.append(f"| {row.prover} | {params} | {_fmt_money(row.per_attempted)} | {_fmt_money(row.per_proved)} | "
                     f"{tag}: {row.basis} |")
    lines += ["", "| LLM | its $ per proved ÷ ours | its $ per attempted ÷ ours | its parameters ÷ ours |",
              "| --- | --- | --- | --- |"]
    for c in cost["ratios"]:
        f = lambda v: f"{v:,.0f}×" if v else "n/a"  # noqa: E731
        lines.append(f"| {c['llm']} | {f(c['cost_ratio_per_proved'])} | {f(c['cost_ratio_per_attempted'])} | "
                     f"{f(c['parameter_ratio'])} |")
    lines += ["", "Caveat: the LLM figures are for miniF2F-test (competition mathematics), ours for this benchmark; "
              "the comparison is of cost per theorem on each prover's own benchmark, not of difficulty.", "",
              "### Sources of quoted figures", ""]
    for model in cost["figures"]["models"]:
        lines.append(f"- {model['name']}: {model['source']} ({model['verified']})")
    for price in cost["figures"]["prices"]:
        lines.append(f"- {price['host']}: {price['source']} ({price['verified']})")
    lines.append(f"- CPU price: {cost['figures']['cpu']['source']} ({cost['figures']['cpu']['verified']})")
    return "\n".join(lines) + "\n"


def markdown_to_html(md: str, images: dict[str, bytes]) -> str:
    """A small Markdown subset (headings, tables, lists, images, paragraphs) to self-contained HTML."""
    body: list[str] = []
    table: list[list[str]] = []

    def flush_table() -> None:
        if not table:
            return
        head, rows = table[0], [r for r in table[2:]]
        body.append("<table><thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr></thead><tbody>"
                    + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
                    + "</tbody></table>")
        table.clear()

    for line in md.splitlines():
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if line.startswith("![") and "](" in line:
            name = line[line.index("](") + 2:-1]
            data = base64.b64encode(images.get(name, b"")).decode("ascii")
            body.append(f'<p><img alt="{html.escape(name)}" src="data:image/png;base64,{data}"></p>')
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{html.escape(line[level:].strip())}</h{level}>")
        elif line.startswith("- "):
            body.append(f"<li>{html.escape(line[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    flush_table()
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;}table{border-collapse:collapse;}"
             "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;}img{max-width:100%;}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Evaluation report</title><style>{style}</style>"
            f"</head><body>{''.join(body)}</body></html>\n")


def cost_section(run: dict[str, Any], stats: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Our measured cost row (the learned method, else the best searching method) and the quoted LLM rows."""
    figures = load_figures()
    price = run.get("price_core_hour") or figures["cpu"]["usd_per_core_hour"]
    price_source = "given on the command line" if run.get("price_core_hour") else "eval/llm_figures.json"
    candidates = [m for m in ("learned", "heuristic", "uniform", "automation") if m in stats]
    method = candidates[0] if candidates else None
    s = stats.get(method, {"cpu_seconds": 0.0, "attempted": 0, "proved": 0}) if method else \
        {"cpu_seconds": 0.0, "attempted": 0, "proved": 0}
    measured_params = (run.get("methods", {}).get(method or "", {}) or {}).get("parameters")
    params = measured_params or OUR_PARAMETERS_NOMINAL
    ours = our_row(f"ours ({method})", params, s["cpu_seconds"], s["attempted"], s["proved"], price)
    llms = llm_rows(figures)
    return {"ours": ours, "llms": llms, "ratios": comparison(ours, llms), "price": price,
            "price_source": price_source, "figures": figures, "nominal_parameters": not measured_params,
            "ours_method": f"method `{method}`" + ("" if method == "learned" else ", no learned model in this run")}


def write_report(directory: Path) -> str:
    """Write ``report.md``, ``report.html`` and the PNGs; return a one-line summary."""
    run = json.loads((directory / "run.json").read_text(encoding="utf-8")) if (directory / "run.json").exists() else {}
    results = load_results(directory)
    stats = {m: method_stats(rs) for m, rs in results.items()}
    images = plots(stats, float(run.get("time_limit", 5.0)))
    for name, data in images.items():
        (directory / name).write_bytes(data)
    md = build_markdown(run, stats, cost_section(run, stats))
    (directory / "report.md").write_text(md, encoding="utf-8")
    (directory / "report.html").write_text(markdown_to_html(md, images), encoding="utf-8")
    parts = [f"{m} {s['proved']}/{s['attempted']}" for m, s in stats.items()]
    return f"report written to {directory}/report.html: " + ", ".join(parts)


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m eval.report DIR``: rebuild the report from the files in DIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m eval.report DIR", file=sys.stderr)
        return 2
    print(write_report(Path(args[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
