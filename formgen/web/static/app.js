"use strict";
// formgen web app: keyboard-driven verification, applicant search, uploads. No dependencies.

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

function post(url, body) {
  return fetch(url, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf()},
    body: JSON.stringify(body)});
}

// -- verification station ------------------------------------------------------------------
function setupStation() {
  const list = document.getElementById("fields");
  if (!list) return;
  const messages = JSON.parse(document.getElementById("verify-messages").textContent);
  const rows = () => Array.from(list.querySelectorAll(".field-row"));
  const mark = (target) => rows().forEach((r) => r.classList.toggle("current", r.contains(target)));
  const focusRow = (row) => {
    if (!row) return;
    const input = row.querySelector("input.value");
    input.focus();
    mark(input);  // no focusin when the page's autofocus already put the caret there
    input.select();
    row.scrollIntoView({block: "nearest"});
  };
  const move = (row, step) => {
    const all = rows();
    const next = all[all.indexOf(row) + step];
    if (next) focusRow(next);
    else if (step > 0 && document.getElementById("more")) document.getElementById("more").focus();
  };
  list.addEventListener("focusin", (e) => {
    mark(e.target);
    if (e.target.matches("input.value")) e.target.select();  // typing replaces the reading
  });
  list.addEventListener("keydown", (e) => {
    const row = e.target.closest(".field-row");
    if (!row) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(row, 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(row, -1); }
    else if (e.key === "Escape") {
      e.target.value = row.dataset.reading;
      e.target.select();
    }
  });
  list.addEventListener("submit", async (e) => {
    e.preventDefault();
    const row = e.target;
    const input = row.querySelector("input.value");
    const note = row.querySelector(".note");
    note.className = "note";
    note.textContent = messages.saving;
    let answer, data;
    try {
      answer = await post(`/api/fields/${row.dataset.finding}`,
                          {value: input.value, version: Number(row.dataset.version)});
      data = await answer.json();
    } catch (err) {
      note.className = "note bad";
      note.textContent = messages.failed.replace("{message}", String(err));
      return;
    }
    if (answer.ok) {
      row.dataset.version = data.version;
      row.dataset.reading = data.value;
      input.value = data.value;
      row.classList.remove("conflict");
      row.classList.add("saved");
      note.className = "note ok";
      note.textContent = data.message;
      move(row, 1);
    } else if (answer.status === 409) {
      row.dataset.version = data.version;
      input.value = data.value ?? "";
      row.classList.add("conflict");
      note.className = "note bad";
      note.textContent = data.message;
      input.select();
    } else {
      row.classList.add("conflict");
      note.className = "note bad";
      note.textContent = messages.failed.replace("{message}", data.message || answer.status);
      input.select();
    }
  });
  const first = rows()[0];
  if (first) focusRow(first);
}

// -- applicant search on a page waiting for its owner -------------------------------------
function setupApplicantSearch() {
  const search = document.getElementById("applicant-search");
  if (!search) return;
  const results = document.getElementById("applicant-results");
  const hidden = document.getElementById("applicant-id");
  let timer = null;
  const choose = (item) => {
    hidden.value = item.id;
    search.value = `${item.nama} (${item.nik || "-"})`;
    results.innerHTML = "";
    search.form.querySelector("button.primary").focus();
  };
  search.addEventListener("input", () => {
    hidden.value = "";
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const answer = await fetch(`/api/applicants?q=${encodeURIComponent(search.value)}`,
                                 {credentials: "same-origin"});
      const data = await answer.json();
      results.innerHTML = "";
      data.applicants.forEach((item) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "small";
        button.textContent = `${item.nama} · ${item.nik || "-"}`;
        button.addEventListener("click", () => choose(item));
        results.appendChild(button);
      });
    }, 200);
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = results.querySelector("button");
      if (first) { e.preventDefault(); first.focus(); }
    }
    if (e.key === "Enter" && !hidden.value) {
      e.preventDefault();
      const first = results.querySelector("button");
      if (first) first.click();
    }
  });
  results.addEventListener("keydown", (e) => {
    const buttons = Array.from(results.querySelectorAll("button"));
    const at = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && at < buttons.length - 1) { e.preventDefault(); buttons[at + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? buttons[at - 1] : search).focus(); }
  });
}

// -- intake: drag and drop, upload progress, reading progress ----------------------------------
function renderJobs(box, jobs) {
  const states = JSON.parse(box.dataset.states);
  box.innerHTML = "";
  if (!jobs.length) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = box.dataset.empty;
    box.appendChild(p);
    return;
  }
  jobs.forEach((job) => {
    const div = document.createElement("div");
    div.className = "job card";
    const head = document.createElement("div");
    head.innerHTML = "<b></b> · <span></span>";
    head.querySelector("b").textContent = job.names.join(", ");
    head.querySelector("span").textContent = `${states[job.state] || job.state} (${job.user})`;
    div.appendChild(head);
    if (job.state === "running" || job.state === "waiting") {
      const bar = document.createElement("progress");
      bar.max = Math.max(job.total, 1);
      bar.value = job.done;
      div.appendChild(bar);
    }
    job.lines.concat(job.summary ? [job.summary] : []).forEach((line) => {
      const l = document.createElement("div");
      l.className = "muted";
      l.textContent = line;
      div.appendChild(l);
    });
    box.appendChild(div);
  });
}

async function pollJobs(box) {
  try {
    const answer = await fetch("/api/intake/jobs", {credentials: "same-origin"});
    if (answer.ok) renderJobs(box, (await answer.json()).jobs);
  } catch (err) { /* the next poll tries again */ }
  setTimeout(() => pollJobs(box), 1500);
}

function setupIntake() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  const bar = document.getElementById("upload-progress");
  ["dragenter", "dragover"].forEach((ev) => drop.addEventListener(ev, (e) => {
    e.preventDefault(); drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((ev) => drop.addEventListener(ev, (e) => {
    e.preventDefault(); drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (e) => { input.files = e.dataTransfer.files; });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!input.files.length) { input.click(); return; }
    const data = new FormData();
    Array.from(input.files).forEach((f) => data.append("files", f, f.name));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/intake/upload");
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.setRequestHeader("Accept", "application/json");
    bar.hidden = false;
    xhr.upload.onprogress = (p) => { if (p.lengthComputable) bar.value = (100 * p.loaded) / p.total; };
    xhr.onload = () => { bar.value = 100; input.value = ""; setTimeout(() => { bar.hidden = true; }, 800); };
    xhr.send(data);
  });
  pollJobs(document.getElementById("jobs"));
}

document.addEventListener("DOMContentLoaded", () => {
  setupStation();
  setupApplicantSearch();
  setupIntake();
});
