/// The live channel as both pages use it (`/live.js`): connects with the page's
/// identity in the sub-protocol list, hands every state to the page, and when the channel
/// drops shows "Reconnecting…", asks the page to check where it stands, and tries again
/// with a growing pause (1 s, doubling, at most 8 s) until the session has ended.
enum LiveScript {
    static let source = #"""
        "use strict";
        /* page: { identity(), state(view), recheck() -> Promise<bool> (false: stop), ended() } */
        function followRoom(page) {
          let socket = null, retry = 1000, stopped = false;
          const notice = document.getElementById("connection");
          function connect() {
            const scheme = location.protocol === "https:" ? "wss://" : "ws://";
            socket = new WebSocket(scheme + location.host + "/api/live", ["twofold", page.identity()]);
            socket.onopen = () => { retry = 1000; notice.hidden = true; };
            socket.onmessage = (event) => page.state(JSON.parse(event.data));
            socket.onclose = () => { if (!stopped && !page.ended()) reconnect(); };
          }
          async function reconnect() {
            notice.hidden = false;
            await new Promise((resolve) => setTimeout(resolve, retry));
            retry = Math.min(retry * 2, 8000);
            let goOn = true;
            try { goOn = await page.recheck(); } catch (e) { /* the room is not reachable yet */ }
            if (goOn && !stopped && !page.ended()) connect();
          }
          connect();
          return { stop() { stopped = true; notice.hidden = true; if (socket) socket.close(); } };
        }
        """#
}
