/// The participant page's script: joining, voting, and following the live channel
/// (with ``LiveScript``).
///
/// The token lives in the phone's local storage with the room code it belongs to, and is
/// sent only in headers (`Authorization`, and the WebSocket sub-protocol list); after
/// joining the page's address drops the code. Every piece of text is put in place with
/// `textContent`. A lost connection is retried with a growing pause, and a token the room
/// no longer knows sends the person back to the join form.
enum ParticipantScript {
    static let source = #"""
        "use strict";
        const $ = (id) => document.getElementById(id);
        const store = window.localStorage;
        let token = null, state = null, live = null, ended = false, timer = null;

        function show(section) {
          for (const id of ["join", "decision", "ended"]) $(id).hidden = id !== section;
        }

        async function api(method, path, body) {
          const headers = { "Content-Type": "application/json" };
          if (token) headers.Authorization = "Bearer " + token;
          const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
          let data = null;
          if (response.status !== 204) { try { data = await response.json(); } catch (e) { data = null; } }
          return { status: response.status, data };
        }

        function saved() {
          try { return JSON.parse(store.getItem("twofold.room") || "null"); } catch (e) { return null; }
        }

        async function start() {
          const code = new URLSearchParams(location.search).get("code") || "";
          const kept = saved();
          if (kept && (!code || kept.code === code.toUpperCase())) {
            token = kept.token;
            const answer = await api("GET", "/api/state");
            if (answer.status === 200) { tidyAddress(); render(answer.data); connect(); return; }
            if (answer.status === 401) { store.removeItem("twofold.room"); token = null; }
          }
          showJoin(code);
        }

        function tidyAddress() {
          if (location.search) history.replaceState(null, "", "/");
        }

        function showJoin(code) {
          show("join");
          $("code").value = code.toUpperCase();
          if (code) lookUp(); else $("code").focus();
        }

        async function lookUp() {
          const code = $("code").value.trim();
          if (code.replace(/[\s-]/g, "").length !== 6) return;
          const answer = await api("POST", "/api/roster", { code });
          if (answer.status !== 200) { $("join-error").textContent = message(answer); return; }
          $("join-error").textContent = "";
          const roster = !answer.data.open;
          $("roster-name").hidden = !roster;
          $("typed-name").hidden = roster;
          if (roster) {
            const select = $("roster");
            select.replaceChildren();
            for (const name of answer.data.names) {
              const option = document.createElement("option");
              option.value = name;
              option.textContent = answer.data.joined.includes(name) ? name + " (joined)" : name;
              option.disabled = answer.data.joined.includes(name);
              select.append(option);
            }
          } else {
            $("name").focus();
          }
        }

        async function join(event) {
          event.preventDefault();
          const code = $("code").value.trim();
          const name = $("roster-name").hidden ? $("name").value : $("roster").value;
          $("join-button").disabled = true;
          const answer = await api("POST", "/api/join", { code, name });
          $("join-button").disabled = false;
          if (answer.status !== 200) { $("join-error").textContent = message(answer); return; }
          token = answer.data.token;
          store.setItem("twofold.room", JSON.stringify({ code: code.replace(/[\s-]/g, "").toUpperCase(), token }));
          tidyAddress();
          const current = await api("GET", "/api/state");
          if (current.status === 200) render(current.data);
          connect();
        }

        function message(answer) {
          return (answer.data && answer.data.error) || "Something went wrong (" + answer.status + "). Try again.";
        }

        function render(next) {
          state = next;
          const room = next.room;
          $("who").textContent = "You are " + next.you.name;
          if (room.phase === "finished") {
            ended = true;
            show("ended");
            $("ending-title").textContent = room.ending ? room.ending.title : "The end";
            $("ending-text").textContent = room.ending ? room.ending.text : "";
            return;
          }
          show("decision");
          $("scenario").textContent = room.scenario;
          $("number").textContent = room.decision;
          $("scene").textContent = room.scene;
          renderChoices(room, next.you.vote);
          renderSplit(room, next.you.vote);
          $("feedback").hidden = !next.you.feedback;
          $("feedback-text").textContent = next.you.feedback || "";
          $("status").textContent = room.revealed
            ? (next.you.vote ? "Votes are in. You chose " + next.you.vote + "." : "Votes are in. You did not vote.")
            : (next.you.vote ? "Your vote: " + next.you.vote + ". You can change it until the reveal." : "Tap a choice to vote.");
          countdown(next.countdown);
        }

        function renderChoices(room, vote) {
          const box = $("choices");
          box.replaceChildren();
          for (const choice of room.choices) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "choice" + (choice.number === vote ? " chosen" : "");
            button.dataset.number = choice.number;
            button.disabled = room.revealed;
            button.setAttribute("aria-pressed", choice.number === vote ? "true" : "false");
            const number = document.createElement("span");
            number.className = "number";
            number.textContent = choice.number;
            const text = document.createElement("span");
            text.className = "text";
            text.textContent = choice.text;
            button.append(number, text);
            button.addEventListener("click", () => castVote(choice.number));
            box.append(button);
          }
        }

        function renderSplit(room, vote) {
          const box = $("split");
          box.hidden = !room.split;
          box.replaceChildren();
          if (!room.split) return;
          const most = Math.max(1, ...room.split.map((option) => option.votes));
          for (const option of room.split) {
            const row = document.createElement("div");
            row.className = "bar-row" + (option.number === vote ? " chosen" : "");
            const label = document.createElement("span");
            label.className = "bar-label";
            label.textContent = option.number;
            const bar = document.createElement("span");
            bar.className = "bar";
            bar.style.width = (option.votes / most * 100) + "%";
            const count = document.createElement("span");
            count.className = "bar-count";
            count.textContent = option.votes + (option.votes === 1 ? " vote" : " votes");
            row.append(label, bar, count);
            box.append(row);
          }
        }

        async function castVote(number) {
          const answer = await api("POST", "/api/vote", { choice: number });
          if (answer.status === 204) {
            state.you.vote = number;
            render(state);
          } else if (answer.status === 401) {
            lost();
          } else {
            $("status").textContent = message(answer);
          }
        }

        function countdown(seconds) {
          clearInterval(timer);
          const label = $("countdown");
          label.hidden = seconds == null;
          if (seconds == null) return;
          const end = Date.now() + seconds * 1000;
          const tick = () => {
            const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
            label.textContent = left > 0
              ? "Discussion: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0")
              : "Time is up";
            if (left === 0) clearInterval(timer);
          };
          tick();
          timer = setInterval(tick, 250);
        }

        function connect() {
          live = followRoom({
            identity: () => "bearer." + token,
            state: render,
            ended: () => ended,
            recheck: async () => {
              const answer = await api("GET", "/api/state");
              if (answer.status === 401) { lost(); return false; }
              if (answer.status === 200) render(answer.data);
              return true;
            },
          });
        }

        function lost() {
          store.removeItem("twofold.room");
          token = null;
          if (live) live.stop();
          showJoin("");
        }

        document.addEventListener("DOMContentLoaded", () => {
          $("join-form").addEventListener("submit", join);
          $("code").addEventListener("input", lookUp);
          start();
        });
        """#
}
