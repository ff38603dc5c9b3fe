/// The participant page (`/`): join, then the current decision with a big button per
/// choice, the split and your choice's feedback after the reveal, and the ending.
/// Markup only: its behaviour is in ``ParticipantScript`` and its look in ``RoomStyle``.
enum ParticipantPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Twofold room</title>
        <link rel="stylesheet" href="/room.css">
        <script src="/live.js" defer></script>
        <script src="/room.js" defer></script>
        </head>
        <body class="participant">
        <main>
          <section id="join" hidden>
            <h1>Join the room</h1>
            <form id="join-form" autocomplete="off">
              <label for="code">Room code</label>
              <input id="code" name="code" maxlength="9" autocapitalize="characters" spellcheck="false" required>
              <div id="typed-name">
                <label for="name">Your name</label>
                <input id="name" name="name" maxlength="40" autocomplete="given-name">
              </div>
              <div id="roster-name" hidden>
                <label for="roster">Your name</label>
                <select id="roster" name="roster"></select>
              </div>
              <button type="submit" id="join-button">Join</button>
              <p id="join-error" class="error" role="alert"></p>
            </form>
          </section>
          <section id="decision" hidden>
            <p class="meta"><span id="scenario"></span> · Decision <span id="number"></span></p>
            <p id="scene" class="scene"></p>
            <div id="choices" class="choices"></div>
            <p id="status" class="status" role="status"></p>
            <div id="split" class="split" hidden></div>
            <div id="feedback" class="feedback" hidden>
              <h2>About your choice</h2>
              <p id="feedback-text"></p>
            </div>
            <p id="countdown" class="countdown" hidden></p>
          </section>
          <section id="ended" hidden>
            <h1 id="ending-title"></h1>
            <p id="ending-text" class="scene"></p>
            <p>The session has ended. Thank you for taking part.</p>
          </section>
          <p id="connection" class="connection" hidden>Reconnecting…</p>
          <footer id="who" class="who"></footer>
        </main>
        </body>
        </html>

        """
}
