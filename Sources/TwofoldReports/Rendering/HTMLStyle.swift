/// The report's inline style sheet: screen and print, no external fonts or images.
enum HTMLStyle {
    static let css = """
    :root { --ink: #1f2933; --muted: #616e7c; --rule: #d9e2ec; --paper: #ffffff; --page: #f5f7fa;
      --manager: #2f6fb3; --leader: #2f8f6a; --loss: #c2553d;
      --both: #dff3e8; --manager-bg: #e3eefa; --leader-bg: #fdf1d8; --emerging: #eef0f3; }
    * { box-sizing: border-box; }
    html { background: var(--page); }
    body { margin: 0; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 920px; margin: 24px auto; padding: 36px 44px; background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; }
    h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 16px; }
    h2 { font-size: 19px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
    section { margin: 28px 0; }
    p { margin: 0 0 10px; }
    .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
    .muted { color: var(--muted); font-weight: normal; }
    .meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px 24px; margin: 0; }
    .meta div { min-width: 0; }
    .meta dt { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
    .meta dd { margin: 0; overflow-wrap: anywhere; }
    .overview { display: grid; grid-template-columns: minmax(0, 1fr) 350px; gap: 32px; align-items: start; }
    .axis { margin: 0 0 18px; }
    .axis-head { display: flex; justify-content: space-between; font-weight: 600; }
    .axis-percent { font-size: 22px; line-height: 1; }
    .manager .axis-percent { color: var(--manager); }
    .leader .axis-percent { color: var(--leader); }
    .meter { display: block; width: 100%; height: 12px; margin: 6px 0 4px; }
    .meter .track { fill: #e4e7eb; }
    .manager .meter .fill { fill: var(--manager); }
    .leader .meter .fill { fill: var(--leader); }
    .extra .meter .fill { fill: var(--muted); }
    .axis-raw, .note, figcaption { font-size: 13px; color: var(--muted); }
    figure { margin: 0; }
    .chart { display: block; width: 100%; height: auto; font-family: inherit; }
    .region-both { fill: var(--both); } .region-manager { fill: var(--manager-bg); }
    .region-leader { fill: var(--leader-bg); } .region-emerging { fill: var(--emerging); }
    .region.current { stroke: #7b8794; stroke-width: 1; }
    .region-label { font-size: 11px; fill: #52606d; font-weight: 600; }
    .frame { fill: none; stroke: #9aa5b1; }
    .threshold { stroke: #7b8794; stroke-dasharray: 4 3; }
    .tick { font-size: 10px; fill: var(--muted); }
    .axis-title { font-size: 12px; fill: var(--ink); font-weight: 600; }
    .you circle { fill: var(--ink); stroke: #fff; stroke-width: 2; }
    .you text { font-size: 12px; font-weight: 700; fill: var(--ink); }
    .you text, .balanced-point text { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .balanced-point circle { fill: #fff; stroke: var(--leader); stroke-width: 2.5; }
    .balanced-point text { font-size: 11px; fill: #3e4c59; }
    .participant circle, .attempt circle { fill: var(--ink); fill-opacity: .78; stroke: #fff; stroke-width: 1.5; }
    .participant text, .attempt text { font-size: 10px; font-weight: 700; fill: #fff; }
    .scatter-key { list-style: none; padding: 0; columns: 2; font-size: 13px; }
    .scatter-key li { margin: 0 0 4px; }
    .dot-number { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 1em; background: var(--ink); color: #fff; font-size: 11px; font-weight: 700; }
    .profile { background: #f8fafc; border-left: 4px solid var(--muted); padding: 14px 18px; border-radius: 4px; }
    .profile h2 { border: 0; padding: 0; }
    .profile-both { border-color: var(--leader); } .profile-manager { border-color: var(--manager); }
    .profile-leader { border-color: #d69e2e; }
    .thesis { font-style: italic; color: var(--muted); margin: 0; }
    table { width: 100%; border-collapse: collapse; font-size: 14px; }
    th, td { text-align: left; vertical-align: top; padding: 8px 8px; border-bottom: 1px solid var(--rule); }
    th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
    td.num, th.num { width: 2em; text-align: right; color: var(--muted); }
    td.scene { color: var(--muted); width: 32%; font-size: 13px; }
    th.delta, td.delta { width: 170px; white-space: nowrap; }
    .delta-num { display: inline-block; width: 2.2em; text-align: right; margin-right: 6px; font-variant-numeric: tabular-nums; font-weight: 600; }
    .delta-num.loss { color: var(--loss); } .delta-num.zero { color: var(--muted); }
    .delta-bar { display: inline-block; width: 110px; height: 14px; vertical-align: middle; }
    .delta-bar.zero .bar { fill: none; }
    .delta-bar .track { fill: #d9e2ec; }
    .delta-bar.manager.gain .bar { fill: var(--manager); } .delta-bar.leader.gain .bar { fill: var(--leader); }
    .delta-bar.loss .bar { fill: var(--loss); }
    .zero-line { stroke: #7b8794; stroke-width: 1.5; }
    ol, ul { padding-left: 1.4em; margin: 0; }
    li { margin: 0 0 12px; }
    .choice { margin-bottom: 4px; }
    .vote { font-style: italic; color: var(--muted); }
    .balanced li, .reflection li { margin-bottom: 6px; }
    .ending .kind { font-style: italic; color: var(--muted); }
    footer { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
    @media (max-width: 760px) { main { padding: 20px; margin: 0; border: 0; } .overview { grid-template-columns: 1fr; } }
    @page { size: A4; margin: 14mm; }
    @media print {
      html, body { background: #fff; }
      body { font-size: 10.5pt; }
      main { max-width: none; margin: 0; padding: 0; border: 0; }
      section, tr, li, figure { break-inside: avoid; }
      h2 { break-after: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
