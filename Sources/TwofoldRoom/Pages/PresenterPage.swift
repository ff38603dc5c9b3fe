/// The presenter view (`/present?key=…`): large type for a projector — the scene and its
/// choices, "k of N voted" live, the split as bars with feedback and questions after the
/// reveal, the countdown (with a sound at zero), and how to join.
enum PresenterPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Twofold — presenter</title>
        <link rel="stylesheet" href="/room.css">
        <script src="/live.js" defer></script>
        <script src="/present.js" defer></script>
        </head>
        <body class="presenter">
        <header>
          <span id="scenario"></span>
          <span class="join-line">Join: <strong id="join-url"></strong> · code <strong id="join-code"></strong></span>
        </header>
        <main>
          <section id="decision">
            <p class="meta">Decision <span id="number"></span></p>
            <p id="votes" class="votes" role="status"></p>
            <p id="scene" class="scene"></p>
            <ol id="choices" class="presenter-choices"></ol>
            <div id="prompts" class="prompts" hidden>
              <h2>To discuss</h2>
              <ul id="prompt-list"></ul>
            </div>
            <p id="countdown" class="countdown" hidden></p>
          </section>
          <section id="ended" hidden>
            <h1 id="ending-title"></h1>
            <p id="ending-text" class="scene"></p>
          </section>
          <aside class="qr"><img id="qr" alt="QR code of the join address" width="240" height="240"></aside>
        </main>
        <footer>
          <button id="sound" type="button">Sound on</button>
          <span id="connection" class="connection" hidden>Reconnecting…</span>
        </footer>
        </body>
        </html>

        """
}
