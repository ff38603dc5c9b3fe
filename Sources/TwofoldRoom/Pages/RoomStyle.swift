/// The one style sheet of both pages: large touch targets on a phone, large type on a
/// projector, high contrast, no web fonts.
enum RoomStyle {
    static let css = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#f6f5f2}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        [hidden]{display:none!important}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}
        h2{font-size:1.1rem;margin:1rem 0 .25rem}
        label{display:block;font-weight:600;margin:.75rem 0 .25rem}
        input,select{width:100%;font-size:1.2rem;padding:.6rem;border:2px solid #555;border-radius:.5rem;background:#fff}
        #code{text-transform:uppercase;letter-spacing:.2em}
        button{font:inherit;cursor:pointer}
        #join-button{margin-top:1rem;width:100%;padding:.8rem;font-size:1.2rem;font-weight:700;border:0;border-radius:.5rem;background:#1f4e9c;color:#fff}
        .error{color:#a00000;min-height:1.5em}
        .meta{color:#555;font-size:.9rem;margin:0 0 .5rem}
        .scene{white-space:pre-wrap}
        .choices{display:flex;flex-direction:column;gap:.75rem;margin:1rem 0}
        .choice{display:flex;gap:.75rem;align-items:flex-start;text-align:left;width:100%;min-height:3.5rem;padding:.8rem;border:2px solid #1f4e9c;border-radius:.75rem;background:#fff;color:#111}
        .choice.chosen{background:#1f4e9c;color:#fff}
        .choice:disabled{opacity:.75;cursor:default}
        .number{flex:none;display:inline-block;min-width:2rem;font-weight:800;font-size:1.2rem}
        .status{font-weight:600}
        .split{margin:1rem 0}
        .bar-row{display:flex;align-items:center;gap:.5rem;margin:.35rem 0}
        .bar-row.chosen .bar-label{text-decoration:underline}
        .bar-label{flex:none;width:1.5rem;font-weight:800}
        .bar{display:inline-block;height:1.2rem;min-width:2px;background:#1f4e9c;border-radius:.2rem}
        .bar-count{flex:none;white-space:nowrap}
        .feedback{white-space:pre-wrap}
        .countdown{font-size:1.4rem;font-weight:800}
        .connection{color:#8a5a00;font-weight:600}
        .who{color:#555;font-size:.9rem;margin-top:2rem}
        body.presenter{font-size:clamp(18px,2.1vw,40px);background:#fff}
        .presenter header{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;padding:.5rem 1rem;background:#1f4e9c;color:#fff;font-size:.8em}
        .presenter main{max-width:none;display:grid;grid-template-columns:1fr auto;gap:2rem;padding:1rem 2rem}
        .presenter .meta{font-size:.8em}
        .presenter-choices{list-style:none;padding:0;margin:1rem 0}
        .presenter-choice{margin:.6rem 0;padding:.4rem .6rem;border-left:.3rem solid #1f4e9c}
        .choice-text{display:flex;gap:.6rem;margin:0}
        .presenter .bar{height:1em}
        .voters,.deltas{margin:.2rem 0;color:#444;font-size:.75em}
        .presenter .feedback{margin:.2rem 0;font-size:.8em}
        .votes{font-size:1.3em;font-weight:800}
        .prompts li{margin:.4rem 0}
        .presenter .countdown{font-size:2.5em}
        .qr img{width:12em;height:12em;image-rendering:pixelated}
        .presenter footer{padding:.5rem 2rem;font-size:.6em}
        @media (max-width:900px){.presenter main{grid-template-columns:1fr}}

        """
}
