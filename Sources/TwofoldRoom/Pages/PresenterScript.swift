/// The presenter view's script: follows the live channel with the presenter key (sent as
/// a WebSocket sub-protocol, not in the channel's address), draws the vote count, the
/// split as bars after the reveal, the questions and the countdown, and beeps at zero
/// once sound is switched on (browsers allow sound only after a click).
enum PresenterScript {
    static let source = #"""
        "use strict";
        const $ = (id) => document.getElementById(id);
        const key = new URLSearchParams(location.search).get("key") || "";
        let audio = null, timer = null, ended = false, countdownEnd = null;

        function connect() {
          followRoom({
            identity: () => "presenter." + key,
            state: render,
            ended: () => ended,
            recheck: async () => {
              const response = await fetch("/api/presenter", { headers: { Authorization: "Bearer " + key } });
              if (response.status === 200) render(await response.json());
              return true;
            },
          });
        }

        function render(view) {
          $("scenario").textContent = view.scenario;
          $("join-url").textContent = view.join.url;
          $("join-code").textContent = view.join.code;
          if (view.phase === "finished") {
            ended = true;
            $("decision").hidden = true;
            $("ended").hidden = false;
            $("ending-title").textContent = view.ending ? view.ending.title : "The end";
            $("ending-text").textContent = view.ending ? view.ending.text : "";
            return;
          }
          $("number").textContent = view.decision;
          $("scene").textContent = view.scene;
          $("votes").textContent = view.voted + " of " + view.participants + " voted"
            + (view.revealed && view.abstained ? " · " + view.abstained + " abstained" : "");
          renderChoices(view);
          $("prompts").hidden = !view.prompts;
          const list = $("prompt-list");
          list.replaceChildren();
          for (const prompt of view.prompts || []) {
            const item = document.createElement("li");
            item.textContent = prompt;
            list.append(item);
          }
          countdown(view.countdown);
        }

        function renderChoices(view) {
          const box = $("choices");
          box.replaceChildren();
          const most = Math.max(1, ...view.choices.map((choice) => choice.votes || 0));
          for (const choice of view.choices) {
            const item = document.createElement("li");
            item.className = "presenter-choice";
            const head = document.createElement("p");
            head.className = "choice-text";
            const number = document.createElement("span");
            number.className = "number";
            number.textContent = choice.number;
            const text = document.createElement("span");
            text.textContent = choice.text;
            head.append(number, text);
            item.append(head);
            if (view.revealed) item.append(...revealed(choice, most));
            box.append(item);
          }
        }

        function revealed(choice, most) {
          const row = document.createElement("div");
          row.className = "bar-row";
          const bar = document.createElement("span");
          bar.className = "bar";
          bar.style.width = (choice.votes / most * 100) + "%";
          const count = document.createElement("span");
          count.className = "bar-count";
          count.textContent = choice.votes + (choice.votes === 1 ? " vote" : " votes");
          row.append(bar, count);
          const parts = [row];
          if (choice.voters && choice.voters.length) {
            const voters = document.createElement("p");
            voters.className = "voters";
            voters.textContent = choice.voters.join(", ");
            parts.push(voters);
          }
          const deltas = document.createElement("p");
          deltas.className = "deltas";
          deltas.textContent = choice.deltas.map((d) => d.axis + " " + (d.value > 0 ? "+" : "") + d.value).join(" · ");
          const feedback = document.createElement("p");
          feedback.className = "feedback";
          feedback.textContent = choice.feedback;
          parts.push(deltas, feedback);
          return parts;
        }

        function countdown(seconds) {
          const label = $("countdown");
          const end = seconds == null ? null : Date.now() + seconds * 1000;
          if (end !== null && countdownEnd !== null && Math.abs(end - countdownEnd) < 1500) return;
          clearInterval(timer);
          countdownEnd = end;
          label.hidden = end === null;
          if (end === null) return;
          const tick = () => {
            const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
            label.textContent = left > 0 ? Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") : "Time";
            if (left === 0) { clearInterval(timer); beep(); }
          };
          tick();
          timer = setInterval(tick, 250);
        }

        function beep() {
          if (!audio) return;
          const tone = audio.createOscillator();
          const gain = audio.createGain();
          tone.frequency.value = 660;
          gain.gain.setValueAtTime(0.3, audio.currentTime);
          gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 1.2);
          tone.connect(gain).connect(audio.destination);
          tone.start();
          tone.stop(audio.currentTime + 1.2);
        }

        document.addEventListener("DOMContentLoaded", () => {
          $("qr").src = "/present/join.svg?key=" + encodeURIComponent(key);
          $("sound").addEventListener("click", () => {
            audio = audio || new AudioContext();
            audio.resume();
            $("sound").textContent = "Sound is on";
            $("sound").disabled = true;
          });
          connect();
        });
        """#
}
